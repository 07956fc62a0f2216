"""Texts of the OPP report: the evidence a mentor brings to an OPP evaluation."""

MESSAGES: dict[str, dict[str, str]] = {
    "opp.report.open": {"nl": "OPP-verslag bekijken", "en": "View the OPP report"},
    "opp.report.title": {"nl": "OPP-verslag van {name}", "en": "OPP report of {name}"},
    "opp.report.period": {"nl": "{start} t/m {end}", "en": "{start} to {end}"},
    "opp.report.basis.evaluation": {
        "nl": "sinds de laatste OPP-evaluatie",
        "en": "since the last OPP evaluation",
    },
    "opp.report.basis.plan": {"nl": "sinds de start van het OPP", "en": "since the OPP started"},
    "opp.report.basis.given": {"nl": "vanaf de gevraagde datum", "en": "from the date asked for"},
    "opp.report.basis.joined": {
        "nl": "sinds de aanmelding (nog geen OPP)",
        "en": "since joining (no OPP yet)",
    },
    "opp.report.fact.period": {"nl": "Periode", "en": "Period"},
    "opp.report.fact.mentor": {"nl": "Mentor", "en": "Mentor"},
    "opp.report.fact.next": {"nl": "Volgende OPP-evaluatie", "en": "Next OPP evaluation"},
    "opp.report.fact.checkins": {"nl": "Check-ins", "en": "Check-ins"},
    "opp.report.fact.mood": {"nl": "Stemming", "en": "Mood"},
    "opp.report.no_plan": {"nl": "nog geen OPP", "en": "no OPP yet"},
    "opp.report.rate": {
        "nl": "{done} van {total} schooldagen ({percent})",
        "en": "{done} of {total} school days ({percent})",
    },
    "opp.report.rate_none": {
        "nl": "geen schooldagen (vakantie of pauze)",
        "en": "no school days (holiday or pause)",
    },
    "opp.report.rate_note": {
        "nl": "Schooldagen zonder vakanties, vrije dagen en pauzes.",
        "en": "School days without holidays, days off and pauses.",
    },
    "opp.report.mood.none": {
        "nl": "nog geen stemming bekend",
        "en": "no mood known yet",
    },
    "opp.report.mood.up": {
        "nl": "gemiddeld {average} van 5, stijgend",
        "en": "{average} of 5 on average, rising",
    },
    "opp.report.mood.down": {
        "nl": "gemiddeld {average} van 5, dalend",
        "en": "{average} of 5 on average, falling",
    },
    "opp.report.mood.steady": {
        "nl": "gemiddeld {average} van 5, stabiel",
        "en": "{average} of 5 on average, steady",
    },
    "opp.report.mood.only": {
        "nl": "gemiddeld {average} van 5",
        "en": "{average} of 5 on average",
    },
    "opp.report.mood_chart": {
        "nl": "Gemiddelde stemming per week bij de dagstart",
        "en": "Average mood per week at the day start",
    },
    "opp.report.weeks": {
        "nl": "Check-ins en stemming per week",
        "en": "Check-ins and mood per week",
    },
    "opp.report.week": {"nl": "week {number} ({day})", "en": "week {number} ({day})"},
    "opp.report.week_mood": {"nl": "stemming {mood}", "en": "mood {mood}"},
    "opp.report.week_no_mood": {"nl": "geen stemming", "en": "no mood"},
    "opp.report.column.week": {"nl": "Week", "en": "Week"},
    "opp.report.column.days": {"nl": "Schooldagen", "en": "School days"},
    "opp.report.column.checked_in": {"nl": "Ingecheckt", "en": "Checked in"},
    "opp.report.column.percent": {"nl": "Percentage", "en": "Percentage"},
    "opp.report.column.mood": {"nl": "Stemming (gemiddeld, 1–5)", "en": "Mood (average, 1–5)"},
    "opp.report.goals": {"nl": "Doelen", "en": "Goals"},
    "opp.report.goals.line": {
        "nl": "{planned} gepland: {done} gelukt, {partly} een beetje, {not_yet} nog niet, {unanswered} niet ingevuld",
        "en": "{planned} planned: {done} done, {partly} partly, {not_yet} not yet, {unanswered} not filled in",
    },
    "opp.report.goals.planned": {"nl": "gepland", "en": "planned"},
    "opp.report.goals.done": {"nl": "gelukt", "en": "done"},
    "opp.report.goals.partly": {"nl": "een beetje", "en": "partly"},
    "opp.report.goals.not_yet": {"nl": "nog niet", "en": "not yet"},
    "opp.report.goals.unanswered": {"nl": "niet ingevuld", "en": "not filled in"},
    "opp.report.notes": {
        "nl": "Berichten van de leerling bij de dagafsluiting ({count})",
        "en": "The pupil's notes at the day close ({count})",
    },
    "opp.report.notes.none": {"nl": "Geen berichten.", "en": "No notes."},
    "opp.report.notes.hidden": {
        "nl": "De leerling schreef {count} berichten bij de dagafsluiting; alleen de eigen mentor leest ze in dit verslag.",
        "en": "The pupil wrote {count} notes at the day close; only their own mentor reads them in this report.",
    },
    "opp.report.notes.cut": {
        "nl": "De {count} oudere berichten passen niet op deze kaart; kies een latere datum met `vanaf`.",
        "en": "The {count} older notes do not fit on this card; choose a later date with `from`.",
    },
    "opp.report.contacts": {"nl": "Contacten ({count})", "en": "Contacts ({count})"},
    "opp.report.contacts.none": {"nl": "Geen contacten gelogd.", "en": "No contacts logged."},
    "opp.report.contacts.line": {
        "nl": "{kind}: {count} ({time})",
        "en": "{kind}: {count} ({time})",
    },
    "opp.report.column.kind": {"nl": "Soort", "en": "Kind"},
    "opp.report.column.count": {"nl": "Aantal", "en": "Number"},
    "opp.report.column.time": {"nl": "Tijd", "en": "Time"},
    "opp.report.column.day": {"nl": "Datum", "en": "Date"},
    "opp.report.total": {"nl": "totaal", "en": "total"},
    "opp.report.no_time": {"nl": "geen tijd gelogd", "en": "no time logged"},
    "opp.report.talks": {
        "nl": "Voortgangsgesprekken en afspraken ({count})",
        "en": "Progress talks and agreements ({count})",
    },
    "opp.report.talks.none": {
        "nl": "Geen voortgangsgesprekken gelogd.",
        "en": "No progress talks logged.",
    },
    "opp.report.talks.no_agreements": {
        "nl": "geen afspraken vastgelegd",
        "en": "no agreements recorded",
    },
    "opp.report.signals": {"nl": "Signalen", "en": "Signals"},
    "opp.report.signals.none": {
        "nl": "Geen signalen in deze periode.",
        "en": "No signals in this period.",
    },
    "opp.report.signal.open": {"nl": "staat nog open", "en": "still open"},
    "opp.report.signal.resolved": {"nl": "opgelost op {day}", "en": "resolved on {day}"},
    "opp.report.alerts": {"nl": "Meldingen aan de mentor", "en": "Alerts to the mentor"},
    "opp.report.alerts.none": {"nl": "Geen meldingen.", "en": "No alerts."},
    "opp.report.alerts.line": {
        "nl": "{kind}: {count}, waarvan {picked} opgepakt",
        "en": "{kind}: {count}, {picked} of them picked up",
    },
    "opp.report.alert.checkin_start": {"nl": "na de dagstart", "en": "after the day start"},
    "opp.report.alert.checkin_close": {
        "nl": "na de dagafsluiting",
        "en": "after the day close",
    },
    "opp.report.alert.message": {"nl": "eigen bericht", "en": "own message"},
    "opp.report.alert.distress": {"nl": "zorgelijke woorden", "en": "worrying words"},
    "opp.report.pauses": {"nl": "Pauzes", "en": "Pauses"},
    "opp.report.pauses.none": {"nl": "Geen pauzes.", "en": "No pauses."},
    "opp.report.pause": {"nl": "{start} t/m {end}", "en": "{start} to {end}"},
    "opp.report.footer": {
        "nl": "Gemaakt door Dagritme op {day}. Vertrouwelijk: alleen voor wie bij het OPP van deze leerling betrokken is.",
        "en": "Made by Dagritme on {day}. Confidential: only for those involved in this pupil's OPP.",
    },
    "opp.problem.report_bad_date": {
        "nl": "Die datum kan ik niet lezen (gebruik bv. `vanaf 1-9` of `vanaf 01-09-2026`).",
        "en": "I can't read that date (use e.g. `from 1-9` or `from 01-09-2026`).",
    },
    "opp.problem.report_future": {
        "nl": "Die datum ligt in de toekomst; een verslag gaat over wat al gebeurd is. Kies een datum tot en met vandaag.",
        "en": "That date is in the future; a report covers what has happened. Choose a date up to today.",
    },
    "opp.problem.report_too_old": {
        "nl": "Een verslag gaat hoogstens een jaar terug.",
        "en": "A report goes back a year at most.",
    },
    "opp.report.unknown_pupil": {
        "nl": "Die leerling vind ik niet (meer) bij jouw leerlingen. Typ **opp** voor je overzicht.",
        "en": "I can't find that pupil among yours (any more). Type **opp** for your overview.",
    },
}
