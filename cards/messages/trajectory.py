"""Texts of the trajectory (the path back to school) and the coordinators' term report."""

MESSAGES: dict[str, dict[str, str]] = {
    "trajectory.phase.instroom": {"nl": "instroom", "en": "intake"},
    "trajectory.phase.opbouw": {"nl": "opbouw", "en": "building up"},
    "trajectory.phase.schoolfit": {"nl": "schoolfit", "en": "school-ready"},
    "trajectory.phase.terugkeer": {"nl": "terugkeer", "en": "return"},
    "trajectory.outcome.school": {"nl": "terug naar school", "en": "back to school"},
    "trajectory.outcome.elsewhere": {"nl": "andere plek", "en": "other placement"},
    "trajectory.outcome.other": {"nl": "anders", "en": "other"},
    "trajectory.problem.no_name": {
        "nl": "Over welke leerling gaat het?",
        "en": "Which pupil is it about?",
    },
    "trajectory.problem.no_phase": {
        "nl": "Naar welke fase? Typ **traject fasen** voor de fasen van dit team.",
        "en": "To which phase? Type **trajectory phases** for this team's phases.",
    },
    "trajectory.problem.bad_date": {
        "nl": "Die datum ken ik niet. Schrijf hem als 1-9, 3 nov of 2026-09-01.",
        "en": "I can't read that date. Write it as 1-9, 3 Nov or 2026-09-01.",
    },
    "trajectory.problem.future_date": {
        "nl": "Die datum ligt in de toekomst. Leg vast wat er al gebeurd is.",
        "en": "That date is in the future. Record what has already happened.",
    },
    "trajectory.problem.no_outcome": {
        "nl": "Met welke uitkomst? Terug naar school, andere plek of anders.",
        "en": "With which outcome? Back to school, other placement or other.",
    },
    "trajectory.problem.bad_outcome": {
        "nl": "Die uitkomst ken ik niet: kies terug naar school, andere plek of anders.",
        "en": "I don't know that outcome: choose back to school, other placement or other.",
    },
    "trajectory.problem.bad_outcome_guess": {
        "nl": "Die uitkomst ken ik niet. Bedoelde je '{guess}'? Kies terug naar school, andere plek of anders.",
        "en": "I don't know that outcome. Did you mean '{guess}'? Choose back to school, other placement or other.",
    },
    "trajectory.problem.too_many_phases": {
        "nl": "Een team heeft hoogstens 8 fasen.",
        "en": "A team has at most 8 phases.",
    },
    "trajectory.problem.phase_too_long": {
        "nl": "Een fase heet hoogstens 30 tekens lang.",
        "en": "A phase name is at most 30 characters long.",
    },
    "trajectory.problem.empty_phase": {
        "nl": "Noem de fasen, gescheiden door komma's: **traject fasen** instroom, opbouw, schoolfit, terugkeer.",
        "en": "Name the phases, separated by commas: **trajectory phases** intake, building up, school-ready, return.",
    },
    "trajectory.problem.duplicate_phase": {
        "nl": "Elke fase mag maar één keer in de lijst staan.",
        "en": "Each phase may be in the list only once.",
    },
    "trajectory.problem.phase_without_letters": {
        "nl": "Een fase heeft een naam met letters, geen datum of getal.",
        "en": "A phase needs a name with letters, not a date or a number.",
    },
    "trajectory.unknown_phase": {
        "nl": "'{phase}' is geen fase van dit team. De fasen: {phases}.",
        "en": "'{phase}' is not one of this team's phases. The phases: {phases}.",
    },
    "trajectory.none": {
        "nl": "{name} heeft nog geen traject. Begin het met **traject** _leerling_ **start** [datum] of **traject** _leerling_ **fase** _fase_.",
        "en": "{name} has no trajectory yet. Begin it with **trajectory** _pupil_ **start** [date] or **trajectory** _pupil_ **phase** _phase_.",
    },
    "trajectory.moved": {
        "nl": "{name} is nu in de fase **{phase}**, sinds {day}.",
        "en": "{name} is now in the **{phase}** phase, since {day}.",
    },
    "trajectory.already": {
        "nl": "{name} is al in de fase {phase}, sinds {day}. Er is niets veranderd.",
        "en": "{name} is already in the {phase} phase, since {day}. Nothing changed.",
    },
    "trajectory.started": {
        "nl": "Het traject van {name} begint op {day}, in de fase {phase}.",
        "en": "{name}'s trajectory begins on {day}, in the {phase} phase.",
    },
    "trajectory.ended": {
        "nl": "Het traject van {name} is afgerond op {day}: {outcome}.",
        "en": "{name}'s trajectory ended on {day}: {outcome}.",
    },
    "trajectory.is_ended": {
        "nl": "Het traject van {name} is al afgerond op {day} ({outcome}). Een andere uitkomst of datum zet je met **traject** _leerling_ **afgerond** …",
        "en": "{name}'s trajectory already ended on {day} ({outcome}). To change the outcome or date, use **trajectory** _pupil_ **done** …",
    },
    "trajectory.before_start": {
        "nl": "{day} ligt voor de start van het traject ({start}). Zet eerst een vroegere start met **traject** _leerling_ **start** _datum_.",
        "en": "{day} is before the trajectory began ({start}). First set an earlier start with **trajectory** _pupil_ **start** _date_.",
    },
    "trajectory.start_after_phase": {
        "nl": "De start kan niet na {day} liggen: toen begon de fase {phase} al.",
        "en": "The start cannot be after {day}: the {phase} phase had begun by then.",
    },
    "trajectory.end_before_phase": {
        "nl": "Afronden kan niet voor {day}: toen begon de fase {phase}.",
        "en": "It cannot end before {day}: the {phase} phase began then.",
    },
    "trajectory.title": {"nl": "Traject van {name}", "en": "Trajectory of {name}"},
    "trajectory.fact.phase": {"nl": "Fase", "en": "Phase"},
    "trajectory.fact.start": {"nl": "Start", "en": "Start"},
    "trajectory.fact.weeks": {"nl": "Weken in traject", "en": "Weeks in trajectory"},
    "trajectory.fact.outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "trajectory.history": {"nl": "Fasen tot nu toe", "en": "Phases so far"},
    "trajectory.phase_weeks": {"nl": "{phase} ({weeks})", "en": "{phase} ({weeks})"},
    "trajectory.ongoing": {"nl": "nog bezig", "en": "ongoing"},
    "trajectory.history_line": {
        "nl": "**{phase}**: {start} – {end} ({weeks})",
        "en": "**{phase}**: {start} – {end} ({weeks})",
    },
    "trajectory.weeks": {"nl": "{weeks} weken", "en": "{weeks} weeks"},
    "trajectory.one_week": {"nl": "1 week", "en": "1 week"},
    "trajectory.no_week": {"nl": "nog geen week", "en": "less than a week"},
    "trajectory.phases.current": {
        "nl": "De fasen van dit team: {phases}.",
        "en": "This team's phases: {phases}.",
    },
    "trajectory.phases.default": {
        "nl": "Dit is de standaardlijst; een coördinator kan hem veranderen met **traject fasen** _fase_, _fase_, …",
        "en": "This is the default list; a coordinator can change it with **trajectory phases** _phase_, _phase_, …",
    },
    "trajectory.phases.set": {
        "nl": "De fasen van dit team zijn nu: {phases}. Wat al is vastgelegd, houdt de naam die het had.",
        "en": "This team's phases are now: {phases}. What was recorded before keeps the name it had.",
    },
    "report.title": {"nl": "Periodeverslag {team}", "en": "Term report {team}"},
    "report.period": {"nl": "{start} tot en met {end}", "en": "{start} to {end}"},
    "report.note": {
        "nl": 'Alleen aantallen, geen namen. Groepen van 1 tot 4 staan er als "{hidden}", een aandeel of mediaan van minder dan 5 leerlingen als "{none}", zodat niemand te herkennen is.',
        "en": 'Counts only, no names. Groups of 1 to 4 are shown as "{hidden}", a share or median of fewer than 5 pupils as "{none}", so that no one can be recognised.',
    },
    "report.section.phases": {
        "nl": "Leerlingen per fase op {day}",
        "en": "Pupils per phase on {day}",
    },
    "report.section.weeks": {
        "nl": "Mediaan weken per fase in deze periode",
        "en": "Median weeks per phase in this period",
    },
    "report.section.outcomes": {
        "nl": "Trajecten afgerond in deze periode",
        "en": "Trajectories ended in this period",
    },
    "report.section.checkins": {"nl": "Check-ins", "en": "Check-ins"},
    "report.section.contacts": {"nl": "Contacten", "en": "Contacts"},
    "report.ended": {"nl": "Afgerond", "en": "Ended"},
    "report.returned_share": {"nl": "Deel terug naar school", "en": "Share back to school"},
    "report.weeks_to_return": {
        "nl": "Mediaan weken tot terug naar school",
        "en": "Median weeks to back to school",
    },
    "report.pupils": {"nl": "Leerlingen", "en": "Pupils"},
    "report.school_days": {"nl": "Schooldagen", "en": "School days"},
    "report.checkin_rate": {
        "nl": "Ingecheckt op schooldagen",
        "en": "Checked in on school days",
    },
    "report.contacts_total": {"nl": "Totaal", "en": "Total"},
    "report.contacts_line": {"nl": "{count} · {time}", "en": "{count} · {time}"},
    "report.column.section": {"nl": "onderdeel", "en": "section"},
    "report.column.item": {"nl": "wat", "en": "item"},
    "report.column.value": {"nl": "waarde", "en": "value"},
    "report.problem.bad_period": {
        "nl": "Die periode ken ik niet.",
        "en": "I can't read that period.",
    },
    "report.problem.future_period": {
        "nl": "Die periode is nog niet begonnen.",
        "en": "That period has not begun yet.",
    },
    "report.problem.end_before_start": {
        "nl": "Het einde van de periode ligt voor het begin.",
        "en": "The period ends before it begins.",
    },
}
