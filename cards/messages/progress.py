"""Texts of the progress talk: the contact kind, its agreements, the setting and the signals."""

MESSAGES: dict[str, dict[str, str]] = {
    "contact.kind.voortgangsgesprek": {"nl": "voortgangsgesprek", "en": "progress talk"},
    "contact.card.agreements": {
        "nl": "Afspraken (bij een voortgangsgesprek; staan op de pagina van de leerling tot het volgende)",
        "en": "Agreements (in a progress talk; shown on the pupil's page until the next one)",
    },
    "contact.with_agreements": {"nl": "met afspraken", "en": "with agreements"},
    "contact.problem.agreements_too_long": {
        "nl": "De afspraken zijn te lang (hoogstens 1000 tekens).",
        "en": "The agreements are too long (1000 characters at most).",
    },
    "contact.problem.agreements_kind": {
        "nl": "Afspraken horen bij een voortgangsgesprek: kies die soort, of zet ze in de notitie.",
        "en": "Agreements belong to a progress talk: choose that kind, or put them in the note.",
    },
    "pupil.last_talk": {"nl": "Voortgangsgesprek", "en": "Progress talk"},
    "pupil.agreements": {
        "nl": "Afspraken uit het voortgangsgesprek van {day}",
        "en": "Agreements from the progress talk of {day}",
    },
    "progress.every.one": {"nl": "elke week", "en": "every week"},
    "progress.every.many": {"nl": "elke {weeks} weken", "en": "every {weeks} weeks"},
    "settings.field.progress_talk_weeks": {
        "nl": "Voortgangsgesprek met elke leerling elke … weken (1–8)",
        "en": "Progress talk with each pupil every … weeks (1–8)",
    },
    "settings.bad_talk_weeks": {
        "nl": "het voortgangsgesprek moet elke 1 tot 8 weken zijn, bv. `voortgangsgesprek elke 2 weken`",
        "en": "the progress talk must be every 1 to 8 weeks, e.g. `progress every 2 weeks`",
    },
    "talks.title": {
        "nl": "Voortgangsgesprekken deze week",
        "en": "Progress talks this week",
    },
    "talks.intro": {
        "nl": "Met deze leerlingen staat deze week een voortgangsgesprek gepland (het team houdt ze {every}):",
        "en": "These pupils are due a progress talk this week (the team holds them {every}):",
    },
    "talks.never": {"nl": "nog geen voortgangsgesprek gelogd", "en": "no progress talk logged yet"},
    "talks.last": {"nl": "vorige op {day}", "en": "last one on {day}"},
    "talks.how": {
        "nl": "Leg het gesprek vast met bv. `log Sanne voortgangsgesprek 20m afspraken: elke dag om 10 uur starten`; de afspraken staan dan op de pagina van de leerling.",
        "en": "Record the talk with e.g. `log Sanne progress talk 20m agreements: start at 10 every day`; the agreements then show on the pupil's page.",
    },
    "signal.no_progress_talk": {
        "nl": "{detail} weken geen voortgangsgesprek, sinds {since}.",
        "en": "no progress talk for {detail} weeks, since {since}.",
    },
    "signal.opp_missing": {
        "nl": "nog geen OPP, {detail} weken na de aanmelding (nodig sinds {since}).",
        "en": "no OPP yet, {detail} weeks after joining (due since {since}).",
    },
    "signal.opp_without_parents": {
        "nl": "{detail} dagen geen OPP-evaluatie met de ouders (nodig sinds {since}).",
        "en": "no OPP evaluation with the parents for {detail} days (due since {since}).",
    },
}
