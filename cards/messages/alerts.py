"""Alerts about a pupil and what a mentor does with them."""

MESSAGES: dict[str, dict[str, str]] = {
    "alert.pick_up": {"nl": "Ik pak het op", "en": "I'll pick this up"},
    "alert.log_contact": {"nl": "Contact loggen", "en": "Log a contact"},
    "alert.view": {"nl": "Bekijk", "en": "View"},
    "alert.title.start": {"nl": "🔔 {name} bij de dagstart", "en": "🔔 {name} at the day start"},
    "alert.title.close": {
        "nl": "🔔 {name} bij de dagafsluiting",
        "en": "🔔 {name} at the day close",
    },
    "alert.title.other": {"nl": "🔔 {name}", "en": "🔔 {name}"},
    "alert.escalated.one": {
        "nl": "⏰ Na 1 schooluur nog niet opgepakt. Wil jij het oppakken?",
        "en": "⏰ Not picked up after 1 school hour. Will you pick it up?",
    },
    "alert.escalated.many": {
        "nl": "⏰ Na {hours} schooluren nog niet opgepakt. Wil jij het oppakken?",
        "en": "⏰ Not picked up after {hours} school hours. Will you pick it up?",
    },
    "alert.fact.contact": {"nl": "Wil contact", "en": "Wants to talk"},
    "alert.wants_contact": {"nl": "💬 ja, graag", "en": "💬 yes, please"},
    "alert.fact.plan": {"nl": "Plan", "en": "Plan"},
    "alert.goals": {"nl": "Doelen van vandaag", "en": "Today's goals"},
    "alert.note": {"nl": "Schreef:", "en": "Wrote:"},
    "alert.someone": {"nl": "iemand", "en": "someone"},
    "alert.at_time": {"nl": "om {time}", "en": "at {time}"},
    "alert.on_day": {"nl": "op {day} om {time}", "en": "on {day} at {time}"},
    "alert.picked_up": {
        "nl": "✅ Opgepakt door {name} {when}",
        "en": "✅ Picked up by {name} {when}",
    },
    "alert.already": {
        "nl": "Dit is al opgepakt door {name} {when}.",
        "en": "This was already picked up by {name} {when}.",
    },
    "alert.pupil_told": {
        "nl": "{name} heeft je bericht gezien en neemt contact met je op. 💬",
        "en": "{name} has seen your message and will get in touch with you. 💬",
    },
    "alert.unknown": {
        "nl": "Deze melding ken ik niet (meer). In **leerlingen** zie je wie nu aandacht nodig heeft.",
        "en": "I don't know this alert (any more). **pupils** shows who needs attention now.",
    },
    "settings.bad_pickup": {
        "nl": "het aantal schooluren voor oppakken moet een getal tussen {low} en {high} zijn",
        "en": "the school hours to pick up must be a number between {low} and {high}",
    },
}
