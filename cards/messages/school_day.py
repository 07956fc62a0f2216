"""Texts of the daily rhythm: the pupil's cards, the class posts, reminders and alerts."""

MESSAGES: dict[str, dict[str, str]] = {
    "mood.5": {"nl": "Super", "en": "Great"},
    "mood.4": {"nl": "Goed", "en": "Good"},
    "mood.3": {"nl": "Gaat wel", "en": "Okay"},
    "mood.2": {"nl": "Niet zo goed", "en": "Not so good"},
    "mood.1": {"nl": "Moeilijk", "en": "Tough"},
    "energy.3": {"nl": "Veel energie", "en": "Lots of energy"},
    "energy.2": {"nl": "Gewoon", "en": "Normal"},
    "energy.1": {"nl": "Weinig energie", "en": "Little energy"},
    "checkin.title": {"nl": "Goedemorgen {name}! ☀️", "en": "Good morning {name}! ☀️"},
    "checkin.mood_label": {"nl": "Hoe voel je je vandaag?", "en": "How do you feel today?"},
    "checkin.mood_required": {
        "nl": "Kies hoe je je voelt, dan kun je versturen.",
        "en": "Choose how you feel, then you can send it.",
    },
    "checkin.energy_label": {
        "nl": "Hoeveel energie heb je? (mag je overslaan)",
        "en": "How much energy do you have? (you may skip this)",
    },
    "checkin.goals_label": {
        "nl": "Wat ga je vandaag doen?",
        "en": "What will you do today?",
    },
    "checkin.goal_label": {"nl": "Doel {number}", "en": "Goal {number}"},
    "checkin.contact": {
        "nl": "Ik wil vandaag contact met mijn mentor",
        "en": "I would like to talk to my mentor today",
    },
    "checkin.send": {"nl": "Verstuur", "en": "Send"},
    "checkin.thanks": {
        "nl": "Dank je wel! Dit heb je gestuurd:",
        "en": "Thank you! This is what you sent:",
    },
    "checkin.fact.mood": {"nl": "Gevoel", "en": "Feeling"},
    "checkin.fact.energy": {"nl": "Energie", "en": "Energy"},
    "checkin.fact.contact": {"nl": "Contact met mentor", "en": "Talk to mentor"},
    "checkin.fact.goals": {"nl": "Je doelen voor vandaag", "en": "Your goals for today"},
    "checkin.yes": {"nl": "ja", "en": "yes"},
    "checkin.no": {"nl": "nee", "en": "no"},
    "checkin.contact_follows": {
        "nl": "Je mentor weet dat je contact wilt en neemt vandaag contact met je op. 💬",
        "en": "Your mentor knows you want to talk and will contact you today. 💬",
    },
    "checkin.expired": {
        "nl": "Deze check-in is verlopen. Morgen krijg je een nieuwe!",
        "en": "This check-in has expired. You'll get a new one tomorrow!",
    },
    "close.title": {"nl": "Hoe ging het vandaag, {name}?", "en": "How did today go, {name}?"},
    "close.mood_label": {"nl": "Hoe voel je je nu?", "en": "How do you feel now?"},
    "close.goals_label": {
        "nl": "Is het gelukt met je doelen?",
        "en": "Did you reach your goals?",
    },
    "close.status.done": {"nl": "Gelukt", "en": "Done"},
    "close.status.partly": {"nl": "Een beetje", "en": "Partly"},
    "close.status.not": {"nl": "Nog niet", "en": "Not yet"},
    "close.status.none": {"nl": "niet ingevuld", "en": "not filled in"},
    "close.no_goals": {
        "nl": "Vanochtend had je geen doelen opgeschreven. Dat geeft niks!",
        "en": "You didn't write down any goals this morning. That's fine!",
    },
    "close.note_label": {
        "nl": "Wil je nog iets kwijt? (mag je overslaan)",
        "en": "Anything else you want to say? (you may skip this)",
    },
    "close.contact": {
        "nl": "Ik wil contact met mijn mentor",
        "en": "I would like to talk to my mentor",
    },
    "checkin.readers": {
        "nl": "Je mentor en de coördinatoren lezen dit.",
        "en": "Your mentor and the coordinators read this.",
    },
    "close.thanks": {
        "nl": "Dank je wel! Fijne middag. 🌈",
        "en": "Thank you! Have a nice afternoon. 🌈",
    },
    "close.note_received": {
        "nl": "Je bericht gaat vandaag nog naar je mentor.",
        "en": "Your message goes to your mentor today.",
    },
    "close.contact_follows": {
        "nl": "Je mentor weet dat je contact wilt en neemt contact met je op. 💬",
        "en": "Your mentor knows you want to talk and will get in touch with you. 💬",
    },
    "rhythm.day_start": {
        "nl": "Goedemorgen allemaal! ☀️ De schooldag begint. In je chat met mij staat je check-in klaar: hoe gaat het en wat ga je vandaag doen?",
        "en": "Good morning everyone! ☀️ The school day starts. Your check-in is waiting in your chat with me: how are you and what will you do today?",
    },
    "rhythm.day_start_meeting": {
        "nl": "Doe mee met de dagstart: [vergadering openen]({link})",
        "en": "Join the day start: [open the meeting]({link})",
    },
    "rhythm.day_close": {
        "nl": "Tijd voor de dagafsluiting! 🌈 Vertel in je chat met mij hoe het vandaag ging. Fijne middag allemaal!",
        "en": "Time for the day close! 🌈 Tell me in our chat how today went. Have a nice afternoon, everyone!",
    },
    "rhythm.reminder": {
        "nl": "Hoi {first_name}, je check-in staat nog voor je klaar. Wil je hem even invullen? 😊",
        "en": "Hi {first_name}, your check-in is still waiting for you. Would you fill it in? 😊",
    },
    "rhythm.unreachable.pupil": {
        "nl": (
            "📵 {name} krijgt geen berichten meer van mij: de app is in Teams geblokkeerd of "
            "verwijderd. Ik stuur niets meer tot {name} mij weer opent. Neem je op een andere "
            "manier contact op?"
        ),
        "en": (
            "📵 {name} no longer receives my messages: the app was blocked or removed in Teams. "
            "I won't send anything until {name} opens me again. Will you get in touch another way?"
        ),
    },
    "rhythm.unreachable.staff": {
        "nl": (
            "📵 {name} krijgt geen berichten meer van mij: de app is in Teams geblokkeerd of "
            "verwijderd. Herinneringen en overzichten voor {name} blijven liggen tot de app weer "
            "open is."
        ),
        "en": (
            "📵 {name} no longer receives my messages: the app was blocked or removed in Teams. "
            "Reminders and digests for {name} wait until the app is opened again."
        ),
    },
    "rhythm.submit.future": {
        "nl": "Deze kaart is voor {day}. Vul hem die dag in; er is nu niets bewaard.",
        "en": "This card is for {day}. Please fill it in on that day; nothing was stored now.",
    },
    "rhythm.submit.invalid": {
        "nl": "Deze kaart kan ik niet opslaan. Er is niets bewaard; gebruik de kaart van vandaag.",
        "en": "I can't save this card. Nothing was stored; please use today's card.",
    },
    "rhythm.submit.duplicate": {
        "nl": "Je had deze al verstuurd; ik heb hem één keer bewaard.",
        "en": "You had already sent this; I kept it once.",
    },
    "settings.title": {"nl": "Instellingen van het team", "en": "Team settings"},
    "settings.field.region": {"nl": "Regio schoolvakanties", "en": "School holiday region"},
    "settings.required": {
        "nl": "Vul dit in; de bot heeft het nodig.",
        "en": "Please fill this in; the bot needs it.",
    },
    "settings.required_number": {
        "nl": "Vul een getal van {low} tot en met {high} in.",
        "en": "Enter a number from {low} to {high}.",
    },
    "settings.field.class_channel": {
        "nl": "Kanaal voor dagstart en dagafsluiting",
        "en": "Channel for the day start and day close",
    },
    "settings.field.coordinator_channel": {
        "nl": "Kanaal voor coördinatoren (overzichten)",
        "en": "Coordinators' channel (digests)",
    },
    "settings.field.meeting_link": {
        "nl": "Vergaderlink van de dagstart",
        "en": "Meeting link for the day start",
    },
    "settings.field.free_days": {
        "nl": "Extra vrije dagen (dd-mm-jjjj, met komma's)",
        "en": "Extra free days (dd-mm-yyyy, with commas)",
    },
    "settings.field.liberation_day": {
        "nl": "Bevrijdingsdag (5 mei)",
        "en": "Liberation Day (5 May)",
    },
    "settings.field.good_friday_off": {"nl": "Vrij op Goede Vrijdag", "en": "Off on Good Friday"},
    "settings.field.contact_pickup_hours": {
        "nl": "Schooluren voordat een onbeantwoorde vraag om contact naar de coördinatoren gaat",
        "en": "School hours before an unanswered wish for contact goes to the coordinators",
    },
    "settings.liberation.lustrum": {
        "nl": "Vrij eens per 5 jaar (lustrum)",
        "en": "Off once every 5 years (lustrum)",
    },
    "settings.liberation.altijd": {"nl": "Altijd vrij", "en": "Always off"},
    "settings.liberation.nooit": {"nl": "Nooit vrij", "en": "Never off"},
    "settings.none": {"nl": "Geen", "en": "None"},
    "settings.save": {"nl": "Opslaan", "en": "Save"},
    "rhythm.again.no_school": {
        "nl": "Vandaag is er geen school ({reason}). Geniet ervan! 🌞",
        "en": "There is no school today ({reason}). Enjoy! 🌞",
    },
    "rhythm.again.done": {
        "nl": "Je hebt deze al ingevuld. Dank je wel! 😊",
        "en": "You have already filled this in. Thank you! 😊",
    },
    "rhythm.again.not_now": {
        "nl": "Er is nu geen kaart: de check-in begint bij de dagstart en de afsluiting aan het eind van de schooldag.",
        "en": "There is no card right now: the check-in starts at the day start and the close at the end of the school day.",
    },
}
