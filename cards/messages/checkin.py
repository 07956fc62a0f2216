"""Texts of the pupil's check-in and close cards that differ per age band: named feelings,
picture goals, goal examples, the line to a reading parent, and the kind word after sending."""

MESSAGES: dict[str, dict[str, str]] = {
    # named feelings (stored as the Dutch key)
    "feeling.blij": {"nl": "blij", "en": "happy"},
    "feeling.trots": {"nl": "trots", "en": "proud"},
    "feeling.rustig": {"nl": "rustig", "en": "calm"},
    "feeling.nieuwsgierig": {"nl": "nieuwsgierig", "en": "curious"},
    "feeling.opgelucht": {"nl": "opgelucht", "en": "relieved"},
    "feeling.gemotiveerd": {"nl": "gemotiveerd", "en": "motivated"},
    "feeling.hoopvol": {"nl": "hoopvol", "en": "hopeful"},
    "feeling.moe": {"nl": "moe", "en": "tired"},
    "feeling.verveeld": {"nl": "verveeld", "en": "bored"},
    "feeling.zenuwachtig": {"nl": "zenuwachtig", "en": "nervous"},
    "feeling.gestrest": {"nl": "gestrest", "en": "stressed"},
    "feeling.onzeker": {"nl": "onzeker", "en": "unsure"},
    "feeling.overprikkeld": {"nl": "overprikkeld", "en": "overwhelmed"},
    "feeling.gefrustreerd": {"nl": "gefrustreerd", "en": "frustrated"},
    "feeling.boos": {"nl": "boos", "en": "angry"},
    "feeling.eenzaam": {"nl": "eenzaam", "en": "lonely"},
    "feeling.somber": {"nl": "somber", "en": "low"},
    "feeling.verdrietig": {"nl": "verdrietig", "en": "sad"},
    "feeling.bang": {"nl": "bang", "en": "scared"},
    "checkin.feeling_label": {
        "nl": "Welk woord past erbij? (mag je overslaan)",
        "en": "Which word fits? (you may skip this)",
    },
    "pupil.feelings": {"nl": "Genoemde gevoelens: {words}", "en": "Feelings named: {words}"},
    "checkin.feeling_placeholder": {"nl": "Kies een woord", "en": "Choose a word"},
    # midden and oud: one goal visible, the rest and the energy folded away
    "checkin.more_goals": {"nl": "+ nog een doel", "en": "+ another goal"},
    "checkin.show_energy": {"nl": "+ energie", "en": "+ energy"},
    "checkin.goal_placeholder.midden.1": {
        "nl": "Bijvoorbeeld: een les rekenen",
        "en": "For example: a maths lesson",
    },
    "checkin.goal_placeholder.midden.2": {
        "nl": "Bijvoorbeeld: 20 minuten lezen",
        "en": "For example: read for 20 minutes",
    },
    "checkin.goal_placeholder.midden.3": {
        "nl": "Bijvoorbeeld: even naar buiten",
        "en": "For example: go outside for a bit",
    },
    "checkin.goal_placeholder.oud.1": {
        "nl": "Bijvoorbeeld: wiskunde H3 §2 afmaken",
        "en": "For example: finish maths chapter 3.2",
    },
    "checkin.goal_placeholder.oud.2": {
        "nl": "Bijvoorbeeld: Engelse woordjes leren",
        "en": "For example: learn French vocabulary",
    },
    "checkin.goal_placeholder.oud.3": {
        "nl": "Bijvoorbeeld: om 12 uur een rondje lopen",
        "en": "For example: a walk at noon",
    },
    "close.show_note": {
        "nl": "✏️ Iets kwijt aan je mentor?",
        "en": "✏️ Something to tell your mentor?",
    },
    # jong: a parent or carer reads along; tapping a face sends
    "young.parent_start": {
        "nl": "Lees je mee? Kies samen wat {name} vandaag gaat doen (mag ook niet) en tik dan samen op een gezicht: dan is het verstuurd.",
        "en": "Reading along? Choose together what {name} will do today (or skip it), then tap a face together: that sends it.",
    },
    "young.parent_close": {
        "nl": "Lees je mee? Tik samen aan wat gelukt is en tik dan samen op een gezicht: dan is het verstuurd.",
        "en": "Reading along? Tick together what went well, then tap a face together: that sends it.",
    },
    "young.mood_label": {"nl": "Hoe voel je je?", "en": "How do you feel?"},
    "young.goals_label": {"nl": "Wat ga je doen?", "en": "What will you do?"},
    "young.done_label": {"nl": "Wat is gelukt?", "en": "What went well?"},
    "young.show_note": {
        "nl": "✏️ Bericht van ouder of verzorger",
        "en": "✏️ A message from a parent or carer",
    },
    "young.note_label": {
        "nl": "Voor de mentor (mag je overslaan)",
        "en": "For the mentor (you may skip this)",
    },
    "young.note_placeholder": {
        "nl": "Bijvoorbeeld: slecht geslapen, vanmiddag naar de dokter",
        "en": "For example: slept badly, doctor's visit this afternoon",
    },
    "young.contact": {
        "nl": "We willen graag contact met de mentor",
        "en": "We would like to talk to the mentor",
    },
    "young.readers": {
        "nl": "De mentor en de coördinatoren lezen dit.",
        "en": "The mentor and the coordinators read this.",
    },
    "young.face_alt": {"nl": "Gezicht: {mood}", "en": "Face: {mood}"},
    "young.thanks": {"nl": "Dank je wel! 🌟", "en": "Thank you! 🌟"},
    "young.done_list": {"nl": "Gelukt:", "en": "Went well:"},
    "young.note_received": {
        "nl": "Het bericht gaat vandaag nog naar de mentor.",
        "en": "The message goes to the mentor today.",
    },
    "goal.picture.lezen": {"nl": "Lezen", "en": "Reading"},
    "goal.picture.rekenen": {"nl": "Rekenen", "en": "Sums"},
    "goal.picture.schrijven": {"nl": "Schrijven", "en": "Writing"},
    "goal.picture.tekenen": {"nl": "Tekenen", "en": "Drawing"},
    "goal.picture.knutselen": {"nl": "Knutselen", "en": "Crafts"},
    "goal.picture.puzzelen": {"nl": "Puzzelen", "en": "Puzzles"},
    "goal.picture.buiten_spelen": {"nl": "Buiten spelen", "en": "Playing outside"},
    "goal.picture.bewegen": {"nl": "Bewegen", "en": "Moving about"},
    # the kind word after sending, one per mood
    "followup.5": {
        "nl": "Wat fijn dat het zo goed gaat! 🌟",
        "en": "How lovely that it's going so well! 🌟",
    },
    "followup.4": {"nl": "Fijn om te horen. 🙂", "en": "Good to hear. 🙂"},
    "followup.3": {
        "nl": "Dat is ook goed. Niet elke dag hoeft super te zijn.",
        "en": "That's fine too. Not every day has to be great.",
    },
    "followup.2": {
        "nl": "Fijn dat je het laat weten. Het is oké om je zo te voelen. 💛",
        "en": "Thank you for telling me. It's okay to feel this way. 💛",
    },
    "followup.1": {
        "nl": "Fijn dat je het laat weten. Het is oké dat het nu moeilijk is; je hoeft het niet alleen te doen. 💛",
        "en": "Thank you for telling me. It's okay that things are tough right now; you don't have to do it alone. 💛",
    },
    "followup.reader.mentor": {
        "nl": "Je mentor leest dit vandaag.",
        "en": "Your mentor reads this today.",
    },
    "followup.reader.school": {
        "nl": "Iemand van school leest dit vandaag.",
        "en": "Someone from school reads this today.",
    },
}
