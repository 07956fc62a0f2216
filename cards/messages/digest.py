"""Texts of the digests and the early signals."""

MESSAGES: dict[str, dict[str, str]] = {
    "signal.no_checkin": {
        "nl": "{detail} schooldagen op rij niet ingecheckt, sinds {since}.",
        "en": "no check-in on {detail} school days in a row, since {since}.",
    },
    "signal.mood_falling": {
        "nl": "stemming daalt (gemiddeld {detail}), sinds {since}.",
        "en": "mood is falling (average {detail}), since {since}.",
    },
    "signal.mood_falling_low": {
        "nl": "meerdere schooldagen op rij een lage stemming (1–2), sinds {since}.",
        "en": "low mood (1–2) several school days in a row, since {since}.",
    },
    "signal.no_contact": {
        "nl": "{detail} dagen geen contact gelogd, sinds {since}.",
        "en": "no contact logged for {detail} days, since {since}.",
    },
    "signal.contact_wish": {
        "nl": "vroeg om contact op {since}; er is sindsdien geen contact gelogd.",
        "en": "asked for contact on {since}; no contact has been logged since.",
    },
    "signal.plan_not_reached": {
        "nl": "planning {detail} van de laatste 5 dagen niet gehaald, sinds {since}.",
        "en": "plan not reached on {detail} of the last 5 days, since {since}.",
    },
    "signal.opp_overdue": {
        "nl": "OPP-evaluatie {detail} dagen te laat (was {since}).",
        "en": "OPP evaluation {detail} days overdue (was {since}).",
    },
    "signal.alert": {
        "nl": "🔔 Signaal over {name}: {reason}",
        "en": "🔔 Signal about {name}: {reason}",
    },
    "digest.daily.title": {"nl": "Dagoverzicht {team}", "en": "Daily digest {team}"},
    "digest.weekly.title": {"nl": "Weekoverzicht {team}", "en": "Weekly digest {team}"},
    "digest.week_of": {"nl": "Week van {day}", "en": "Week of {day}"},
    "digest.start_rate": {"nl": "Dagstart ingevuld", "en": "Day start answered"},
    "digest.close_rate": {"nl": "Dagafsluiting ingevuld", "en": "Day close answered"},
    "digest.contacts_today": {"nl": "Contacten gelogd", "en": "Contacts logged"},
    "digest.open_signals": {"nl": "Open signalen", "en": "Open signals"},
    "digest.failed": {"nl": "Niet afgeleverde berichten", "en": "Messages not delivered"},
    "digest.failed.blocked": {
        "nl": "{n} onbereikbaar, de bot is geblokkeerd of verwijderd",
        "en": "{n} unreachable, the bot was blocked or removed",
    },
    "digest.failed.gone": {"nl": "{n} niet meer in het team", "en": "{n} no longer in the team"},
    "digest.failed.teams": {
        "nl": "{n} door herhaalde storingen bij Teams",
        "en": "{n} after repeated errors at Teams",
    },
    "digest.mood_today": {"nl": "Stemming bij de dagstart", "en": "Mood at the day start"},
    "digest.no_moods": {"nl": "Nog geen stemmingen.", "en": "No moods yet."},
    "digest.new_signals": {"nl": "Nieuwe signalen ({count})", "en": "New signals ({count})"},
    "digest.open_signal_list": {"nl": "Open signalen ({count})", "en": "Open signals ({count})"},
    "digest.no_signals": {"nl": "Geen. 👍", "en": "None. 👍"},
    "digest.paused": {"nl": "Gepauzeerd: {names}", "en": "Paused: {names}"},
    "digest.week.compared": {
        "nl": "Deze week (t.o.v. vorige week)",
        "en": "This week (against last week)",
    },
    "digest.week.start_rate": {"nl": "Dagstart ingevuld", "en": "Day start answered"},
    "digest.week.average_mood": {"nl": "Gemiddelde stemming", "en": "Average mood"},
    "digest.week.contacts": {"nl": "Contacten gelogd", "en": "Contacts logged"},
    "digest.week.rates_chart": {
        "nl": "Dagstart ingevuld per dag (%)",
        "en": "Day start answered per day (%)",
    },
    "digest.week.mood_chart": {"nl": "Stemmingen deze week", "en": "Moods this week"},
    "digest.week.per_mentor": {"nl": "Contacten per mentor", "en": "Contacts per mentor"},
    "digest.week.without_contact": {
        "nl": "Deze week nog geen contact: {names}",
        "en": "No contact this week yet: {names}",
    },
    "digest.week.opp": {
        "nl": "OPP-evaluaties (2 weken en te laat)",
        "en": "OPP evaluations (2 weeks and overdue)",
    },
    "digest.someone_else": {"nl": "anderen", "en": "others"},
    "settings.bad_threshold": {
        "nl": "een drempel moet een getal tussen {low} en {high} zijn",
        "en": "a threshold must be a number between {low} and {high}",
    },
    "digest.week.pickup": {
        "nl": "Meldingen oppakken (wachttijd in schooltijd)",
        "en": "Picking up alerts (waiting time in school hours)",
    },
    "digest.week.pickup_none": {"nl": "Geen meldingen deze week.", "en": "No alerts this week."},
    "digest.week.pickup_no_mentor": {"nl": "zonder mentor", "en": "without a mentor"},
    "digest.week.pickup_line": {
        "nl": "mediaan {median}, langzaamst {slowest} ({count} opgepakt)",
        "en": "median {median}, slowest {slowest} ({count} picked up)",
    },
    "digest.week.pickup_nothing": {"nl": "nog niets opgepakt", "en": "nothing picked up yet"},
    "digest.week.pickup_open": {"nl": "; {count} nog open", "en": "; {count} still open"},
}
