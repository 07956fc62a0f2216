"""Texts for mentors and coordinators: the pupil overview, one pupil's page, the contact log."""

MESSAGES: dict[str, dict[str, str]] = {
    "help.leerlingen": {
        "nl": "**leerlingen** [alleen aandacht] [pagina] — je leerlingen van vandaag in één overzicht",
        "en": "**pupils** [attention only] [page] — your pupils today at a glance",
    },
    "help.leerling": {
        "nl": "**leerling** _naam_ — stemming, check-ins, planning en contacten van één leerling",
        "en": "**pupil** _name_ — one pupil's mood, check-ins, plans and contacts",
    },
    "help.log": {
        "nl": "**log** _leerling_ _soort_ [duur] [datum] [notitie] — contact vastleggen, bv. `log Sanne bellen 15m gaat beter` (soorten: gesprek, voortgangsgesprek, bellen, chat, huisbezoek, ouders, school, overig); afspraken van een voortgangsgesprek na `afspraken:`, bv. `log Sanne voortgangsgesprek 20m afspraken: elke dag om 10 uur starten`",
        "en": "**log** _pupil_ _kind_ [duration] [date] [note] — record a contact, e.g. `log Sanne call 15m doing better` (kinds: talk, progress talk, call, chat, visit, parents, school, other); a progress talk's agreements after `agreements:`, e.g. `log Sanne progress talk 20m agreements: start at 10 every day`",
    },
    "help.contacten": {
        "nl": "**contacten** _leerling_ [aantal] — de laatste contacten",
        "en": "**contacts** _pupil_ [number] — the latest contacts",
    },
    "contact.kind.gesprek": {"nl": "gesprek", "en": "talk"},
    "contact.kind.bellen": {"nl": "bellen", "en": "call"},
    "contact.kind.chat": {"nl": "chat", "en": "chat"},
    "contact.kind.huisbezoek": {"nl": "huisbezoek", "en": "home visit"},
    "contact.kind.ouders": {"nl": "ouders", "en": "parents"},
    "contact.kind.school": {"nl": "school van inschrijving", "en": "school of enrolment"},
    "contact.kind.overig": {"nl": "overig", "en": "other"},
    "pupils.title.mentor": {"nl": "Jouw leerlingen", "en": "Your pupils"},
    "pupils.title.coordinator": {"nl": "Alle leerlingen van {team}", "en": "All pupils of {team}"},
    "pupils.none": {
        "nl": "Er zijn (nog) geen leerlingen aan je gekoppeld.",
        "en": "No pupils are linked to you (yet).",
    },
    "pupils.paused": {"nl": "gepauzeerd tot en met {until}", "en": "paused until {until}"},
    "pupils.title.morning": {"nl": "Je leerlingen vanochtend", "en": "Your pupils this morning"},
    "pupils.attention": {
        "nl": "{count} van {total} vragen nu aandacht; zij staan bovenaan.",
        "en": "{count} of {total} need attention now; they are at the top.",
    },
    "pupils.distress": {
        "nl": "🆘 schreef vandaag woorden die zorgen baren",
        "en": "🆘 wrote worrying words today",
    },
    "pupils.pick": {"nl": "Kies een leerling", "en": "Choose a pupil"},
    "pupils.group.attention": {"nl": "Aandacht nodig ({count})", "en": "Need attention ({count})"},
    "pupils.group.rest": {"nl": "Verder ({count})", "en": "The others ({count})"},
    "pupils.group.paused": {"nl": "Gepauzeerd ({count})", "en": "Paused ({count})"},
    "pupils.short.contact": {"nl": "contact {days} d geleden", "en": "contact {days} d ago"},
    "pupils.short.close": {"nl": "afsluiting {mood}", "en": "close {mood}"},
    "pupils.short.never": {"nl": "nog geen contact", "en": "no contact yet"},
    "pupils.note_today": {
        "nl": "📝 schreef vandaag een bericht (zie Bekijk)",
        "en": "📝 wrote a note today (see View)",
    },
    "pupils.not_checked_in": {"nl": "nog niet ingecheckt", "en": "not checked in yet"},
    "pupils.start": {"nl": "Dagstart: {mood}", "en": "Day start: {mood}"},
    "pupils.close": {"nl": "Dagafsluiting: {mood}", "en": "Day close: {mood}"},
    "pupils.goals": {"nl": "Plan: {goals}", "en": "Plan: {goals}"},
    "pupils.wants_contact": {"nl": "💬 wil contact", "en": "💬 wants to talk"},
    "pupils.last_contact": {
        "nl": "laatste contact {days} dagen geleden",
        "en": "last contact {days} days ago",
    },
    "pupils.last_contact_today": {"nl": "vandaag contact gehad", "en": "contact today"},
    "pupils.last_contact_yesterday": {"nl": "gisteren contact gehad", "en": "contact yesterday"},
    "pupils.never_contacted": {"nl": "nog geen contact gelogd", "en": "no contact logged yet"},
    "pupils.opp": {"nl": "OPP-evaluatie: {due}", "en": "OPP evaluation: {due}"},
    "pupils.mentor": {"nl": "mentor {name}", "en": "mentor {name}"},
    "pupil.mentor": {"nl": "Mentor", "en": "Mentor"},
    "pupil.paused": {"nl": "Gepauzeerd t/m", "en": "Paused until"},
    "pupil.checkin_rate": {"nl": "Check-ins (20 schooldagen)", "en": "Check-ins (20 school days)"},
    "pupil.rate": {"nl": "{done} van {total}", "en": "{done} of {total}"},
    "pupil.plan_vs_done": {"nl": "Doelen (2 weken)", "en": "Goals (2 weeks)"},
    "pupil.mood_chart": {"nl": "Stemming bij de dagstart", "en": "Mood at the day start"},
    "pupil.mood_legend": {"nl": "stemming (1–5)", "en": "mood (1–5)"},
    "pupil.no_moods": {
        "nl": "Nog geen check-ins in deze periode.",
        "en": "No check-ins in this period yet.",
    },
    "pupil.recent_contacts": {"nl": "Laatste contacten", "en": "Recent contacts"},
    "pupil.notes": {
        "nl": "Berichten bij de dagafsluiting (20 schooldagen)",
        "en": "Notes at the day close (20 school days)",
    },
    "pupil.not_yours": {
        "nl": "{name} is niet jouw leerling. Vraag de mentor of een coördinator als je iets wilt weten.",
        "en": "{name} is not your pupil. Ask their mentor or a coordinator if you need to know something.",
    },
    "contacts.title": {"nl": "Contacten met {name}", "en": "Contacts with {name}"},
    "contacts.none": {"nl": "Nog geen contacten gelogd.", "en": "No contacts logged yet."},
    "contacts.edit": {"nl": "Wijzigen", "en": "Edit"},
    "contacts.delete": {"nl": "Verwijderen", "en": "Delete"},
    "contact.card.title": {"nl": "Contact vastleggen", "en": "Record a contact"},
    "contact.card.edit_title": {"nl": "Contact wijzigen", "en": "Edit a contact"},
    "contact.card.pupil": {"nl": "Leerling", "en": "Pupil"},
    "contact.card.pupil_required": {"nl": "Kies een leerling.", "en": "Choose a pupil."},
    "contact.card.day_required": {
        "nl": "Kies de dag van het contact (vandaag of eerder).",
        "en": "Choose the day of the contact (today or earlier).",
    },
    "contact.card.kind": {"nl": "Soort contact", "en": "Kind of contact"},
    "contact.card.kind_required": {
        "nl": "Kies de soort contact.",
        "en": "Choose the kind of contact.",
    },
    "contact.card.minutes": {"nl": "Duur", "en": "Duration"},
    "contact.card.day": {"nl": "Datum", "en": "Date"},
    "contact.card.note": {"nl": "Notitie (alleen voor het team)", "en": "Note (for the team only)"},
    "contact.card.save": {"nl": "Opslaan", "en": "Save"},
    "contact.saved": {
        "nl": "✅ Gelogd: {pupil} — {details}.",
        "en": "✅ Logged: {pupil} — {details}.",
    },
    "contact.updated": {
        "nl": "✅ Gewijzigd: {pupil} — {details}.",
        "en": "✅ Changed: {pupil} — {details}.",
    },
    "contact.already": {
        "nl": "Dit contact stond er al; ik heb het één keer bewaard.",
        "en": "This contact was already there; I kept it once.",
    },
    "contact.with_note": {"nl": "met notitie", "en": "with a note"},
    "contact.undo": {"nl": "Ongedaan maken", "en": "Undo"},
    "contact.undo_hint": {
        "nl": "Verkeerd? Je kunt dit {minutes} minuten ongedaan maken.",
        "en": "Wrong? You can undo this for {minutes} minutes.",
    },
    "contact.undone": {"nl": "Het contact is verwijderd.", "en": "The contact was removed."},
    "contact.deleted": {"nl": "Het contact is verwijderd.", "en": "The contact was removed."},
    "contact.gone": {
        "nl": "Dat contact bestaat niet (meer).",
        "en": "That contact does not exist (any more).",
    },
    "contact.too_late": {
        "nl": "Dat kan alleen de schrijver, binnen een dag. Log zo nodig een nieuw contact.",
        "en": "Only its author can do that, within a day. Log a new contact if needed.",
    },
    "contact.undo_expired": {
        "nl": "Ongedaan maken kan niet meer; via **contacten** kun je het nog een dag wijzigen of verwijderen.",
        "en": "Undo has expired; via **contacts** you can still edit or delete it for a day.",
    },
    "contact.problem.no_kind": {
        "nl": "Welke soort contact was het? Kies hieronder, of typ bv. `log Sanne bellen 15m`.",
        "en": "What kind of contact was it? Choose below, or type e.g. `log Sanne call 15m`.",
    },
    "contact.problem.no_kind_guess": {
        "nl": "Welke soort contact was het? Bedoelde je **{guess}**? Kies hieronder.",
        "en": "What kind of contact was it? Did you mean **{guess}**? Choose below.",
    },
    "contact.problem.no_name": {
        "nl": "Met welke leerling? Kies hieronder.",
        "en": "With which pupil? Choose below.",
    },
    "contact.problem.future_date": {
        "nl": "Een contact in de toekomst kan ik niet loggen. Kies een datum tot en met vandaag.",
        "en": "I can't log a contact in the future. Choose a date up to today.",
    },
    "contact.problem.too_old": {
        "nl": "Die datum is meer dan een jaar geleden.",
        "en": "That date is more than a year ago.",
    },
    "contact.problem.note_too_long": {
        "nl": "De notitie is te lang (hoogstens 1000 tekens).",
        "en": "The note is too long (1000 characters at most).",
    },
    "contact.problem.bad_duration": {
        "nl": "Zo lang kan een contact niet duren: kies hieronder een duur tot 12 uur.",
        "en": "A contact can't last that long: choose a duration of up to 12 hours below.",
    },
    "contact.problem.invalid": {
        "nl": "Dit kan ik niet opslaan: kies een leerling, een soort en een datum tot en met vandaag.",
        "en": "I can't save this: choose a pupil, a kind and a date up to today.",
    },
    "contact.pupil_unknown": {
        "nl": "Kies een leerling uit de lijst; typ **leerlingen** voor een nieuw overzicht.",
        "en": "Choose a pupil from the list; type **pupils** for a new overview.",
    },
    "contact.no_pupils": {
        "nl": "Je hebt nog geen leerlingen om contacten voor te loggen. Vraag de coördinator je te koppelen.",
        "en": "You have no pupils to log contacts for yet. Ask the coordinator to link you.",
    },
    "usage.contacten": {
        "nl": "Gebruik: **contacten** _leerling_ [aantal], bijvoorbeeld `contacten Sanne 5`.",
        "en": "Usage: **contacts** _pupil_ [number], for example `contacts Sanne 5`.",
    },
    "usage.leerling": {
        "nl": "Gebruik: **leerling** _naam_, bijvoorbeeld `leerling Sanne`.",
        "en": "Usage: **pupil** _name_, for example `pupil Sanne`.",
    },
}
