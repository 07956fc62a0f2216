"""Just enough of PNG to check an app icon (its size, the pixels of a small RGBA image) and to
write the face pictures of the youngest pupils' cards.

Teams wants a 192x192 color icon and a 32x32 outline icon that is white on transparent. Both are
cheap to read with the standard library, so packaging needs no imaging package.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"
# colour types with an alpha channel, and their bytes per pixel at 8 bits per sample
ALPHA_TYPES = {4: 2, 6: 4}


class PngError(ValueError):
    """The bytes are not a PNG this module can read; the message says why."""


@dataclass(frozen=True)
class Header:
    """The IHDR fields an icon check needs."""

    width: int
    height: int
    bit_depth: int
    color_type: int
    interlaced: bool


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, data) chunks of a PNG, in file order."""
    if not data.startswith(SIGNATURE):
        raise PngError("not a PNG file")
    found: list[tuple[bytes, bytes]] = []
    offset = len(SIGNATURE)
    while offset + 8 <= len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        found.append((kind, data[offset + 8 : offset + 8 + length]))
        offset += 12 + length  # length, type, data, CRC
    if not found or found[0][0] != b"IHDR" or len(found[0][1]) != 13:
        raise PngError("a PNG without its IHDR header")
    return found


def header(data: bytes) -> Header:
    """Size and pixel format, from the IHDR chunk that every PNG starts with."""
    ihdr = chunks(data)[0][1]
    width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
    return Header(width, height, depth, color, interlace != 0)


def rgba(data: bytes) -> list[tuple[int, int, int, int]]:
    """Every pixel as (red, green, blue, alpha), for an 8-bit image with an alpha channel."""
    head = header(data)
    if head.bit_depth != 8 or head.color_type not in ALPHA_TYPES or head.interlaced:
        raise PngError("not an 8-bit, non-interlaced PNG with an alpha channel (RGBA)")
    step = ALPHA_TYPES[head.color_type]
    compressed = b"".join(body for kind, body in chunks(data) if kind == b"IDAT")
    try:
        raw = zlib.decompress(compressed)
    except zlib.error as exc:
        raise PngError(f"damaged image data ({exc})") from exc
    stride = head.width * step
    if len(raw) != head.height * (stride + 1):
        raise PngError("image data does not match the size in the header")
    pixels: list[tuple[int, int, int, int]] = []
    previous = bytearray(stride)
    for y in range(head.height):
        start = y * (stride + 1)
        row = _unfilter(raw[start], raw[start + 1 : start + 1 + stride], previous, step)
        for x in range(0, stride, step):
            if step == 4:
                pixels.append((row[x], row[x + 1], row[x + 2], row[x + 3]))
            else:
                pixels.append((row[x], row[x], row[x], row[x + 1]))
        previous = row
    return pixels


def _unfilter(kind: int, line: bytes, above: bytearray, step: int) -> bytearray:
    """Undo one scanline's filter (PNG specification, section 9)."""
    row = bytearray(line)
    for i in range(len(row)):
        left = row[i - step] if i >= step else 0
        up = above[i]
        corner = above[i - step] if i >= step else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            row[i] = (row[i] + _paeth(left, up, corner)) & 0xFF
        elif kind != 0:
            raise PngError(f"unknown scanline filter {kind}")
    return row


def _paeth(a: int, b: int, c: int) -> int:
    """The Paeth predictor: whichever neighbour is closest to a + b - c."""
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def encode_rgba(width: int, height: int, pixels: list[tuple[int, int, int, int]]) -> bytes:
    """An 8-bit RGBA PNG of width x height pixels, given row by row (no filter, best zlib)."""
    if len(pixels) != width * height:
        raise PngError("the number of pixels does not match the size")
    rows = b"".join(
        b"\x00" + b"".join(bytes(p) for p in pixels[y * width : (y + 1) * width])
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        SIGNATURE
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )
