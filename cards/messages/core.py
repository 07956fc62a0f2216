"""Texts of the foundation: install, help, roles, links, names, refusals."""

MESSAGES: dict[str, dict[str, str]] = {
    "roster.no_coordinator": {
        "nl": "De laatste coördinator heeft het team {team} verlaten. Rollen, koppelingen en "
        "instellingen kan nu niemand meer wijzigen. Vraag de ICT-beheerder van je school die "
        "Dagritme beheert om een nieuwe coördinator aan te wijzen.",
        "en": "The last coordinator has left the team {team}. Nobody can change roles, links or "
        "settings now. Ask the IT administrator at your school who runs Dagritme to name a new "
        "coordinator.",
    },
    "install.greeting": {
        "nl": (
            "Hallo allemaal! 👋 Ik ben {bot}, de dagritme-assistent van deze klas. Elke "
            "schooldag zet ik om 09:00 de dagstart klaar en om 14:45 de dagafsluiting, en vraag "
            "ik iedere leerling in een eigen chat hoe het gaat.\n\n"
            "Instellen kan alleen een coördinator: {coordinators}. Typ **hulp** in een chat met "
            "mij om te zien wat je kunt doen."
        ),
        "en": (
            "Hello everyone! 👋 I'm {bot}, this class's daily rhythm assistant. Every school day "
            "I post the day start at 09:00 and the day close at 14:45, and I ask every pupil in a "
            "private chat how they are doing.\n\n"
            "Only a coordinator can set me up: {coordinators}. Type **help** in a chat with me "
            "to see what you can do."
        ),
    },
    "install.personal_welcome": {
        "nl": "Hoi {name}! Fijn dat je er bent. Typ **hulp** om te zien wat ik voor je kan doen.",
        "en": "Hi {name}! Good to have you here. Type **help** to see what I can do for you.",
    },
    "install.personal_unknown": {
        "nl": (
            "Hoi! Ik ken je nog niet: ik werk voor de klassen waarin ik ben geïnstalleerd. "
            "Vraag je coördinator om mij aan jouw team toe te voegen."
        ),
        "en": (
            "Hi! I don't know you yet: I work for the classes I am installed in. "
            "Ask your coordinator to add me to your team."
        ),
    },
    "role.pupil": {"nl": "leerling", "en": "pupil"},
    "role.mentor": {"nl": "mentor", "en": "mentor"},
    "role.coordinator": {"nl": "coördinator", "en": "coordinator"},
    "role.member": {"nl": "teamlid zonder rol", "en": "team member without a role"},
    "role.unknown": {"nl": "onbekend", "en": "unknown"},
    "help.intro": {
        "nl": "Dit kun je mij vragen (je bent hier **{role}**):",
        "en": "This is what you can ask me (you are a **{role}** here):",
    },
    "help.unknown_person": {
        "nl": (
            "Ik ken je nog niet. Ik help de leerlingen, mentoren en coördinatoren van de teams "
            "waarin ik ben geïnstalleerd. Vraag je coördinator om je aan het team toe te voegen."
        ),
        "en": (
            "I don't know you yet. I help the pupils, mentors and coordinators of the teams I am "
            "installed in. Ask your coordinator to add you to the team."
        ),
    },
    "help.no_role": {
        "nl": "Je hebt nog geen rol. Een coördinator kan je er een geven.",
        "en": "You don't have a role yet. A coordinator can give you one.",
    },
    "command.empty": {
        "nl": "Typ **hulp** om te zien wat ik kan.",
        "en": "Type **help** to see what I can do.",
    },
    "command.unknown": {
        "nl": "'{word}' ken ik niet. Typ **hulp** voor wat ik kan.",
        "en": "I don't know '{word}'. Type **help** to see what I can do.",
    },
    "command.unknown_suggest": {
        "nl": "'{word}' ken ik niet. Bedoelde je **{guess}**? Typ **hulp** voor alles wat ik kan.",
        "en": "I don't know '{word}'. Did you mean **{guess}**? Type **help** for everything I can do.",
    },
    "command.bad_value": {
        "nl": "'{value}' begrijp ik niet. Bedoelde je **{guess}**?",
        "en": "I don't understand '{value}'. Did you mean **{guess}**?",
    },
    "card.unknown": {
        "nl": "Deze kaart herken ik niet (meer). Typ **hulp** als je iets wilt doen.",
        "en": "I don't recognise this card (any more). Type **help** if you want to do something.",
    },
    "access.slow_down": {
        "nl": "Even rustig aan: dat waren veel berichten in korte tijd. Probeer het over een minuut weer.",
        "en": "Easy now: that was a lot of messages in a short time. Try again in a minute.",
    },
    "access.unknown_person": {
        "nl": ("Ik ken je nog niet in dit team. Vraag een coördinator van je team om hulp."),
        "en": "I don't know you in this team yet. Ask a coordinator of your team for help.",
    },
    "access.coordinators_only": {
        "nl": "Dat mag alleen een coördinator van dit team. Vraag je coördinator om het te doen.",
        "en": "Only a coordinator of this team can do that. Ask your coordinator to do it.",
    },
    "access.staff_only": {
        "nl": "Dat is voor mentoren en coördinatoren. Vraag je mentor als je iets nodig hebt.",
        "en": "That is for mentors and coordinators. Ask your mentor if you need something.",
    },
    "access.pupils_only": {
        "nl": "Dat is alleen voor leerlingen.",
        "en": "That is for pupils only.",
    },
    "access.not_for_you": {
        "nl": "Dat kan ik niet voor je doen. Vraag een coördinator van je team om hulp.",
        "en": "I can't do that for you. Ask a coordinator of your team for help.",
    },
    "names.missing": {
        "nl": "Over wie gaat het? Noem een naam of @vermeld iemand.",
        "en": "Who is this about? Give a name or @mention someone.",
    },
    "names.unknown": {
        "nl": "Ik vind niemand die '{query}' heet in dit team. Typ **team** voor de namen.",
        "en": "I can't find anyone called '{query}' in this team. Type **team** for the names.",
    },
    "names.not_in_list": {
        "nl": "{query} hoort hier niet bij. Typ **team** voor de namen en rollen.",
        "en": "{query} doesn't fit here. Type **team** for the names and roles.",
    },
    "names.ambiguous": {
        "nl": "'{query}' past bij {count} mensen. Wie bedoel je?",
        "en": "'{query}' fits {count} people. Who do you mean?",
    },
    "rol.done": {
        "nl": "{name} is nu **{role}**.",
        "en": "{name} is now a **{role}**.",
    },
    "rol.unchanged": {
        "nl": "{name} is al **{role}**.",
        "en": "{name} already is a **{role}**.",
    },
    "rol.last_coordinator": {
        "nl": (
            "{name} is de enige coördinator van dit team. Maak eerst iemand anders coördinator."
        ),
        "en": "{name} is this team's only coordinator. Make someone else coordinator first.",
    },
    "rol.orphans": {
        "nl": "Let op: {count} leerling(en) hebben nu geen mentor meer. Typ **team** om ze te zien.",
        "en": "Note: {count} pupil(s) no longer have a mentor. Type **team** to see them.",
    },
    "rol.link_hint": {
        "nl": "Koppel {name} nu aan een mentor: **koppel** {name} **aan** _mentor_.",
        "en": "Now link {name} to a mentor: **link** {name} **to** _mentor_.",
    },
    "koppel.done": {
        "nl": "{pupil} is gekoppeld aan mentor {mentor}.",
        "en": "{pupil} is now linked to mentor {mentor}.",
    },
    "koppel.moved": {
        "nl": "{pupil} is gekoppeld aan mentor {mentor} (was {previous}).",
        "en": "{pupil} is now linked to mentor {mentor} (was {previous}).",
    },
    "koppel.not_a_pupil": {
        "nl": "{name} is geen leerling. Geef eerst de rol: **rol** {name} **leerling**.",
        "en": "{name} is not a pupil. Give the role first: **role** {name} **pupil**.",
    },
    "koppel.no_mentors": {
        "nl": "Dit team heeft nog geen mentoren. Geef eerst iemand de rol: **rol** _naam_ **mentor**.",
        "en": "This team has no mentors yet. Give someone the role first: **role** _name_ **mentor**.",
    },
    "team.title": {
        "nl": "**{team}** — {count} teamleden",
        "en": "**{team}** — {count} members",
    },
    "team.heading.coordinator": {"nl": "Coördinatoren", "en": "Coordinators"},
    "team.heading.mentor": {"nl": "Mentoren", "en": "Mentors"},
    "team.heading.pupil": {"nl": "Leerlingen", "en": "Pupils"},
    "team.heading.member": {"nl": "Nog zonder rol", "en": "No role yet"},
    "team.mentor": {"nl": "mentor {name}", "en": "mentor {name}"},
    "team.no_mentor": {"nl": "nog geen mentor", "en": "no mentor yet"},
    "team.paused": {"nl": "gepauzeerd t/m {until}", "en": "paused until {until}"},
    "team.hint_roles": {
        "nl": "Geef rollen met **rol** _naam_ leerling|mentor|coördinator.",
        "en": "Give roles with **role** _name_ pupil|mentor|coordinator.",
    },
    "error.internal": {
        "nl": "Dat lukte niet door een fout aan mijn kant; er is niets opgeslagen. Probeer het "
        "later nog eens, of vraag je coördinator om hulp als het blijft gebeuren.",
        "en": "That did not work because of an error on my side; nothing was saved. Please try "
        "again later, or ask your coordinator for help if it keeps happening.",
    },
    "place.answered_privately": {
        "nl": "Ik heb je antwoord in onze privéchat gezet.",
        "en": "I have put my answer in our private chat.",
    },
    "place.private_failed": {
        "nl": "Dit beantwoord ik alleen in een privéchat, maar die kon ik niet openen. Open de "
        "chat met mij (Dagritme) en typ het daar.",
        "en": "I only answer this in a private chat, but I could not open one. Open the chat "
        "with me (Dagritme) and type it there.",
    },
    "error.busy": {
        "nl": "Er ging iets mis aan mijn kant; er is niets opgeslagen. Probeer het zo nog eens.",
        "en": "Something went wrong on my side; nothing was saved. Please try again shortly.",
    },
}
