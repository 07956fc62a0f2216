"""Texts of the age bands: a pupil's own band and the team's default."""

MESSAGES: dict[str, dict[str, str]] = {
    "band.jong": {"nl": "jong", "en": "young"},
    "band.midden": {"nl": "midden", "en": "middle"},
    "band.oud": {"nl": "oud", "en": "older"},
    "band.about.jong": {"nl": "jong (ongeveer 4–7 jaar)", "en": "young (about 4–7)"},
    "band.about.midden": {"nl": "midden (ongeveer 8–12 jaar)", "en": "middle (about 8–12)"},
    "band.about.oud": {"nl": "oud (ongeveer 12–18 jaar)", "en": "older (about 12–18)"},
    "band.team_default": {"nl": "{band} (standaard)", "en": "{band} (default)"},
    "leeftijd.own": {
        "nl": "{name} krijgt de check-in voor **{band}** (eigen instelling; de standaard van het team is {default}).",
        "en": "{name} gets the check-in for **{band}** (set for them; the team's default is {default}).",
    },
    "leeftijd.default": {
        "nl": "{name} krijgt de check-in voor **{band}**: de standaard van het team.",
        "en": "{name} gets the check-in for **{band}**: the team's default.",
    },
    "leeftijd.set": {
        "nl": "{name} krijgt vanaf nu de check-in voor **{band}**.",
        "en": "From now on {name} gets the check-in for **{band}**.",
    },
    "leeftijd.cleared": {
        "nl": "{name} krijgt weer de standaard van het team: **{band}**.",
        "en": "{name} gets the team's default again: **{band}**.",
    },
    "leeftijd.unchanged": {
        "nl": "{name} had al **{band}**; er is niets veranderd.",
        "en": "{name} already had **{band}**; nothing changed.",
    },
    "leeftijd.pupils_only": {
        "nl": "Een leeftijdsgroep hoort alleen bij een leerling: **rol** _naam_ **leerling** jong|midden|oud.",
        "en": "An age band is for pupils only: **role** _name_ **pupil** young|middle|older.",
    },
    "settings.field.age_band": {
        "nl": "Leeftijdsgroep van leerlingen zonder eigen groep",
        "en": "Age band of pupils without a band of their own",
    },
    "settings.bad_age_band": {
        "nl": "leeftijdsgroep: kies jong, midden of oud",
        "en": "age band: choose young, middle or older",
    },
}
