"""Property-based: thousands of odd activities, never a 5xx, and only valid effects stored."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from storage.models import CheckIn, ContactLog, Person
from tests.e2e.conftest import Classroom
from tests.e2e.test_daily_rhythm import MONDAY, local
from tests.support import activities

ODD_TEXT = st.text(max_size=300) | st.sampled_from(
    [
        "",
        " ",
        "\u0000",
        "🙂" * 50,
        "<at>x</at>",
        "log",
        "rol",
        "koppel x aan",
        "opp x start",
        "instellingen start 25:99",
        "log Daan bellen 99999m",
        "wis Daan",
        "ñ" * 2000,
    ]
)
JSONISH = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
CARD_VALUE = st.fixed_dictionaries(
    {
        "verb": st.sampled_from(
            [
                "checkin.submit",
                "close.submit",
                "contact.save",
                "opp.record",
                "settings.submit",
                "erase.confirm",
                "command",
                "contact.undo",
                "x",
            ]
        )
    },
    optional={
        "day": st.sampled_from(
            ["2026-11-23", "2026-11-24", "2026-11-22", "1900-01-01", "2026-02-30", "morgen"]
        )
        | JSONISH,
        "team": st.integers(-3, 5) | JSONISH,
        "mood": st.sampled_from(["1", "3", "5", "0", "6", "9", "-1", "", "3.5"]) | JSONISH,
        "energy": JSONISH,
        "goal1": st.text(max_size=150) | JSONISH,
        "contact": st.sampled_from(["true", "false", "misschien"]) | JSONISH,
        "note": st.text(max_size=600) | JSONISH,
        "pupil": st.integers(-2, 20) | JSONISH,
        "person": st.integers(-2, 20),
        "kind": st.sampled_from(["bellen", "chat", "feest"]),
        "minutes": JSONISH,
        "nonce": st.text(min_size=0, max_size=70),
        "participants": st.text(max_size=40),
        "text": ODD_TEXT,
        "start": JSONISH,
    },
)
FIELDS = st.sampled_from(
    [
        "type",
        "text",
        "from",
        "conversation",
        "recipient",
        "serviceUrl",
        "channelData",
        "value",
        "entities",
        "locale",
        "replyToId",
        "membersAdded",
        "membersRemoved",
        "id",
        "channelId",
    ]
)


@st.composite
def activity(draw: st.DrawFn, room: Classroom) -> dict[str, Any] | bytes:
    world = room.world
    who = draw(st.sampled_from([*room.pupils, room.mentor, room.coordinator]))
    kind = draw(st.sampled_from(["chat", "card", "channel", "install", "roster", "raw"]))
    if kind == "raw":
        return draw(st.binary(max_size=200))
    if kind == "card":
        base = activities.personal_message(world, who, "", value=draw(CARD_VALUE))
    elif kind == "channel":
        base = activities.channel_message(world, who, draw(ODD_TEXT))
    elif kind == "install":
        base = activities.install_in_team(world, who)
    elif kind == "roster":
        base = activities.members_removed(world, [who], room.coordinator)
        base["membersRemoved"] = [{"id": draw(st.text(max_size=20))}]
    else:
        base = activities.personal_message(world, who, draw(ODD_TEXT))
    mutated = copy.deepcopy(base)
    for field in draw(st.lists(FIELDS, max_size=3)):
        if draw(st.booleans()):
            mutated.pop(field, None)
        else:
            mutated[field] = draw(JSONISH)
    return mutated


async def test_odd_activities_never_break_the_bot(classroom: Classroom) -> None:
    room = classroom
    await room.bot.tick(local(MONDAY, 9, 0))
    drawn: list[dict[str, Any] | bytes] = []

    @settings(
        max_examples=1200,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=st.data())
    def examples(data: st.DataObject) -> None:
        # Hypothesis draws synchronously; the bot is posted to afterwards, in the test's loop.
        drawn.append(data.draw(activity(room)))

    examples()
    for index, body in enumerate(drawn):
        # two seconds apart, so the per-sender limit is not what every message runs into
        room.bot.clock.set(local(MONDAY, 9, 30) + timedelta(seconds=2 * index))
        payload = body if isinstance(body, bytes) else json.dumps(body)
        posted = await room.bot.post(payload)
        assert posted.status < 500, (posted, str(body)[:300])

    async with room.bot.db.session() as session:
        pupil_ids = {
            p.id for p in (await session.exec(select(Person).where(Person.role == "pupil"))).all()
        }
        for check in (await session.exec(select(CheckIn))).all():
            assert check.day == MONDAY
            assert 1 <= check.mood <= 5
            assert check.pupil_id in pupil_ids
        for contact in (await session.exec(select(ContactLog))).all():
            assert contact.day <= MONDAY
            assert contact.pupil_id in pupil_ids
