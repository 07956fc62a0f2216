"""The face pictures of the youngest pupils' cards: drawn here, committed as PNG files in
bot/images/, and served by the app (`GET /images/face-<mood>.png`) with caching headers.

Friendly round faces, warm for a good mood and a soft blue for a low one, never red: a child
who feels bad should not see an alarming picture. Redraw with `python -m bot.faces`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from bot.png import encode_rgba
from cards.faces import FACE_FILES, FACE_SIZE

IMAGES = Path(__file__).parent / "images"
CACHE_SECONDS = 7 * 24 * 3600  # a changed picture gets a new ETag; Teams keeps its own copy too
SAMPLES = 3  # per axis: 9 samples a pixel smooth the edges

Colour = tuple[int, int, int]
FACE: dict[int, Colour] = {
    5: (255, 204, 64),
    4: (255, 219, 112),
    3: (247, 226, 164),
    2: (191, 214, 240),
    1: (168, 190, 234),
}
LINE: Colour = (84, 62, 46)
MOUTH: Colour = (150, 66, 66)
CHEEK: Colour = (247, 150, 150)
TEAR: Colour = (96, 160, 230)
# How far the middle of the mouth sits below (+) or above (-) its corners.
CURVE = {5: 0.30, 4: 0.20, 3: 0.0, 2: -0.13, 1: -0.22}


def _mouth(mood: int, u: float, v: float) -> Colour | None:
    if abs(u) > 0.42:
        return None
    curve = CURVE[mood]
    corners = 0.30 if curve >= 0 else 0.40
    middle = corners + curve * (1 - (u / 0.42) ** 2)
    if mood == 5 and corners <= v <= middle:  # an open, laughing mouth
        return MOUTH
    return LINE if abs(v - middle) < 0.05 else None


def _sample(mood: int, u: float, v: float) -> Colour | None:
    """The colour at (u, v), both -1..1 with v downwards; None outside the face."""
    r2 = u * u + v * v
    if r2 > 0.95**2:
        return None
    if r2 > 0.88**2:
        return LINE
    for side in (-1, 1):
        if ((u - side * 0.32) / 0.085) ** 2 + ((v + 0.2) / 0.12) ** 2 <= 1:
            return LINE
    if mood == 1 and ((u - 0.34) / 0.06) ** 2 + ((v - 0.02) / 0.09) ** 2 <= 1:
        return TEAR
    mouth = _mouth(mood, u, v)
    if mouth is not None:
        return mouth
    if mood >= 4 and any((u - s * 0.56) ** 2 + (v - 0.12) ** 2 <= 0.1**2 for s in (-1, 1)):
        return CHEEK
    return FACE[mood]


def draw_face(mood: int, size: int = FACE_SIZE) -> bytes:
    """The PNG of one mood's face, size x size pixels on a transparent background."""
    pixels: list[tuple[int, int, int, int]] = []
    step = 1 / SAMPLES
    for y in range(size):
        for x in range(size):
            red = green = blue = hits = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    u = ((x + (sx + 0.5) * step) / size) * 2 - 1
                    v = ((y + (sy + 0.5) * step) / size) * 2 - 1
                    colour = _sample(mood, u, v)
                    if colour is not None:
                        red, green, blue, hits = (
                            red + colour[0],
                            green + colour[1],
                            blue + colour[2],
                            hits + 1,
                        )
            if hits:
                alpha = round(255 * hits / SAMPLES**2)
                pixels.append((red // hits, green // hits, blue // hits, alpha))
            else:
                pixels.append((0, 0, 0, 0))
    return encode_rgba(size, size, pixels)


@dataclass(frozen=True)
class Picture:
    """One picture as served: its bytes and their ETag."""

    body: bytes
    etag: str


def load_pictures() -> dict[str, Picture]:
    """The committed face pictures by file name, read once when the app starts."""
    found: dict[str, Picture] = {}
    for name in FACE_FILES.values():
        body = (IMAGES / name).read_bytes()
        found[name] = Picture(body=body, etag='"' + hashlib.sha256(body).hexdigest()[:32] + '"')
    return found


def main() -> None:
    """Draw every face into bot/images/."""
    IMAGES.mkdir(exist_ok=True)
    for mood, name in FACE_FILES.items():
        (IMAGES / name).write_bytes(draw_face(mood))


if __name__ == "__main__":
    main()
