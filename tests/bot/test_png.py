"""Reading icons without an imaging package: size from the header, pixels under every filter."""

from __future__ import annotations

import pytest

from bot import png
from bot.package import TEAMS
from tests.support import pngs


def test_the_header_gives_the_size_of_the_shipped_icons() -> None:
    color = png.header((TEAMS / "color.png").read_bytes())
    outline = png.header((TEAMS / "outline.png").read_bytes())
    assert (color.width, color.height, color.color_type) == (192, 192, 6)
    assert (outline.width, outline.height, outline.color_type) == (32, 32, 6)


@pytest.mark.parametrize("filters", [(0,), (1,), (2,), (3,), (4,), (0, 1, 2, 3, 4)])
def test_pixels_read_back_under_every_scanline_filter(filters: tuple[int, ...]) -> None:
    size = 7
    pixels = [
        ((x * 37) % 256, (y * 53) % 256, (x * y) % 256, (x + y) * 9)
        for y in range(size)
        for x in range(size)
    ]
    assert png.rgba(pngs.encode((size, size), pixels, filters=filters)) == pixels


def test_what_it_cannot_read_is_named() -> None:
    with pytest.raises(png.PngError, match="not a PNG"):
        png.header(b"GIF89a")
    with pytest.raises(png.PngError, match="alpha channel"):
        png.rgba(pngs.square(4, rgb_only=True))
    damaged = bytearray(pngs.square(4))
    damaged[-20:-14] = b"\x00" * 6  # inside the compressed image data
    with pytest.raises(png.PngError, match="damaged image data"):
        png.rgba(bytes(damaged))
