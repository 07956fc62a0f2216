"""A member's stored role gives their role in a turn."""

from __future__ import annotations

import pytest

from domain.roles import Role


@pytest.mark.parametrize(
    ("stored", "role"),
    [
        ("pupil", Role.PUPIL),
        ("mentor", Role.MENTOR),
        ("coordinator", Role.COORDINATOR),
        (None, Role.MEMBER),
        ("", Role.MEMBER),
        ("unknown", Role.MEMBER),  # never a stored role: a stored oddity is a plain member
    ],
)
def test_a_stored_role_is_a_role_in_the_turn(stored: str | None, role: Role) -> None:
    assert Role.of_member(stored) is role
