"""Texts of the coordinator and mentor side of the daily rhythm: settings, pause, alerts."""

MESSAGES: dict[str, dict[str, str]] = {
    "pauze.done": {
        "nl": "{name} is gepauzeerd tot en met {until}: geen check-ins en herinneringen tot dan. Beterschap! Met **hervat** zet je ze eerder weer aan.",
        "en": "{name} is paused up to and including {until}: no check-ins or reminders until then. Use **resume** to turn them on earlier.",
    },
    "pauze.bad_date": {
        "nl": "'{value}' kan ik niet als datum lezen.",
        "en": "I can't read '{value}' as a date.",
    },
    "pauze.past_date": {
        "nl": "Die datum is al voorbij. Kies een datum vanaf vandaag.",
        "en": "That date has passed. Choose a date from today on.",
    },
    "pauze.too_long": {
        "nl": "Een pauze kan hoogstens een jaar duren.",
        "en": "A pause can last a year at most.",
    },
    "hervat.done": {
        "nl": "{name} krijgt weer check-ins.",
        "en": "{name} gets check-ins again.",
    },
    "hervat.not_paused": {
        "nl": "{name} is niet gepauzeerd.",
        "en": "{name} is not paused.",
    },
    "settings.general": {"nl": "Algemeen", "en": "General"},
    "settings.summary": {
        "nl": (
            "**Instellingen van dit team**\n\n"
            "- Dagstart {start}, herinnering {reminder}, mentorlijst {mentor_list}, "
            "dagafsluiting {close}\n"
            "- Regio schoolvakanties: {region}\n"
            "- Klaskanaal: {class_channel}; coördinatiekanaal: {coordinator_channel}\n"
            "- Vergaderlink: {meeting_link}\n"
            "- Vrije dagen: {free_days}\n"
            "- OPP-evaluatie elke {opp_cycle_weeks} weken; "
            "gedragswetenschapper: {behavioural_scientist}\n"
            "- Signalen: {signal_missing_days} dagen niet ingecheckt (drempel-checkin), "
            "stemming {signal_mood_drop} punt gedaald (drempel-stemming) of "
            "{signal_low_streak} dagen laag (drempel-laag), {signal_contact_days} dagen geen "
            "contact (drempel-contact), planning {signal_plan_days} van 5 dagen niet gehaald "
            "(drempel-planning)\n"
            "- Vraag om contact die de mentor na {contact_pickup_hours} schooluren niet oppakte, "
            "gaat naar de coördinatoren (oppakken)\n"
            "- Voortgangsgesprek met elke leerling {progress_talk_weeks} (voortgangsgesprek)\n"
            "- Check-in voor leerlingen zonder eigen leeftijdsgroep: {age_band} (leeftijd)"
        ),
        "en": (
            "**This team's settings**\n\n"
            "- Day start {start}, reminder {reminder}, mentor list {mentor_list}, "
            "day close {close}\n"
            "- School holiday region: {region}\n"
            "- Class channel: {class_channel}; coordinators' channel: {coordinator_channel}\n"
            "- Meeting link: {meeting_link}\n"
            "- Free days: {free_days}\n"
            "- OPP evaluation every {opp_cycle_weeks} weeks; "
            "behavioural scientist: {behavioural_scientist}\n"
            "- Signals: {signal_missing_days} days without check-in (drempel-checkin), "
            "mood {signal_mood_drop} point down (drempel-stemming) or "
            "{signal_low_streak} days low (drempel-laag), {signal_contact_days} days without "
            "contact (drempel-contact), plan missed on {signal_plan_days} of 5 days "
            "(drempel-planning)\n"
            "- A wish for contact the mentor has not picked up after {contact_pickup_hours} "
            "school hours goes to the coordinators (pickup)\n"
            "- Progress talk with each pupil {progress_talk_weeks} (progress)\n"
            "- Check-in for pupils without an age band of their own: {age_band} (age)"
        ),
    },
    "settings.saved": {"nl": "Opgeslagen. ✅", "en": "Saved. ✅"},
    "settings.unchanged": {"nl": "Er is niets veranderd.", "en": "Nothing changed."},
    "settings.refused": {
        "nl": "Niet opgeslagen, want:",
        "en": "Not saved, because:",
    },
    "settings.unknown_field": {
        "nl": "'{field}' is geen instelling.",
        "en": "'{field}' is not a setting.",
    },
    "settings.channel_here": {
        "nl": "Typ dit in het kanaal zelf (met @vermelding van mij), of kies het kanaal op de kaart via **instellingen**.",
        "en": "Type this in the channel itself (@mentioning me), or choose the channel on the card via **settings**.",
    },
    "settings.field.start": {"nl": "dagstart", "en": "day start"},
    "settings.field.close": {"nl": "dagafsluiting", "en": "day close"},
    "settings.field.reminder": {"nl": "herinnering", "en": "reminder"},
    "settings.field.mentor_list": {"nl": "mentorlijst", "en": "mentor list"},
    "settings.region.noord": {"nl": "Noord", "en": "North"},
    "settings.region.midden": {"nl": "Midden", "en": "Middle"},
    "settings.region.zuid": {"nl": "Zuid", "en": "South"},
    "settings.bad_time": {
        "nl": "de tijd bij {field} is geen geldige tijd (gebruik uu:mm, bijvoorbeeld 09:00)",
        "en": "the {field} time is not a valid time (use hh:mm, for example 09:00)",
    },
    "settings.bad_region": {
        "nl": "de regio moet noord, midden of zuid zijn",
        "en": "the region must be north, middle or south (noord, midden, zuid)",
    },
    "settings.bad_liberation_day": {
        "nl": "Bevrijdingsdag moet lustrum, altijd of nooit zijn",
        "en": "Liberation Day must be lustrum (every 5 years), always or never",
    },
    "settings.bad_name": {
        "nl": "de naam van de gedragswetenschapper is te lang",
        "en": "the behavioural scientist's name is too long",
    },
    "settings.bad_yes_no": {"nl": "kies ja of nee", "en": "choose yes or no"},
    "settings.coordinator_channel_is_class": {
        "nl": "het coördinatiekanaal kan niet het klaskanaal of Algemeen zijn: daar lezen "
        "leerlingen mee",
        "en": "the coordinators' channel cannot be the class channel or General: pupils read "
        "along there",
    },
    "settings.coordinator_channel_has_pupils": {
        "nl": "in dit team zitten leerlingen, en die lezen elk kanaal mee; de overzichten komen "
        "daarom in de privéchat van elke coördinator",
        "en": "this team has pupils, who can read every channel; the digests therefore come to "
        "each coordinator's private chat",
    },
    "coordinator_channel_moved": {
        "nl": "Het coördinatiekanaal was een kanaal van een team met leerlingen, en die lezen daar "
        "mee. Overzichten en signalen over leerlingen krijg je daarom voortaan hier, in je "
        "privéchat met mij.",
        "en": "The coordinators' channel was a channel of a team with pupils, who can read it. "
        "From now on you get the digests and signals about pupils here, in your private chat "
        "with me.",
    },
    "settings.bad_channel": {
        "nl": "dat kanaal ken ik niet in dit team",
        "en": "I don't know that channel in this team",
    },
    "settings.bad_link": {
        "nl": "de vergaderlink moet een https://-adres zijn",
        "en": "the meeting link must be an https:// address",
    },
    "settings.bad_free_days": {
        "nl": "'{value}' is geen datum (gebruik dd-mm-jjjj, gescheiden door komma's)",
        "en": "'{value}' is not a date (use dd-mm-yyyy, separated by commas)",
    },
    "settings.too_many_free_days": {
        "nl": "hoogstens {max} vrije dagen",
        "en": "{max} free days at most",
    },
    "settings.order.start_before_close": {
        "nl": "de dagstart moet vóór de dagafsluiting liggen",
        "en": "the day start must be before the day close",
    },
    "settings.order.reminder_between": {
        "nl": "de herinnering moet tussen dagstart en dagafsluiting liggen",
        "en": "the reminder must be between day start and day close",
    },
    "settings.order.mentor_list_between": {
        "nl": "de mentorlijst moet tussen dagstart en dagafsluiting liggen",
        "en": "the mentor list must be between day start and day close",
    },
}
