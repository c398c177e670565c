"""A full HEAT scenario for engine tests: five stages, a hidden fact, every kind of escalation trigger."""

PARCEL = """\
format: 1
id: parcel-missing
version: 1
title: Missing headphones
summary: Headphones marked delivered never arrived.
sector: online-retail
channel: phone
difficulty: intermediate
topics: [non-delivery]
laws: [consumer-rights-act-2015]
briefing:
  role: Customer service adviser
  organisation: SoundShop
  policy: Reship or refund parcels that never arrived.
  authority:
    limits: {refund: 150, credit: 10}
    permissions: [reship_order, process_refund]
    refer_to: team leader
customer:
  name: Dev Patel
  situation: His £129 headphones were marked delivered but never came.
  temperament: {anger: 50, patience: 60}
  wants: {remedy: refund, amount: 129, minimum: 129, accepts: [refund, replacement]}
  facts:
    order:
      value: SS-4471
      say: ["It's order {order}.", "The order number is {order}."]
      asked_by: [order number]
    photo:
      value: a blue door
      say: ["Their photo shows {photo}. Mine is green.", "The photo has {photo} in it, not my door."]
      asked_by: [photo]
      hidden: true
legal:
  supply: goods
  purchase_route: online
  price: 129
  delivered: false
conversation:
  turn_limit: 10
  opening: ["My parcel never came.", "Your courier says delivered. It wasn't."]
  stages:
    - id: hear
      goal: Find out what happened
      advance_when: heard
      next: empathise
      lines:
        neutral:
          - It just never turned up.
          - I was in all day and nothing came.
          - The courier even sent a photo of {photo}.
        calmer: ["Thanks for asking.", "OK, at least you're listening."]
        angrier: ["Don't talk to me like that.", "That's not helpful at all."]
        pushback: ["You're not even listening.", "Hang on, you haven't asked what happened."]
    - id: empathise
      goal: Acknowledge how it feels
      advance_when: empathised
      next: apologise
      lines:
        neutral: ["It's the second time this has happened.", "I was waiting in all day."]
        calmer: ["Yes, it is frustrating.", "Thank you, it has been."]
        angrier: ["You don't care, do you?", "Don't brush me off."]
        pushback: ["I haven't finished.", "Let me finish."]
    - id: apologise
      goal: Apologise for the experience
      advance_when: apologised
      next: own
      lines:
        neutral: ["Nobody has said sorry yet.", "So what went wrong?"]
        calmer: ["Thank you for saying that.", "I appreciate the apology."]
        angrier: ["Sorry isn't good enough.", "That's no apology."]
        pushback: ["Wait, I'm still talking.", "Slow down."]
    - id: own
      goal: Say what you will do
      advance_when: owned
      next: resolution
      lines:
        neutral: ["So what are you going to do?", "What happens now?"]
        calmer: ["Right, good.", "OK, that sounds better."]
        angrier: ["That's not an answer.", "You're passing the buck."]
        pushback: ["Hold on.", "Not so fast."]
    - id: resolution
      goal: Agree a remedy
      advance_when: offer_accepted
      lines:
        neutral: ["I want my money back.", "I just want a refund."]
        calmer: ["That would help.", "Fine, go on."]
        angrier: ["That's ridiculous.", "Are you joking?"]
        pushback: ["Listen to what I want.", "That's not what I asked."]
  reactions:
    accept_offer: ["Fine, I'll take that.", "Yes, that works for me."]
    reject_offer: ["No, I want all my money back.", "That's not enough."]
    unknown_question: ["I've no idea.", "How would I know?"]
  escalations:
    - id: manager
      event: manager_demanded
      trigger: {anger_at_least: 85}
      says: ["Put me through to your manager.", "I want a manager. Now."]
      expects: referral
    - id: tweet
      event: social_media_threatened
      trigger: {after_turn: 6}
      says: ["I'm putting this on social media.", "Everyone online will hear about this."]
      expects: none
      anger: 5
    - id: rights
      event: legal_action_threatened
      trigger: {breach: legal}
      says: ["That's not the law. I'll see you in court.", "I know my rights. Small claims it is."]
      expects: referral
    - id: promise
      event: manager_demanded
      trigger: {offer_beyond_authority: true}
      says: ["Can you actually do that? Get it approved.", "Who can confirm that?"]
      expects: referral
    - id: wife
      event: third_party_joins
      trigger: {breach: professional}
      says: ["This is his wife. Don't speak to him like that.", "His wife here. That was rude."]
      speaker: Priya Patel
      becomes_third_party: true
      expects: boundary
  outcomes:
    resolved:
      when: offer_accepted
      reachable_from: [resolution]
      says: ["Thanks, that's sorted then.", "Good. Thank you."]
    escalated:
      when: referral_made
      says: ["Fine, I'll wait for your team leader's call.", "OK, I'll expect that call."]
    customer_left:
      says: ["Forget it. I'm done.", "I'm going to my bank instead."]
    timed_out:
      says: ["I can't stay on any longer.", "I have to go."]
"""
