"""What a pupil can say about their day beyond a mood: named feelings, and picture goals.

A named feeling is optional and comes from a vocabulary that fits the age band (the way
Microsoft Reflect asks for a word after the scale). The youngest pick no word; they tap a face
and may pick picture goals, since they cannot read or type yet. Words are stored as the keys
below (Dutch, at most 30 characters); the catalogue shows them in the reader's language.
"""

from __future__ import annotations

from domain.age import AgeBand

FEELING_MAX_CHARS = 30  # checkin.feeling

# 8 to 12 words that a child of about 8 to 12 knows and uses.
MIDDEN_FEELINGS: tuple[str, ...] = (
    "blij",
    "trots",
    "rustig",
    "nieuwsgierig",
    "moe",
    "verveeld",
    "zenuwachtig",
    "bang",
    "boos",
    "verdrietig",
)
# A teenager names more shades.
OUD_FEELINGS: tuple[str, ...] = (
    "blij",
    "trots",
    "rustig",
    "opgelucht",
    "gemotiveerd",
    "hoopvol",
    "moe",
    "verveeld",
    "zenuwachtig",
    "gestrest",
    "onzeker",
    "overprikkeld",
    "gefrustreerd",
    "boos",
    "eenzaam",
    "somber",
    "verdrietig",
    "bang",
)
FEELINGS: dict[AgeBand, tuple[str, ...]] = {
    AgeBand.JONG: (),
    AgeBand.MIDDEN: MIDDEN_FEELINGS,
    AgeBand.OUD: OUD_FEELINGS,
}
ALL_FEELINGS: frozenset[str] = frozenset(MIDDEN_FEELINGS) | frozenset(OUD_FEELINGS)

# The youngest plan their day with pictures: (key, emoji). Nothing to read or type.
PICTURE_GOALS: tuple[tuple[str, str], ...] = (
    ("lezen", "📖"),
    ("rekenen", "🔢"),
    ("schrijven", "✏️"),
    ("tekenen", "🖍️"),
    ("knutselen", "✂️"),
    ("puzzelen", "🧩"),
    ("buiten_spelen", "🌳"),
    ("bewegen", "🤸"),
)
PICTURE_GOAL_KEYS: frozenset[str] = frozenset(key for key, _ in PICTURE_GOALS)


def feelings_for(band: AgeBand) -> tuple[str, ...]:
    """The named feelings a pupil of this band can choose from (none for the youngest)."""
    return FEELINGS[band]


def is_feeling(word: str, band: AgeBand) -> bool:
    """Whether `word` is a feeling of this band's vocabulary."""
    return word in FEELINGS[band]


def picture_goal_emoji(key: str) -> str:
    """The picture of a picture goal."""
    return next(emoji for k, emoji in PICTURE_GOALS if k == key)


def parse_picture_goals(raw: str) -> tuple[str, ...] | None:
    """The picture goals of a multi-select answer ("lezen,tekenen"), in card order; None when
    it names one the card does not offer."""
    chosen = {part.strip() for part in raw.split(",") if part.strip()}
    if not chosen <= PICTURE_GOAL_KEYS:
        return None
    return tuple(key for key, _ in PICTURE_GOALS if key in chosen)


def parse_done(raw: str, goal_count: int) -> frozenset[int] | None:
    """The goals ticked as done (1-based numbers of "1,3"); None for a number out of range."""
    found: set[int] = set()
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        if not (part.isascii() and part.isdigit()) or not 1 <= int(part) <= goal_count:
            return None
        found.add(int(part))
    return frozenset(found)
