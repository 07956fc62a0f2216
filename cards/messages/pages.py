"""Texts of long lists in pages."""

MESSAGES: dict[str, dict[str, str]] = {
    "pages.page": {"nl": "Pagina {page} van {pages}", "en": "Page {page} of {pages}"},
    "pages.previous": {"nl": "◀ Vorige", "en": "◀ Previous"},
    "pages.next": {"nl": "Volgende ({page}/{pages}) ▶", "en": "Next ({page}/{pages}) ▶"},
    "pages.beyond": {
        "nl": "Er zijn {pages} pagina's; dit is de laatste.",
        "en": "There are {pages} pages; this is the last one.",
    },
    "pupils.only_attention": {"nl": "Alleen aandacht nodig", "en": "Attention only"},
    "pupils.attention_only": {
        "nl": "Alleen wie nu aandacht vraagt: {count} van {total}.",
        "en": "Only those who need attention now: {count} of {total}.",
    },
    "pupils.attention_none": {
        "nl": "Niemand heeft nu aandacht nodig. 👍",
        "en": "Nobody needs attention now. 👍",
    },
    "digest.future": {
        "nl": "Die dag is nog niet geweest; een overzicht is er pas na de dag zelf.",
        "en": "That day has not come yet; a digest exists only once the day is there.",
    },
    "digest.continued": {
        "nl": "{title} (vervolg)",
        "en": "{title} (continued)",
    },
}
