"""The words of the outbox: which message a row is (its prompt) and how far it got (its status).

Both are stored as their values, so the enums below are the whole vocabulary of those columns.
"""

from __future__ import annotations

from enum import StrEnum, unique


@unique  # a value given twice would quietly make two prompts one
class Prompt(StrEnum):
    """Which message an outbox row is; with day, recipient and ref it is the row's natural key."""

    # The school day's rhythm, each at its own time and gone when its moment has passed: the class
    # posts, each pupil's check-in cards and the reminder, and each mentor's morning list.
    DAY_START_POST = "day_start_post"
    DAY_CLOSE_POST = "day_close_post"
    CHECKIN_START = "checkin_start"
    CHECKIN_CLOSE = "checkin_close"
    REMINDER = "reminder"
    MENTOR_LIST = "mentor_list"

    # The coordinators' digests, half an hour after the close (the weekly one on the week's last
    # school day).
    DIGEST_DAILY = "digest_daily"
    DIGEST_WEEKLY = "digest_weekly"

    # On the week's first school day (nudges on any day one is due): the OPP cycle and the
    # progress talks.
    OPP_NUDGE = "opp_nudge"
    OPP_OVERVIEW = "opp_overview"
    TALKS_DUE = "talks_due"

    # About one pupil, to the staff at once: an alert card, the same card to the coordinators
    # when nobody picked it up, a new signal, words of distress, a message the pupil chose to
    # send, and a pupil or mentor Teams will not let the bot reach.
    ALERT = "alert"
    ALERT_ESCALATED = "alert_escalated"
    SIGNAL = "signal"
    DISTRESS = "distress"
    PUPIL_MESSAGE = "pupil_message"
    UNREACHABLE = "unreachable"

    # To a pupil at once: their message was seen.
    ALERT_PICKED_UP = "alert_picked_up"

    # About the team, once: the last coordinator left (to the mentors), and the coordinators'
    # channel was moved aside because pupils could read along (to the coordinators).
    NO_COORDINATOR = "no_coordinator"
    COORDINATOR_CHANNEL_MOVED = "coordinator_channel_moved"


class DeliveryStatus(StrEnum):
    """Where an outbox row is on its way; only a pending row is ever claimed."""

    PENDING = "pending"  # waiting for its time (again, after a retry)
    SENDING = "sending"  # claimed by a worker, which may or may not have sent it yet
    SENT = "sent"
    FAILED = "failed"  # given up, with the reason
    CANCELLED = "cancelled"  # expired, its person left, or a marker never meant to be sent
