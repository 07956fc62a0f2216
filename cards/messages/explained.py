"""What a Dutch term stands for, told once to an English speaker."""

MESSAGES: dict[str, dict[str, str]] = {
    "opp.explained": {
        "nl": (
            "OPP = ontwikkelingsperspectiefplan: het plan voor de ontwikkeling van een leerling, "
            "dat leerling, ouders, mentor en school van inschrijving samen evalueren."
        ),
        "en": (
            "OPP (ontwikkelingsperspectiefplan) is the pupil's development plan: what they work "
            "towards, evaluated regularly with the pupil, their parents, the mentor and the "
            "school of enrolment."
        ),
    },
}
