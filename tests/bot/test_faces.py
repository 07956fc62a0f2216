"""The face pictures: committed as drawn, served with caching headers, found at the public URL."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from bot.faces import IMAGES, draw_face, load_pictures
from bot.png import header, rgba
from bot.sending import to_activity
from bot.settings import Settings
from cards.checkin import checkin_card
from cards.faces import FACE_FILES, FACE_SIZE
from domain.age import AgeBand


def test_committed_faces_are_square_rgba_and_transparent_around() -> None:
    for name in FACE_FILES.values():
        data = (IMAGES / name).read_bytes()
        head = header(data)
        assert (head.width, head.height, head.bit_depth, head.color_type) == (
            FACE_SIZE,
            FACE_SIZE,
            8,
            6,
        )
        pixels = rgba(data)
        assert pixels[0][3] == 0  # a corner is transparent
        centre = pixels[(FACE_SIZE // 2) * FACE_SIZE + FACE_SIZE // 2]
        assert centre[3] == 255
    assert len({p.etag for p in load_pictures().values()}) == len(FACE_FILES)


def test_committed_faces_are_what_the_drawing_makes() -> None:
    """Redraw with `python -m bot.faces` after changing the drawing."""
    assert (IMAGES / FACE_FILES[3]).read_bytes() == draw_face(3)


def test_low_moods_are_soft_blue_never_red() -> None:
    for mood in (1, 2):
        pixels = rgba((IMAGES / FACE_FILES[mood]).read_bytes())
        # a point on the cheek, away from the eyes and the mouth
        red, _green, blue, alpha = pixels[int(FACE_SIZE * 0.55) * FACE_SIZE + int(FACE_SIZE * 0.2)]
        assert alpha == 255 and blue > red


def test_public_address_default_follows_where_serve_listens() -> None:
    assert Settings.model_validate({}).public_base == "http://127.0.0.1:3978"
    wild = Settings.model_validate({"DAGRITME_HOST": "0.0.0.0", "DAGRITME_PORT": 8080})
    assert wild.public_base == "http://127.0.0.1:8080"
    given = Settings.model_validate({"DAGRITME_PUBLIC_URL": "https://bot.school.nl/dagritme/"})
    assert given.public_base == "https://bot.school.nl/dagritme"


@pytest.mark.parametrize(
    "url",
    [
        "bot.school.nl",
        "ftp://bot.school.nl",
        "https://",
        "https://bot.nl/?x=1",
        "https://u:p@bot.nl",
    ],
)
def test_public_address_must_be_a_plain_http_address(url: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Settings.model_validate({"DAGRITME_PUBLIC_URL": url})
    assert "DAGRITME_PUBLIC_URL" in str(refused.value)


def test_sent_cards_name_the_pictures_by_their_full_address() -> None:
    day = date(2026, 11, 23)
    card = checkin_card(lang="nl", first_name="Sanne", day=day, team_ref=1, band=AgeBand.JONG)
    activity = to_activity({"card": card}, public_url="https://bot.school.nl")
    sent = str(activity["attachments"][0]["content"])
    assert "https://bot.school.nl/images/face-5.png" in sent
    assert "'/images/" not in sent
