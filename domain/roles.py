"""Who someone is in a turn: the three roles a team member can have, a member without one, and
someone the bot does not know in that team."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """A role in a turn; a member's stored role is one of the first three."""

    PUPIL = "pupil"
    MENTOR = "mentor"
    COORDINATOR = "coordinator"
    MEMBER = "member"  # in the team, without one of the roles above
    UNKNOWN = "unknown"  # not (or no longer) in the team

    @classmethod
    def of_member(cls, stored: str | None) -> Role:
        """The role a member's stored role gives them in a turn."""
        if stored in MEMBER_ROLES:
            return cls(stored)
        return cls.MEMBER


# The roles a member can be given, and so the only values a member's stored role can have.
MEMBER_ROLES: tuple[Role, ...] = (Role.PUPIL, Role.MENTOR, Role.COORDINATOR)
