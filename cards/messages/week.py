"""Texts of `mijn week`: a pupil's own week, in kind words for a child."""

MESSAGES: dict[str, dict[str, str]] = {
    "week.title": {"nl": "Jouw week, {name} 🌈", "en": "Your week, {name} 🌈"},
    "week.span": {"nl": "{first} t/m {last}", "en": "{first} to {last}"},
    "week.streak.none": {
        "nl": "🌱 Elke check-in telt. Met je volgende check-in begint je reeks!",
        "en": "🌱 Every check-in counts. Your streak starts with your next check-in!",
    },
    "week.streak.one": {
        "nl": "⭐ 1 dag ingecheckt. Een mooi begin!",
        "en": "⭐ Checked in 1 day. A great start!",
    },
    "week.streak.many": {
        "nl": "⭐ {count} dagen op rij ingecheckt. Goed bezig!",
        "en": "⭐ {count} days in a row checked in. Well done!",
    },
    "week.empty": {
        "nl": "Je week is nog leeg. Als je incheckt, zie je hier hoe je je voelde en wat je deed.",
        "en": "Your week is still empty. When you check in, you'll see here how you felt and what you did.",
    },
    "week.done.one": {
        "nl": "🎯 Deze week is 1 doel gelukt!",
        "en": "🎯 You did 1 goal this week!",
    },
    "week.done.many": {
        "nl": "🎯 Deze week zijn {count} doelen gelukt!",
        "en": "🎯 You did {count} goals this week!",
    },
    "week.chart": {"nl": "Hoe je je voelde", "en": "How you felt"},
    "week.chart.start": {"nl": "Ochtend", "en": "Morning"},
    "week.chart.close": {"nl": "Middag", "en": "Afternoon"},
    "week.mood.start": {"nl": "'s ochtends {mood}", "en": "in the morning {mood}"},
    "week.mood.close": {"nl": "'s middags {mood}", "en": "in the afternoon {mood}"},
    "week.status.done": {"nl": "gelukt", "en": "done"},
    "week.status.partly": {"nl": "een beetje", "en": "partly"},
    "week.status.not": {"nl": "nog niet", "en": "not yet"},
    "week.no_goals": {
        "nl": "Geen doelen opgeschreven. Ook goed!",
        "en": "No goals written down. That's fine too!",
    },
    "week.readers": {
        "nl": "Dit overzicht zie alleen jij. Je mentor en de coördinatoren lezen je check-ins ook.",
        "en": "Only you see this overview. Your mentor and the coordinators read your check-ins too.",
    },
    "week.button": {"nl": "Bekijk je week", "en": "See your week"},
    "week.no_school": {
        "nl": "Er was de laatste tijd geen school, dus er is nog geen week om te laten zien.",
        "en": "There has been no school lately, so there is no week to show yet.",
    },
}
