"""Draws the app icons (color 192x192, outline 32x32 white on transparent) without extra packages.

Run from the repository root: python deploy/teams/make_icons.py
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).parent
GREEN = (46, 125, 107, 255)
SUN = (255, 200, 61, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(size: int, pixel: object) -> bytes:
    """A PNG of size x size RGBA pixels, each from pixel(x, y)."""
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size))  # type: ignore[operator]
        for y in range(size)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def sun(x: float, y: float, size: int, *, core: float, ray: float) -> bool:
    """A sun: a disc with eight rays, centred, scaled to the icon."""
    cx = cy = (size - 1) / 2
    dx, dy = x - cx, y - cy
    r = math.hypot(dx, dy) / size
    if r <= core:
        return True
    angle = math.atan2(dy, dx) % (math.pi / 4)
    return core + 0.06 <= r <= ray and min(angle, math.pi / 4 - angle) < 0.12


def main() -> None:
    size = 192
    (HERE / "color.png").write_bytes(
        png(size, lambda x, y: SUN if sun(x, y, size, core=0.2, ray=0.42) else GREEN)
    )
    small = 32
    (HERE / "outline.png").write_bytes(
        png(small, lambda x, y: WHITE if sun(x, y, small, core=0.2, ray=0.46) else CLEAR)
    )


if __name__ == "__main__":
    main()
