"""PNG files written pixel by pixel, with any scanline filter, for the icon tests.

Image editors pick a filter per scanline; writing every filter here proves the icon check reads
what they write, not only what deploy/teams/make_icons.py writes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

Pixel = tuple[int, int, int, int]
WHITE: Pixel = (255, 255, 255, 255)
CLEAR: Pixel = (0, 0, 0, 0)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _filtered(kind: int, line: bytes, above: bytes, step: int) -> bytes:
    out = bytearray()
    for i, value in enumerate(line):
        left = line[i - step] if i >= step else 0
        up = above[i]
        corner = above[i - step] if i >= step else 0
        predictor = (0, left, up, (left + up) // 2, _paeth(left, up, corner))[kind]
        out.append((value - predictor) & 0xFF)
    return bytes(out)


def encode(
    size: tuple[int, int],
    pixels: Sequence[Pixel],
    *,
    rgb_only: bool = False,
    filters: Sequence[int] = (0,),
) -> bytes:
    """A PNG of width x height pixels (row by row), RGBA or RGB, cycling through `filters`."""
    width, height = size
    step = 3 if rgb_only else 4
    rows = []
    above = bytes(width * step)
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        line = b"".join(bytes(p[:step]) for p in row)
        kind = filters[y % len(filters)]
        rows.append(bytes([kind]) + _filtered(kind, line, above, step))
        above = line

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2 if rgb_only else 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


def square(size: int, pixel: Pixel = WHITE, *, rgb_only: bool = False) -> bytes:
    """A square of one colour."""
    return encode((size, size), [pixel] * (size * size), rgb_only=rgb_only)


def outline(size: int = 32, *, stray: Pixel | None = None, filters: Sequence[int] = (0,)) -> bytes:
    """A white square ring on transparent, like an outline icon; `stray` replaces one pixel."""
    pixels = [
        WHITE if x in (4, size - 5) or y in (4, size - 5) else CLEAR
        for y in range(size)
        for x in range(size)
    ]
    if stray is not None:
        pixels[0] = stray
    return encode((size, size), pixels, filters=filters)
