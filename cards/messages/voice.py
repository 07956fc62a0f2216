"""Texts of the pupil's voice: words of distress, messages to the mentor, greetings, phrases."""

MESSAGES: dict[str, dict[str, str]] = {
    # What a pupil reads after writing words of distress, at any hour.
    "distress.pupil_reply": {
        "nl": (
            "Wat goed dat je dit vertelt. 💛 Wat je schreef is belangrijk, en je hoeft het niet "
            "alleen te dragen. Ik heb het meteen doorgegeven aan je mentor en de coördinator. "
            "Zij nemen zo snel mogelijk contact met je op.\n\n"
            "Wil je nu meteen met iemand praten?\n\n"
            "- **De Kindertelefoon**: bel gratis 0800-0432, of chat op kindertelefoon.nl\n"
            "- **113 Zelfmoordpreventie**, dag en nacht: bel 113 of gratis 0800-0113, of chat "
            "op 113.nl\n"
            "- Ben je nu in gevaar? Bel **112**."
        ),
        "en": (
            "I'm really glad you told me. 💛 What you wrote matters, and you don't have to carry "
            "it alone. I've let your mentor and the coordinator know straight away. They will get "
            "in touch with you as soon as they can.\n\n"
            "Would you like to talk to someone right now?\n\n"
            "- **De Kindertelefoon** (the children's helpline): call 0800-0432 for free, or chat "
            "at kindertelefoon.nl\n"
            "- **113 Zelfmoordpreventie**, day and night: call 113 or 0800-0113 for free, or chat "
            "at 113.nl\n"
            "- Are you in danger right now? Call **112**."
        ),
    },
    # The urgent message to the mentor and the coordinators.
    "distress.notice": {
        "nl": "⚠️ **Dringend** — {name} schreef woorden die zorgen baren. Lees ze hieronder.",
        "en": "⚠️ **Urgent** — {name} wrote words that are a cause for concern. Read them below.",
    },
    "distress.title": {
        "nl": "⚠️ Dringend: {name}",
        "en": "⚠️ Urgent: {name}",
    },
    "distress.intro.message": {
        "nl": "{name} schreef mij dit in de chat:",
        "en": "{name} wrote this to me in the chat:",
    },
    "distress.intro.checkin": {
        "nl": "{name} schreef dit bij het inchecken:",
        "en": "{name} wrote this in a check-in:",
    },
    "distress.intro.other": {
        "nl": "{name} schreef dit:",
        "en": "{name} wrote this:",
    },
    "distress.advice": {
        "nl": (
            "Het kan gaan over niet meer willen leven, zichzelf pijn doen of geweld thuis. Neem "
            "zo snel mogelijk contact op en volg de meldcode van je school. {name} kreeg de "
            "nummers van De Kindertelefoon (0800-0432) en 113 (0800-0113). Overleggen kan met "
            "Veilig Thuis: 0800-2000. Bij acuut gevaar: 112."
        ),
        "en": (
            "It may be about not wanting to live, self-harm or violence at home. Get in touch as "
            "soon as you can and follow your school's reporting code (meldcode). {name} was given "
            "the numbers of De Kindertelefoon (0800-0432) and 113 (0800-0113). For advice, call "
            "Veilig Thuis: 0800-2000. In acute danger: 112."
        ),
    },
    "voice.words": {"nl": "{words}", "en": "{words}"},
    # A message a pupil asked to send to their mentor.
    "voice.message_notice": {
        "nl": "💬 {name} stuurt je een bericht.",
        "en": "💬 {name} sent you a message.",
    },
    "voice.message_title": {
        "nl": "💬 Bericht van {name}",
        "en": "💬 Message from {name}",
    },
    "voice.message_intro": {
        "nl": "{name} vroeg mij dit aan jou door te sturen:",
        "en": "{name} asked me to pass this on to you:",
    },
    # The pupil's side of a message.
    "voice.offer": {
        "nl": "Wil je dit naar {name} sturen?",
        "en": "Would you like me to send this to {name}?",
    },
    "voice.to_coordinators": {"nl": "je coördinator", "en": "your coordinator"},
    "voice.yes": {"nl": "Ja, stuur door", "en": "Yes, send it"},
    "voice.no": {"nl": "Nee", "en": "No"},
    "voice.sent": {
        "nl": "✅ Verstuurd naar {name}.",
        "en": "✅ Sent to {name}.",
    },
    "voice.not_sent": {
        "nl": "Oké, ik heb het niet doorgestuurd.",
        "en": "Okay, I didn't send it.",
    },
    "voice.no_one": {
        "nl": (
            "Ik kan dit nu aan niemand doorsturen: er is nog geen mentor of coördinator voor je. "
            "Vraag het iemand van school."
        ),
        "en": (
            "I can't pass this on to anyone yet: you don't have a mentor or coordinator here. "
            "Ask someone at school."
        ),
    },
    "voice.too_long": {
        "nl": "Dat is een lang bericht! Kun je het in kortere stukjes sturen? (Tot {limit} tekens.)",
        "en": "That's a long message! Could you send it in shorter parts? (Up to {limit} characters.)",
    },
    # Greetings and thanks in the 1:1 chat.
    "voice.hello.pupil": {
        "nl": (
            "Hoi {name}! 👋 Wil je iets kwijt? Schrijf het hier, dan kan ik het naar je mentor "
            "sturen. Typ **hulp** om te zien wat ik nog meer kan."
        ),
        "en": (
            "Hi {name}! 👋 Anything on your mind? Write it here and I can send it to your mentor. "
            "Type **help** to see what else I can do."
        ),
    },
    "voice.hello.staff": {
        "nl": "Hoi {name}! 👋 Typ **hulp** om te zien wat ik voor je kan doen.",
        "en": "Hi {name}! 👋 Type **help** to see what I can do for you.",
    },
    "voice.thanks": {"nl": "Graag gedaan! 😊", "en": "You're welcome! 😊"},
    "voice.bye": {"nl": "Doei {name}, tot de volgende keer! 👋", "en": "Bye {name}, see you! 👋"},
    "voice.ok": {"nl": "👍", "en": "👍"},
    # A suggestion for a mistyped command comes as a button that runs the corrected line.
    # (The question itself is `command.unknown_suggest`.)
    # `signaalwoorden`: a team's own phrases of distress.
    "phrases.intro": {
        "nl": (
            "Schrijft een leerling woorden van nood, dan krijgen de mentor en de coördinatoren "
            "meteen bericht. Ik herken {count} zinnen uit mezelf (zoals ‘ik wil niet meer "
            "leven’ en ‘mijn vader slaat me’, in het Nederlands en Engels)."
        ),
        "en": (
            "When a pupil writes words of distress, the mentor and the coordinators hear at once. "
            "I recognise {count} phrases of my own (such as ‘I want to die’ and ‘someone at home "
            "hurts me’, in Dutch and English)."
        ),
    },
    "phrases.none": {
        "nl": "Dit team heeft nog geen eigen signaalwoorden.",
        "en": "This team has no words of its own yet.",
    },
    "phrases.list": {
        "nl": "Eigen signaalwoorden van dit team ({count}):",
        "en": "This team's own words ({count}):",
    },
    "phrases.item": {"nl": "- {phrase}", "en": "- {phrase}"},
    "phrases.added": {
        "nl": "Toegevoegd: ‘{phrase}’. Schrijft een leerling dit, dan krijgen de mentor en de coördinatoren meteen bericht.",
        "en": "Added: ‘{phrase}’. When a pupil writes this, the mentor and the coordinators hear at once.",
    },
    "phrases.already": {
        "nl": "‘{phrase}’ staat al in de lijst.",
        "en": "‘{phrase}’ is already on the list.",
    },
    "phrases.removed": {
        "nl": "Weggehaald: ‘{phrase}’.",
        "en": "Removed: ‘{phrase}’.",
    },
    "phrases.not_found": {
        "nl": "‘{phrase}’ staat niet in de eigen lijst van dit team. Typ **signaalwoorden** voor de lijst.",
        "en": "‘{phrase}’ is not on this team's own list. Type **distresswords** to see it.",
    },
    "phrases.bad_length": {
        "nl": "Een signaalwoord is {low} tot {high} tekens lang, met minstens één letter.",
        "en": "A phrase is {low} to {high} characters long, with at least one letter.",
    },
    "phrases.too_many": {
        "nl": "Dit team heeft al {limit} eigen signaalwoorden; haal er eerst een weg.",
        "en": "This team already has {limit} phrases of its own; remove one first.",
    },
}
