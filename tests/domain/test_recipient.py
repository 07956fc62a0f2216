"""A recipient is a person, a channel or nobody; its stored key reads back as itself."""

from __future__ import annotations

import pytest

from domain.recipient import Recipient


@pytest.mark.parametrize(
    ("recipient", "key"),
    [
        (Recipient.person(42), "person:42"),
        (Recipient.channel("19:abc@thread.tacv2"), "channel:19:abc@thread.tacv2"),
        (Recipient.marker("team-3"), "nobody:team-3"),
    ],
)
def test_a_recipient_is_stored_as_its_key_and_read_back(recipient: Recipient, key: str) -> None:
    assert recipient.key == key == str(recipient)
    assert Recipient.parse(key) == recipient


@pytest.mark.parametrize("key", ["", "person:", "person:x1", "channel:", "nobody:", "team:4"])
def test_a_key_of_no_kind_is_refused(key: str) -> None:
    with pytest.raises(ValueError, match="not a recipient key"):
        Recipient.parse(key)


def test_a_recipient_is_exactly_one_thing() -> None:
    with pytest.raises(ValueError, match="a person, a channel or nobody"):
        Recipient()
    with pytest.raises(ValueError, match="a person, a channel or nobody"):
        Recipient(person_id=1, channel_id="19:x")
