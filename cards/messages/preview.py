"""Texts of `voorbeeld`: the pupils' cards as staff see and try them."""

MESSAGES: dict[str, dict[str, str]] = {
    "preview.banner": {
        "nl": "👁️ **Voorbeeld** voor leeftijdsgroep {band}: zo ziet een leerling deze kaart. Wat je invult, wordt niet opgeslagen.",
        "en": "👁️ **Preview** for the age band {band}: this is how a pupil sees this card. Nothing you fill in is stored.",
    },
    "preview.answered": {
        "nl": "👁️ **Voorbeeld** voor leeftijdsgroep {band}: dit ziet de leerling na het versturen. Er is niets opgeslagen.",
        "en": "👁️ **Preview** for the age band {band}: this is what the pupil sees after sending. Nothing was stored.",
    },
    "preview.refused": {
        "nl": "👁️ Voorbeeld: dit antwoord zou de leerling krijgen. Er is niets opgeslagen.",
        "en": "👁️ Preview: this is the answer the pupil would get. Nothing was stored.",
    },
    "preview.button": {
        "nl": "👁️ Voorbeeld: deze knop doet hier niets. Er is niets opgeslagen.",
        "en": "👁️ Preview: this button does nothing here. Nothing was stored.",
    },
    "preview.name": {"nl": "Sam", "en": "Sam"},
    "preview.goal.1": {"nl": "Rekenen: blz. 12 en 13", "en": "Maths: pages 12 and 13"},
    "preview.goal.2": {"nl": "20 minuten lezen", "en": "Read for 20 minutes"},
}
