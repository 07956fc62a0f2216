"""Texts of the OPP cycle."""

MESSAGES: dict[str, dict[str, str]] = {
    "opp.participant.leerling": {"nl": "leerling", "en": "pupil"},
    "opp.participant.ouders": {"nl": "ouders", "en": "parents"},
    "opp.participant.mentor": {"nl": "mentor", "en": "mentor"},
    "opp.participant.school": {"nl": "school van inschrijving", "en": "school of enrolment"},
    "opp.participant.gedragswetenschapper": {
        "nl": "gedragswetenschapper",
        "en": "behavioural scientist",
    },
    "opp.overdue": {"nl": "{days} dagen te laat", "en": "{days} days overdue"},
    "opp.today": {"nl": "vandaag", "en": "today"},
    "opp.in_days": {"nl": "over {days} dagen", "en": "in {days} days"},
    "opp.in_vacation": {
        "nl": "valt in de {vacation}: plan het ervoor",
        "en": "falls in the {vacation}: plan it before",
    },
    "opp.title.mentor": {
        "nl": "OPP-evaluaties van je leerlingen",
        "en": "Your pupils' OPP evaluations",
    },
    "opp.title.coordinator": {"nl": "OPP-evaluaties van {team}", "en": "OPP evaluations of {team}"},
    "opp.none": {
        "nl": "Nog geen OPP's vastgelegd. Start er een met `opp Sanne start 1-9`.",
        "en": "No OPPs recorded yet. Start one with `opp Sanne start 1-9`.",
    },
    "opp.missing": {"nl": "Nog zonder OPP: {names}", "en": "No OPP yet: {names}"},
    "opp.fact.start": {"nl": "Start", "en": "Start"},
    "opp.fact.cycle": {"nl": "Evaluatie", "en": "Evaluation"},
    "opp.fact.next": {"nl": "Volgende evaluatie", "en": "Next evaluation"},
    "opp.fact.due": {"nl": "Uiterlijk", "en": "Due"},
    "opp.fact.who": {"nl": "Uitnodigen", "en": "Invite"},
    "opp.weeks": {"nl": "elke {weeks} weken", "en": "every {weeks} weeks"},
    "opp.history.title": {"nl": "OPP van {name}", "en": "OPP of {name}"},
    "opp.history.evaluations": {"nl": "Evaluaties", "en": "Evaluations"},
    "opp.history.none": {"nl": "Nog geen evaluaties.", "en": "No evaluations yet."},
    "opp.form.open": {"nl": "Evaluatie vastleggen", "en": "Record the evaluation"},
    "opp.form.day": {"nl": "Datum van de evaluatie", "en": "Date of the evaluation"},
    "opp.form.day_required": {
        "nl": "Kies de datum van de evaluatie.",
        "en": "Choose the date of the evaluation.",
    },
    "opp.form.participants": {"nl": "Wie waren erbij?", "en": "Who took part?"},
    "opp.form.note": {"nl": "Korte notitie (optioneel)", "en": "Short note (optional)"},
    "opp.form.save": {"nl": "Opslaan", "en": "Save"},
    "opp.nudge.title": {
        "nl": "📅 De OPP-evaluatie van {name} komt eraan",
        "en": "📅 {name}'s OPP evaluation is coming up",
    },
    "opp.nudge.overdue": {
        "nl": "⏰ De OPP-evaluatie van {name} is te laat",
        "en": "⏰ {name}'s OPP evaluation is overdue",
    },
    "opp.nudge.prepare": {"nl": "Ter voorbereiding", "en": "To prepare"},
    "opp.trend.checkins": {
        "nl": "Sinds {since}: {done} check-ins op {total} schooldagen, {contacts} contacten gelogd.",
        "en": "Since {since}: {done} check-ins on {total} school days, {contacts} contacts logged.",
    },
    "opp.trend.no_mood": {
        "nl": "Nog geen stemming bekend in deze periode.",
        "en": "No mood known in this period yet.",
    },
    "opp.trend.mood_up": {
        "nl": "Stemming gemiddeld {average} van 5, stijgend. 📈",
        "en": "Mood {average} of 5 on average, rising. 📈",
    },
    "opp.trend.mood_down": {
        "nl": "Stemming gemiddeld {average} van 5, dalend. 📉",
        "en": "Mood {average} of 5 on average, falling. 📉",
    },
    "opp.trend.mood_steady": {
        "nl": "Stemming gemiddeld {average} van 5, stabiel.",
        "en": "Mood {average} of 5 on average, steady.",
    },
    "opp.overview.title": {
        "nl": "OPP-evaluaties: deze twee weken en te laat",
        "en": "OPP evaluations: these two weeks and overdue",
    },
    "opp.overview.none": {
        "nl": "Geen evaluaties in de komende twee weken en niets te laat. 👍",
        "en": "No evaluations in the next two weeks and nothing overdue. 👍",
    },
    "opp.overview.no_mentor": {"nl": "Zonder mentor", "en": "No mentor"},
    "opp.started": {
        "nl": "OPP van {name} gestart op {start}, evaluatie elke {weeks} weken. Eerste evaluatie: {due}.",
        "en": "OPP of {name} started on {start}, evaluated every {weeks} weeks. First evaluation: {due}.",
    },
    "opp.recorded": {
        "nl": "✅ Evaluatie van {name} op {day} vastgelegd. Volgende: {due}.",
        "en": "✅ Evaluation of {name} on {day} recorded. Next: {due}.",
    },
    "opp.already": {
        "nl": "Deze evaluatie stond er al; ik heb haar één keer bewaard.",
        "en": "This evaluation was already there; I kept it once.",
    },
    "opp.no_plan": {
        "nl": "{name} heeft nog geen OPP. Start het met **opp** {name} **start** en de startdatum.",
        "en": "{name} has no OPP yet. Start it with **opp** {name} **start** and the start date.",
    },
    "opp.problem.bad_date": {
        "nl": "Die datum kan ik niet lezen (gebruik bv. 1-9 of 01-09-2026).",
        "en": "I can't read that date (use e.g. 1-9 or 01-09-2026).",
    },
    "opp.problem.future_date": {
        "nl": "Een evaluatie in de toekomst kan ik niet vastleggen.",
        "en": "I can't record an evaluation in the future.",
    },
    "opp.problem.bad_cycle": {
        "nl": "De cyclus moet tussen 1 en 52 weken liggen, bv. `elke 8 weken`.",
        "en": "The cycle must be between 1 and 52 weeks, e.g. `every 8 weeks`.",
    },
    "opp.problem.note_too_long": {
        "nl": "De notitie is te lang (hoogstens 1000 tekens).",
        "en": "The note is too long (1000 characters at most).",
    },
    "opp.problem.no_name": {"nl": "Over welke leerling?", "en": "Which pupil?"},
    "opp.problem.invalid": {
        "nl": "Dit kan ik niet opslaan: kies een datum tot en met vandaag.",
        "en": "I can't save this: choose a date up to today.",
    },
    "settings.field.opp_cycle_weeks": {
        "nl": "OPP-evaluatie elke … weken (standaard)",
        "en": "OPP evaluation every … weeks (default)",
    },
    "settings.field.behavioural_scientist": {
        "nl": "Gedragswetenschapper van het team (naam, optioneel)",
        "en": "The team's behavioural scientist (name, optional)",
    },
    "settings.bad_cycle": {
        "nl": "de OPP-cyclus moet tussen 1 en 52 weken liggen",
        "en": "the OPP cycle must be between 1 and 52 weeks",
    },
}
