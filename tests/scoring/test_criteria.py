"""The criteria table in product.md, case by case: when each verdict must be given and when it must not.

Every case is judged in the kettle scenario (tests/scenarios/minimal.py: a £25 kettle, faulty after 7 days, bought
in store; the assistant may refund up to £50 and give a voucher up to £5; refers to a supervisor). For `hear`,
`empathise`, `apologise`, `own` and `escalation` the verdict to look for is `met`; for `authority` and
`professional` it is `breach`. Cases were written from the definitions, not from the scorer's word lists.
"""

from __future__ import annotations

import pytest

from scenarios import CompiledScenario

from .variants import DEFAULT_CUSTOMER, evidence_maps, judge, kettle

KETTLE = kettle()
ANGRY = "This is the second kettle that's broken on me. I'm absolutely fuming."


def check(reply: str, criterion: str, verdict: str, fires: bool, scenario: CompiledScenario | None = KETTLE, **ctx):
    assessment = judge(reply, scenario, **ctx)
    result = assessment.results[criterion]
    assert (result.verdict == verdict) is fires, f"{criterion}: got {result.verdict!r} for {reply!r}"
    assert evidence_maps(reply, result) == []
    if fires:
        assert result.evidence, f"{criterion} is {verdict} but shows no evidence"


# -- hear: a relevant question, a restatement of the customer's details, or a check of understanding ---------------

HEAR = [
    pytest.param("Can you tell me what happened when you switched it on?", DEFAULT_CUSTOMER, True, id="open question"),
    pytest.param("What would you like us to do to put this right?", DEFAULT_CUSTOMER, True, id="asks what they want"),
    pytest.param("When did you first notice the light wasn't coming on?", DEFAULT_CUSTOMER, True, id="relevant when"),
    pytest.param("Talk me through what happens when you press the switch.", DEFAULT_CUSTOMER, True, id="open prompt"),
    pytest.param("Sorry, you're right. Go on, tell me what's been happening.", DEFAULT_CUSTOMER, True, id="go on"),
    pytest.param(
        "I'll brief her on the two missed deliveries and she'll call you by 3.", DEFAULT_CUSTOMER, True, id="briefing"
    ),
    pytest.param("I've added a note that you're a carer.", DEFAULT_CUSTOMER, True, id="a note of their situation"),
    pytest.param("You want another one sent. I'll do that today.", DEFAULT_CUSTOMER, True, id="you want"),
    pytest.param("You need to post it back within 14 days.", DEFAULT_CUSTOMER, False, id="you need, an instruction"),
    pytest.param(
        "I'll brief her on everything so you don't have to repeat it.", DEFAULT_CUSTOMER, False, id="nothing restated"
    ),
    pytest.param(
        "Is there anything else that would make things easier for you, like more time to reply?",
        DEFAULT_CUSTOMER,
        True,
        id="what would help",
    ),
    pytest.param("Is there anything else I can help with today?", DEFAULT_CUSTOMER, False, id="anything else"),
    pytest.param("Can I just see the payment on your app?", DEFAULT_CUSTOMER, True, id="can i just see"),
    pytest.param(
        "I understand your frustration. Your complaint has been logged.", DEFAULT_CUSTOMER, False, id="scripted"
    ),
    pytest.param("I can see the order here; I'll refund it.", DEFAULT_CUSTOMER, False, id="looking at the order"),
    pytest.param("I can see the order was marked delivered at 2pm.", DEFAULT_CUSTOMER, True, id="what the order shows"),
    pytest.param(
        "So you bought it last Monday and since Friday it won't switch on at all, not even the light.",
        "I bought it last Monday and since Friday it won't switch on, not even the light.",
        True,
        id="restates details",
    ),
    pytest.param(
        "Just to check I've understood: it stopped working after a week and you'd like a refund, is that right?",
        "It stopped working after a week. I want a refund.",
        True,
        id="checks understanding",
    ),
    pytest.param(
        "So the tracking shows it as delivered, but it never reached you, and this is the second time.",
        "The tracking says delivered but it never came, and this is the second time!",
        True,
        id="paraphrase of a parcel complaint",
    ),
    pytest.param("Why didn't you read the terms?", DEFAULT_CUSTOMER, False, id="blaming question"),
    pytest.param(
        "Why didn't you read the instructions before using it?", DEFAULT_CUSTOMER, False, id="blaming why-didn't-you"
    ),
    pytest.param(
        "Do you really expect a refund on a kettle you've used?", DEFAULT_CUSTOMER, False, id="rhetorical expect"
    ),
    pytest.param("How hard can it be to press a switch?", DEFAULT_CUSTOMER, False, id="rhetorical how hard"),
    pytest.param(
        "Can I take your National Insurance number, please?", DEFAULT_CUSTOMER, False, id="asks for NI number"
    ),
    pytest.param("I'll process a refund for you now.", DEFAULT_CUSTOMER, False, id="no question or playback"),
    pytest.param("Is there anything else I can help you with today?", DEFAULT_CUSTOMER, False, id="not the problem"),
]


@pytest.mark.parametrize(("reply", "customer", "met"), HEAR)
def test_hear(reply: str, customer: str, met: bool) -> None:
    check(reply, "hear", "met", met, customer=customer)


# -- empathise: acknowledges the feeling or the impact, not dismissive, sarcastic or cancelled ---------------------

EMPATHISE = [
    pytest.param("That must be really frustrating when you need a cup of tea before work.", True, id="feeling+impact"),
    pytest.param("I can see why you're angry.", True, id="I can see why you're angry"),
    pytest.param("That must be stressful with a newborn at home.", True, id="stressful with a newborn"),
    pytest.param("It sounds like you're really worried about being without it all week.", True, id="sounds worried"),
    pytest.param("I understand how upsetting it is to have it fail after only a week.", True, id="how upsetting"),
    pytest.param("I can hear how disappointed you are.", True, id="disappointed"),
    pytest.param("I understand your frustration.", True, id="understand your frustration"),
    pytest.param(
        "I can see how frustrating this is, but the good news is I can refund you today.", True, id="but + help"
    ),
    pytest.param("I'm sure it's SO terrible not having a kettle.", False, id="sarcasm SO terrible"),
    pytest.param("It's only a kettle.", False, id="dismissive only a kettle"),
    pytest.param("I understand, but policy is policy.", False, id="cancelled by policy"),
    pytest.param(
        "I understand how frustrating this is, but rules are rules and there's nothing I can do.",
        False,
        id="cancelled by rules are rules",
    ),
    pytest.param("I know it's annoying, but it's hardly the end of the world.", False, id="dismissive end of world"),
    pytest.param("Oh poor you, what a tragedy.", False, id="sarcasm poor you"),
    pytest.param("There's no need to get upset.", False, id="dismisses the feeling"),
    pytest.param("I can refund the £25 to your card.", False, id="no acknowledgement"),
    # a feeling or state named as the customer's own, or what they are going through
    pytest.param("I'm so sorry, you must be desperate to get home.", True, id="you must be desperate"),
    pytest.param("It sounds like you've been carrying a lot on your own this week.", True, id="carrying a lot"),
    pytest.param("Aw, that's proper rubbish. Let's get it sorted.", True, id="that's proper rubbish"),
    pytest.param("An hour's wait and a raw steak, on your anniversary of all nights.", True, id="of all nights"),
    pytest.param("Are you OK? Please call 999 first if you're having a reaction.", True, id="are you ok"),
    pytest.param("I'm so sorry about the leak, and you without hot water on top of it.", True, id="on top of it"),
    pytest.param("45 minutes is a long time to sit there with no update.", True, id="a long time to sit"),
    pytest.param("You've lost your job; that's a lot of pressure.", True, id="a lot of pressure"),
    pytest.param("A night's sleep lost to noise is genuinely miserable, and I apologise.", True, id="miserable"),
    pytest.param("I know how much the floor matters to you.", True, id="i know how much"),
    pytest.param("Sounds like a rough week. I'll book the engineer.", True, id="a rough week"),
    pytest.param("I know that's not today, but it's the first slot.", False, id="i know, a fact"),
    pytest.param("I understand your concern, however I am unable to discuss it.", False, id="taken back by unable"),
    pytest.param("Annoying when the page says one thing, but you're not too late.", True, id="reassured after but"),
    pytest.param("I'm sorry to hear that. I'll refund it now.", False, id="sorry to hear, an apology"),
    pytest.param("On top of that I'm adding a £10 voucher.", False, id="on top of that, an offer"),
    pytest.param("You must be the account holder, so I'll go ahead.", False, id="must be, not a feeling"),
    pytest.param("That sounds like a plan: I'll book it for Tuesday.", False, id="sounds like a plan"),
    # taken back in the next sentence, or by a rule after 'but'; a reassurance or an action after 'but' is fine
    pytest.param(
        "I can hear how stressful this is, I really can. Sorry, but refunds after 30 days aren't something we do.",
        False,
        id="taken back in the next sentence",
    ),
    pytest.param(
        "I do understand how frustrating this is, but the contract is the contract.", False, id="contract wall"
    ),
    pytest.param(
        "I can see how frustrating this is, but don't worry, I'll refund it today.", True, id="reassured after but"
    ),
]


@pytest.mark.parametrize(("reply", "met"), EMPATHISE)
def test_empathise(reply: str, met: bool) -> None:
    check(reply, "empathise", "met", met, customer=ANGRY)


# -- apologise: sincere, for the problem or the experience; no non-apologies --------------------------------------

APOLOGISE = [
    pytest.param("I'm sorry your parcel didn't arrive.", True, id="sorry your parcel"),
    pytest.param("I'm so sorry the kettle stopped working after only a week.", True, id="sorry it stopped"),
    pytest.param("I apologise for the trouble this has caused you.", True, id="apologise for the trouble"),
    pytest.param("I'm really sorry about the mix-up with your order.", True, id="sorry about the mix-up"),
    pytest.param("We're sorry this happened. I'll refund you now.", True, id="we're sorry + action"),
    pytest.param("I'm sorry it let you down, but I can get a replacement to you today.", True, id="sorry, but + help"),
    pytest.param("Sorry you've had to come back in about this.", True, id="sorry you've had to"),
    pytest.param("I'm sorry you feel that way.", False, id="sorry you feel that way"),
    pytest.param("We apologise if you were inconvenienced.", False, id="apologise if inconvenienced"),
    pytest.param("I'm sorry if you think we've done something wrong.", False, id="sorry if you think"),
    pytest.param("Sorry, but we can't do anything about that.", False, id="sorry, but refusal"),
    pytest.param("Sorry to hear that, but there's nothing I can do.", False, id="sorry to hear, but refusal"),
    pytest.param("Sorry? I didn't catch that.", False, id="sorry? = pardon"),
    pytest.param("Sorry?", False, id="bare sorry?"),
    pytest.param("I won't apologise for following the rules.", False, id="I won't apologise"),
    pytest.param("I can't say sorry, that admits liability.", False, id="can't say sorry"),
    pytest.param("We apologise for any inconvenience caused.", False, id="boilerplate inconvenience"),
    pytest.param("We regret any difficulty this has caused.", False, id="regret any difficulty"),
    pytest.param("Sorry, our policy is 14 days.", False, id="sorry before a policy"),
    pytest.param("I got that wrong, sorry. I'll put it right now.", True, id="owns the mistake"),
    pytest.param("That's not OK and I'm sorry.", True, id="plain sorry"),
]


@pytest.mark.parametrize(("reply", "met"), APOLOGISE)
def test_apologise(reply: str, met: bool) -> None:
    check(reply, "apologise", "met", met, customer=ANGRY)


# -- own: a concrete first-person commitment; not deflection, not a vague promise ---------------------------------

OWN = [
    pytest.param("I'll process the refund now.", True, id="process the refund now"),
    pytest.param("Give us your card and I'll pop the £25 back on it.", True, id="pop it back"),
    pytest.param("I've taken the delivery charge off your bill.", True, id="taken off the bill"),
    pytest.param("What I'll do is swap it for a new one right now.", True, id="what I'll do is"),
    pytest.param("What I can do is a credit note.", False, id="what I can do is, an offer"),
    pytest.param("I'm booking an engineer now: is Wednesday or Thursday better for you?", True, id="commit then ask"),
    pytest.param("Would you like me to book an engineer?", False, id="an offer as a question"),
    pytest.param("A repair has been booked for next Tuesday, 8 till 12.", True, id="booked, passive"),
    pytest.param("I'll pass it on and someone might ring you at some point.", False, id="hedged in the sentence"),
    pytest.param("I'll pass your feedback on to the web team.", False, id="feedback passed on"),
    pytest.param("I'm booking an engineer for Tuesday.", True, id="booking an engineer"),
    pytest.param("I'll refer this to my team leader and call you by 3pm.", True, id="refer and call by 3pm"),
    pytest.param("Let me arrange a replacement kettle for you today.", True, id="let me arrange"),
    pytest.param("I will email you the returns label within the hour.", True, id="I will email"),
    pytest.param("I'm going to put the £25 back on your card right now.", True, id="I'm going to refund"),
    pytest.param(
        "I've logged the complaint and I'll call you back tomorrow morning with an update.", True, id="logged + call"
    ),
    pytest.param("You'll need to contact the manufacturer.", False, id="contact the manufacturer"),
    pytest.param("That's not my department.", False, id="not my department"),
    pytest.param("We'll look into it.", False, id="we'll look into it"),
    pytest.param("Someone will be in touch.", False, id="someone will be in touch"),
    pytest.param("I'll look into it at some point.", False, id="I'll look into it at some point"),
    pytest.param("Someone from the team might ring you next week.", False, id="someone might ring"),
    pytest.param("You could try ringing head office.", False, id="try head office"),
    pytest.param("I won't be processing a refund today.", False, id="negated commitment"),
    pytest.param("ill refund the £25 to ur card now", True, id="text-speak commitment"),
    pytest.param("I'll go and get my supervisor now and fill her in.", True, id="fetches the supervisor"),
    pytest.param("Refund done, it's back on your card.", True, id="reported as done"),
    pytest.param("My colleague is ill and I'll be off tomorrow.", False, id="ill is not I'll"),
    pytest.param("Your refund isn't something I can do.", False, id="refund talked about, not done"),
    pytest.param("Then I'll get the £25 back onto your card.", True, id="get the money back"),
    pytest.param("The refund's going through now.", True, id="going through"),
    pytest.param("I'm radioing the supervisor now.", True, id="radioing"),
    pytest.param("I'll search for the payment on your card and refund it.", True, id="search and refund"),
    pytest.param("I'll listen to the call recording this afternoon and ring you by 4.", True, id="listen and ring"),
]


@pytest.mark.parametrize(("reply", "met"), OWN)
def test_own(reply: str, met: bool) -> None:
    check(reply, "own", "met", met)


# -- professional: rude, patronising, blaming, swearing, threatening or a bare policy wall -------------------------

ABUSIVE = "This is f***ing ridiculous, you useless idiot."

PROFESSIONAL = [
    pytest.param("Calm down.", DEFAULT_CUSTOMER, True, id="calm down"),
    pytest.param("Calm down, sir, I'm trying to help you.", ANGRY, True, id="calm down sir"),
    pytest.param("There's no need to get upset.", ANGRY, True, id="no need to get upset"),
    pytest.param("You must have dropped it.", DEFAULT_CUSTOMER, True, id="blame dropped it"),
    pytest.param("You should have read the instructions.", DEFAULT_CUSTOMER, True, id="blame instructions"),
    pytest.param("What the hell do you want me to do about it?", ANGRY, True, id="swearing"),
    pytest.param("Oh brilliant, another genius who can't work a kettle.", DEFAULT_CUSTOMER, True, id="sarcasm"),
    pytest.param("It's company policy, end of.", DEFAULT_CUSTOMER, True, id="policy wall"),
    pytest.param("Fine, complain then.", ABUSIVE, True, id="fine, complain then"),
    pytest.param("Keep shouting at me and see what happens.", ABUSIVE, True, id="threat"),
    pytest.param(
        "I want to help, but I can't continue if the swearing carries on.", ABUSIVE, False, id="polite boundary"
    ),
    pytest.param(
        "I do want to help, but if the abuse continues I'll have to end the call. Shall we carry on?",
        ABUSIVE,
        False,
        id="warned boundary",
    ),
    pytest.param(
        "I'm not saying you dropped it; I just need to know what happened.", DEFAULT_CUSTOMER, False, id="negated blame"
    ),
    pytest.param(
        "We ask for proof of purchase so we can find the sale; a bank statement works too.",
        DEFAULT_CUSTOMER,
        False,
        id="policy with reason",
    ),
    pytest.param("Please don't worry, it wasn't anything you did.", ANGRY, False, id="reassures, no blame"),
    pytest.param("Take your time, there's no rush.", DEFAULT_CUSTOMER, False, id="take your time"),
    pytest.param("I understand you're upset; let's get this sorted.", ANGRY, False, id="names upset politely"),
    pytest.param("Our refund policy is 14 days, so there's nothing to discuss.", ANGRY, True, id="policy as answer"),
    pytest.param("It's all in the terms and conditions you agreed to.", ANGRY, True, id="hides behind terms"),
    pytest.param("Did you not read the leaflet in the box?", DEFAULT_CUSTOMER, True, id="didn't you read"),
    pytest.param("Next time make sure you keep the box.", DEFAULT_CUSTOMER, True, id="next time lecture"),
    pytest.param("It's probably the way you're filling it, to be honest.", DEFAULT_CUSTOMER, True, id="blames use"),
    pytest.param("Are you sure you plugged it in?", DEFAULT_CUSTOMER, True, id="doubts the customer"),
    pytest.param("I'm sure it's been such an ordeal boiling water in a pan.", ANGRY, True, id="sarcastic sympathy"),
    pytest.param("Grow up, it's a kettle.", ABUSIVE, True, id="grow up"),
    pytest.param("My supervisor would only tell you the same.", ANGRY, True, id="manager says the same"),
    pytest.param("Kettles take as long as they take to come back from repair.", ANGRY, True, id="fatalism"),
    pytest.param("Go ahead, complain to whoever you like.", ANGRY, True, id="go ahead"),
    pytest.param("You should have been told that when you bought it, I'm sorry.", ANGRY, False, id="passive should"),
    pytest.param("You shouldn't have had to come back twice.", ANGRY, False, id="shouldn't have had to"),
    pytest.param(
        "Our policy is to refund faulty items in full, so I'll do that now.", ANGRY, False, id="policy that helps"
    ),
    pytest.param(
        "Any supervisor would tell you the same: it's faulty, so it's a full refund.",
        ANGRY,
        False,
        id="colleague agrees the customer is right",
    ),
    pytest.param("Are you sure you'd rather have a refund than a new one?", ANGRY, False, id="checks preference"),
    pytest.param("Well if you'd read the leaflet you wouldn't be in this mess.", ANGRY, True, id="if you'd read"),
    pytest.param(
        "I'm not saying you dropped it, but did you actually use it on a flat surface?",
        DEFAULT_CUSTOMER,
        True,
        id="blame after a disclaimer",
    ),
    pytest.param("Sounds like your wiring, to be honest.", DEFAULT_CUSTOMER, True, id="blames the customer's kit"),
    pytest.param("You could ask a friend to help you order online.", DEFAULT_CUSTOMER, True, id="ask a friend"),
    pytest.param("Well, nobody forced you to buy it, did they.", ANGRY, True, id="rhetorical put-down"),
    pytest.param("A lot of ladies find kettles confusing, bless you.", DEFAULT_CUSTOMER, True, id="stereotype"),
    pytest.param("Carry on and we'll pass your account to collections.", ANGRY, True, id="threat of collections"),
    pytest.param("We get a lot of people claiming that, you know.", DEFAULT_CUSTOMER, True, id="doubting the claim"),
    pytest.param("Oh dear, that sounds miserable. Let me sort it.", ANGRY, False, id="oh dear is sympathy"),
    pytest.param("I'm not saying you're lying at all; I believe you.", ANGRY, False, id="not accusing"),
    pytest.param("It's frustrating, isn't it? I'll fix it now.", ANGRY, False, id="an empathetic tag question"),
    pytest.param("(to colleague) Another one wanting a refund, honestly.", ANGRY, True, id="aside to a colleague"),
    pytest.param("I'll explain this once more, slowly.", ANGRY, True, id="talking down"),
    pytest.param("There's no record of you calling, so that didn't happen.", ANGRY, True, id="gaslighting"),
    pytest.param("Accept the voucher now, or the offer's gone.", ANGRY, True, id="ultimatum"),
    pytest.param("It's only a kettle, I wouldn't worry too much.", ANGRY, True, id="minimising"),
    pytest.param("I won't explain it slowly or talk down to you; here's the plan.", ANGRY, False, id="negated"),
    pytest.param("Did you drop them at all, or leave them by the sink?", DEFAULT_CUSTOMER, True, id="blame by q"),
    pytest.param("Let's not get worked up, I'm trying to help.", ANGRY, True, id="let's not get worked up"),
    pytest.param("Post it if you like, but this call is recorded.", ANGRY, True, id="veiled warning"),
    pytest.param("I just work the till, I don't make the rules.", ANGRY, True, id="not my job"),
    pytest.param("Let's keep some perspective, it's a kettle.", ANGRY, True, id="perspective"),
    pytest.param("Good on you for keeping the box.", DEFAULT_CUSTOMER, False, id="good on you"),
    pytest.param("This call is recorded for training, and I'll note all you've said.", ANGRY, False, id="notice"),
    # a manager refused by saying they would only say the same; asking for one properly is not
    pytest.param("A manager will only tell you the same as me.", ANGRY, True, id="manager says the same"),
    pytest.param("My team leader will tell you exactly what I've told you.", ANGRY, True, id="told you the same"),
    pytest.param("I'll ask my manager; she may see it differently.", ANGRY, False, id="manager asked"),
    # dismissing, talking down, questioning what the customer did
    pytest.param("That's your choice, madam.", ANGRY, True, id="your choice, madam"),
    pytest.param("Big deal. It's a kettle.", ANGRY, True, id="big deal, dismissive"),
    pytest.param("The fee is part of the contract you agreed to, so it stands.", ANGRY, True, id="contract wall"),
    pytest.param("It's usually something on the customer's side.", DEFAULT_CUSTOMER, True, id="blame their kit"),
    pytest.param("These usually go from overloading, so I have to ask.", DEFAULT_CUSTOMER, True, id="blame their use"),
    pytest.param("Let's keep this civil, shall we.", ANGRY, True, id="keep this civil"),
    pytest.param("I'm sure your mum's very lucky to have such a charming son.", ANGRY, True, id="mock compliment"),
    pytest.param("You'd be amazed how many people say it never came.", ANGRY, True, id="you'd be amazed"),
    pytest.param("The engineer's notes say otherwise, so something doesn't add up.", ANGRY, True, id="doesn't add up"),
    pytest.param(
        "A manager will only tell you what I'm telling you, so let's save us both the time.",
        ANGRY,
        True,
        id="save us both the time",
    ),
    pytest.param("It's probably nothing, I wouldn't lose sleep over it.", DEFAULT_CUSTOMER, True, id="brushed off"),
    pytest.param(
        "If you stop paying, I'd think very carefully about what you do next.", ANGRY, True, id="think carefully"
    ),
    pytest.param("Think carefully about which option suits you; either is fine.", ANGRY, False, id="a fair choice"),
    pytest.param("There's no need to take that tone with me.", ANGRY, True, id="tone policing"),
    pytest.param("Did you not keep the receipt though?", DEFAULT_CUSTOMER, True, id="a rhetorical question"),
    pytest.param(
        "I take this seriously: could you tell me what you ate?",
        DEFAULT_CUSTOMER,
        False,
        id="seriously, not rhetorical",
    ),
    pytest.param("Card in. Refund's going through. Next.", DEFAULT_CUSTOMER, True, id="next customer"),
    pytest.param("As per clause 11.3 of our terms, we accept no liability.", ANGRY, True, id="as per clause"),
    pytest.param("Let's get to the point, shall we? There are other people in the queue.", ANGRY, True, id="impatient"),
    pytest.param("I'm sure you can understand that, can't you?", ANGRY, True, id="talking down"),
    pytest.param(
        "Had you spotted it sooner, less water would have got under the floor.",
        ANGRY,
        True,
        id="blamed for not acting sooner",
    ),
    pytest.param(
        "There's no point putting you through, they'll tell you exactly the same.",
        ANGRY,
        True,
        id="manager refused after a negation",
    ),
    pytest.param("I'll explain how the refund works, step by step.", DEFAULT_CUSTOMER, False, id="explaining kindly"),
    pytest.param("Ring back when you can be civil.", ABUSIVE, True, id="ring back when civil"),
    pytest.param("A lot of older drivers do struggle with them.", DEFAULT_CUSTOMER, True, id="older people"),
    pytest.param("You're not making a fuss at all; this should have been fixed.", ANGRY, False, id="not a fuss"),
    pytest.param("Losing it twice in four months is a big deal, I know.", ANGRY, False, id="a big deal, granted"),
    pytest.param("That's your choice, and I'll respect it: I'll cancel now.", ANGRY, False, id="choice respected"),
    pytest.param("Don't worry yourself, these things are complicated.", DEFAULT_CUSTOMER, True, id="talking down"),
    pytest.param("Well, aren't you well-read!", DEFAULT_CUSTOMER, True, id="mocking the customer's reading"),
    pytest.param("Did you actually switch it on at the wall?", DEFAULT_CUSTOMER, True, id="did you actually"),
    pytest.param(
        "Did you switch it on at the wall, just so I can rule that out?", DEFAULT_CUSTOMER, False, id="a neutral check"
    ),
    # a boundary with no offer to go on helping is an ultimatum; with one, a polite boundary
    pytest.param("If you can't speak to me properly I'm hanging up.", ANGRY, True, id="hanging up"),
    pytest.param("Get out of my shop or I'm calling the police.", ANGRY, True, id="shown the door"),
    pytest.param(
        "I want to help, but if the swearing carries on I'll have to end the call.", ANGRY, False, id="polite boundary"
    ),
    pytest.param("Pick which you'd rather and I'll do it before we hang up.", ANGRY, False, id="before we hang up"),
]


@pytest.mark.parametrize(("reply", "customer", "breach"), PROFESSIONAL)
def test_professional(reply: str, customer: str, breach: bool) -> None:
    check(reply, "professional", "breach", breach, customer=customer)


# -- authority: offers above the limits, waivers not allowed, outcomes others decide --------------------------------

DEAR = kettle(price=80, wants="{remedy: refund, amount: 80, accepts: [refund, replacement]}")
TIGHT = kettle(limits="{refund: 10, voucher: 5}")
RETENTION = kettle(
    limits="{refund: 50, credit: 30}",
    reserved=(("exit_fee_waiver", "waiver", "the Retention team", ("exit fee", "termination charge")),),
)

AUTHORITY = [
    pytest.param("I can give you a £75 refund today.", KETTLE, True, id="£75 digits over £50"),
    pytest.param("I'll refund you seventy-five pounds.", KETTLE, True, id="words over limit"),
    pytest.param("I'll refund you a hundred quid.", KETTLE, True, id="quid over limit"),
    pytest.param("I'll refund you £1.2k.", KETTLE, True, id="£1.2k over limit"),
    pytest.param("I'll refund you £1,200.", KETTLE, True, id="£1,200 over limit"),
    pytest.param("I'll give you £100 back.", KETTLE, True, id="money back over limit"),
    pytest.param("I'll add a £20 voucher for the trouble.", KETTLE, True, id="voucher over £5"),
    pytest.param("I'll refund 50% of the price.", TIGHT, True, id="50% of £25 over £10"),
    pytest.param("I'll give you a full refund.", DEAR, True, id="full refund £80 over £50"),
    pytest.param("You'll definitely get compensation.", KETTLE, True, id="promises compensation"),
    pytest.param("I'll waive the exit fee for you.", RETENTION, True, id="reserved waiver"),
    pytest.param("I'll arrange for Retention to ring you about the exit fee.", RETENTION, False, id="retention rings"),
    pytest.param("I'll pass the exit fee to our retention team today.", RETENTION, False, id="handed to the team"),
    pytest.param(
        "I've sent it to our claims team, and I can promise you'll get £100 back.", KETTLE, True, id="promise beside"
    ),
    pytest.param("Refunds after 30 days aren't something we do.", KETTLE, False, id="a refusal offers nothing"),
    pytest.param("It was bought on a credit card, so the card provider can help.", KETTLE, False, id="credit card"),
    pytest.param("I can refund the £25 to your card now.", KETTLE, False, id="£25 within"),
    pytest.param("I'll give you twenty pounds back.", KETTLE, False, id="words within"),
    pytest.param("I can give you a £5 voucher as a goodwill gesture.", KETTLE, False, id="voucher at limit"),
    pytest.param("I'll give you a full refund.", KETTLE, False, id="full refund £25 within"),
    pytest.param("I can refund 20% of what you paid.", TIGHT, False, id="20% of £25 within £10"),
    pytest.param(
        "I can't authorise £200 myself, so I'm referring it to my supervisor, who'll call you by 4pm today.",
        KETTLE,
        False,
        id="over-limit request referred",
    ),
    pytest.param(
        "I can't waive the exit fee myself, but I'll book a call-back with the Retention team, who decide that.",
        RETENTION,
        False,
        id="reserved waiver referred",
    ),
    pytest.param(
        "I can't promise compensation, but I'll pass your claim to the team who decide it today.",
        KETTLE,
        False,
        id="negated promise",
    ),
]


@pytest.mark.parametrize(("reply", "scenario", "breach"), AUTHORITY)
def test_authority(reply: str, scenario: CompiledScenario, breach: bool) -> None:
    check(reply, "authority", "breach", breach, scenario=scenario, customer="I want £100 for all this hassle.")


def test_authority_is_not_judged_without_a_scenario() -> None:
    assert judge("I'll refund you £500.", None).results["authority"].verdict == "n/a"


# -- escalation: when a referral is needed, why + to whom + what next and when ------------------------------------

MANAGER = "I want to speak to your manager, now."
HASSLE = "I want £100 back for all this hassle."
NOT_MET = ("missed", "n/a")

OMBUDSMAN_ASKED = "It's been nine weeks. I'm taking this to the ombudsman."
ALLERGY = "I told the waiter I'm allergic to nuts and there were nuts in the sauce. I had to use my EpiPen."

ESCALATION = [
    pytest.param(
        "You're within your rights: after eight weeks you can take it to the ombudsman, and it's free. I'll email you "
        "their details today with your reference.",
        OMBUDSMAN_ASKED,
        (),
        ("met",),
        id="ombudsman signposted",
    ),
    pytest.param(
        "My team leader, Marcus, is on shift. I'm briefing him now on everything you've told me. He'll call your "
        "mobile within the hour.",
        MANAGER,
        (),
        ("met",),
        id="handover across three sentences",
    ),
    pytest.param(
        "I'm reporting this to our manager and our allergy lead right now, and I'll call you tomorrow by noon.",
        ALLERGY,
        (),
        ("met",),
        id="a risk referred",
    ),
    pytest.param(
        "I'll put it to my team leader, Dev, and she'll ring you within two working hours.",
        MANAGER,
        (),
        ("met",),
        id="within two working hours",
    ),
    pytest.param("I'll pass it on and someone might call.", MANAGER, (), ("missed",), id="vague hand-over"),
    pytest.param(
        "Of course you can speak to a manager. Let me check she's free so I can put you straight through.",
        MANAGER,
        (),
        ("met",),
        id="warm transfer to a manager",
    ),
    pytest.param(
        "Because you've asked for a manager, I'm passing this to my supervisor, Jo, right now. I'll brief her so you "
        "won't have to repeat yourself, and she'll call you back by 3pm today.",
        MANAGER,
        (),
        ("met",),
        id="why, who, when",
    ),
    pytest.param(
        "That's more than I can authorise, so I'm referring it to my supervisor, Jo. She'll call you by 5pm "
        "tomorrow, and your reference is C1234.",
        HASSLE,
        ("referral",),
        ("met",),
        id="above limit referred properly",
    ),
    pytest.param("I'll pass it on, someone might call.", MANAGER, (), ("missed",), id="pass it on, might call"),
    pytest.param("There's no one above me.", MANAGER, (), ("missed",), id="no one above me"),
    pytest.param("Hold on, I'll transfer you.", MANAGER, (), ("missed",), id="cold transfer"),
    pytest.param("I'll refer it to my supervisor.", HASSLE, ("referral",), ("missed",), id="no why, no when"),
    pytest.param(
        "Someone from head office will get back to you at some point.",
        HASSLE,
        ("referral",),
        ("missed",),
        id="vague head office",
    ),
    pytest.param("I'll refund the £25 to your card now.", MANAGER, (), ("missed",), id="needed but not made"),
    pytest.param("I'll refund the £25 to your card now.", DEFAULT_CUSTOMER, (), ("n/a",), id="not needed, not made"),
    pytest.param(
        "I can't agree that amount myself, so I'm passing your request to our customer relations team with a note of "
        "what happened. They'll email you within 2 working days.",
        HASSLE,
        ("referral",),
        ("met",),
        id="a named team and a time",
    ),
    pytest.param(
        "Of course. My manager, Helen, is free at 2pm. I'll book her to call you then with my notes.",
        MANAGER,
        (),
        ("met",),
        id="handover across two sentences",
    ),
    pytest.param(
        "The duty supervisor is on the floor; I'll radio her now and fill her in. She'll be with us in two minutes.",
        MANAGER,
        (),
        ("met",),
        id="fetching the supervisor in person",
    ),
    pytest.param("I'll log it with our complaints team.", HASSLE, ("referral",), ("missed",), id="a team but no when"),
    pytest.param(
        "Because I'd like a second opinion, I'm referring this to my supervisor, Jo, who'll call you by 3pm.",
        DEFAULT_CUSTOMER,
        (),
        NOT_MET,
        id="referral when none needed",
    ),
]


@pytest.mark.parametrize(("reply", "customer", "expects", "verdicts"), ESCALATION)
def test_escalation(reply: str, customer: str, expects: tuple[str, ...], verdicts: tuple[str, ...]) -> None:
    result = judge(reply, KETTLE, customer, expects=expects).results["escalation"]
    assert result.verdict in verdicts, f"escalation: got {result.verdict!r}, expected one of {verdicts}"
    assert evidence_maps(reply, result) == []


def test_pointing_to_the_ombudsman_hands_nothing_over() -> None:
    reply = "After eight weeks you can take it to the ombudsman, and it's free; I'll email their details today."
    assessment = judge(reply, KETTLE, OMBUDSMAN_ASKED)
    assert assessment.results["escalation"].verdict == "met"
    assert not assessment.signals.referral_made
    assert "signpost" in assessment.signals.tags


def test_a_handover_beside_the_ombudsman_is_a_referral() -> None:
    reply = (
        "I'm passing this to my team leader, Jo, who'll ring you by 3pm today; and after eight weeks you can take it "
        "to the ombudsman."
    )
    assessment = judge(reply, KETTLE, OMBUDSMAN_ASKED)
    assert assessment.results["escalation"].verdict == "met"
    assert assessment.signals.referral_made
