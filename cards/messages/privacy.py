"""Texts of the AVG requests: inzage, erasure, audit trail."""

MESSAGES: dict[str, dict[str, str]] = {
    "inzage.summary": {
        "nl": "Inzage voor {name} ({counts}). Andere leerlingen staan er alleen met datum, soort en nummer in, zonder tekst of naam. Deze inzage is vastgelegd in het auditlog.",
        "en": "Export for {name} ({counts}). Other pupils appear only by date, kind and number, without text or name. This export has been recorded in the audit trail.",
    },
    "inzage.too_large": {
        "nl": "Het overzicht is te groot voor de chat. Vraag de beheerder: `dagritme export --person {id} --team {team}`.",
        "en": "The export is too large for chat. Ask the administrator: `dagritme export --person {id} --team {team}`.",
    },
    "wis.confirm": {
        "nl": "Weet je zeker dat je alles over {name} wilt wissen? Check-ins, contacten, OPP en signalen worden definitief verwijderd; alleen een regel in het auditlog blijft dat dit is gebeurd.",
        "en": "Are you sure you want to erase everything about {name}? Check-ins, contacts, OPP and signals are removed for good; only an audit line that it happened remains.",
    },
    "wis.yes": {"nl": "Definitief wissen", "en": "Erase for good"},
    "wis.no": {"nl": "Annuleren", "en": "Cancel"},
    "wis.done": {
        "nl": "Alles over {name} is gewist.",
        "en": "Everything about {name} has been erased.",
    },
    "wis.cancelled": {"nl": "Er is niets gewist.", "en": "Nothing was erased."},
    "wis.gone": {
        "nl": "Die persoon bestaat niet (meer).",
        "en": "That person does not exist (any more).",
    },
    "wis.not_yourself": {
        "nl": "Jezelf wissen kan niet via de chat; vraag een andere coördinator.",
        "en": "You cannot erase yourself through chat; ask another coordinator.",
    },
    "audit.title": {"nl": "Auditlog (laatste 20)", "en": "Audit trail (latest 20)"},
    "audit.title_about": {
        "nl": "Auditlog over {name} (laatste 20)",
        "en": "Audit trail about {name} (latest 20)",
    },
    "audit.none": {"nl": "Nog niets vastgelegd.", "en": "Nothing recorded yet."},
    "audit.more": {"nl": "en nog {count}", "en": "and {count} more"},
    "audit.gone": {"nl": "{ref} (gewist)", "en": "{ref} (erased)"},
}
