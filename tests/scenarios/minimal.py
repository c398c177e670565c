"""A small valid scenario that tests copy and break, one mistake at a time."""

MINIMAL = """\
format: 1
id: kettle-fault
version: 1
title: Faulty kettle
summary: A kettle stopped working after a week.
sector: retail
channel: in-store
difficulty: foundation
topics: [faulty goods]
laws: [consumer-rights-act-2015]
briefing:
  role: Sales assistant
  organisation: Homeware Ltd
  policy: Refunds within 28 days with proof of purchase.
  authority:
    limits: {refund: 50, voucher: 5}
    permissions: [process_refund]
    refer_to: supervisor
customer:
  name: Sam Lee
  situation: Bought a kettle a week ago; it no longer switches on.
  temperament: {anger: 40, patience: 60}
  wants: {remedy: refund, amount: 25, accepts: [refund, replacement]}
  facts:
    price:
      value: £25
      say: ["It was {price}."]
      asked_by: [price, cost, how much]
    bought:
      value: last Monday
      say: ["I bought it {bought}."]
      asked_by: [when, bought]
      hidden: true
legal:
  supply: goods
  purchase_route: in-store
  price: 25
  days_since_delivery: 7
  faulty: true
conversation:
  turn_limit: 8
  opening: ["My kettle's broken already.", "This kettle is rubbish, it's stopped working."]
  stages:
    - id: hear
      goal: Find out what happened
      advance_when: heard
      next: own
      lines:
        neutral: ["It just doesn't switch on.", "The light doesn't even come on."]
        calmer: ["Thanks for listening.", "Good, at least you're asking."]
        angrier: ["Don't talk to me like that.", "That's not helpful."]
        pushback: ["You haven't even asked what's wrong.", "Hang on, listen first."]
    - id: own
      goal: Agree what happens next
      advance_when: offer_accepted
      lines:
        neutral: ["So what now?", "What are you going to do?"]
        calmer: ["Right, that sounds fair.", "OK, thank you."]
        angrier: ["That's not good enough.", "Are you serious?"]
        pushback: ["Let me finish.", "You're rushing me."]
  reactions:
    accept_offer: ["Fine, I'll take that.", "Yes, that works."]
    reject_offer: ["No, I want my money back.", "That's not what I asked for."]
    unknown_question: ["I've no idea.", "No clue, sorry."]
  escalations:
    - id: manager
      event: manager_demanded
      trigger: {anger_at_least: 80}
      says: ["Get me your manager.", "I want a supervisor, now."]
      expects: referral
  outcomes:
    resolved:
      when: offer_accepted
      reachable_from: [own]
      says: ["Thanks, bye.", "Cheers."]
    customer_left:
      says: ["Forget it.", "I'm going elsewhere."]
    timed_out:
      says: ["I haven't got all day.", "I need to go."]
"""
