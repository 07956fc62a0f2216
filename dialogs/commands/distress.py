"""Words of distress in what a pupil writes reach their mentor and the coordinators at once.

The urgent message goes out as one outbox row per staff member, due now and at any hour; a
message a pupil chose to send (dialogs.commands.voice_offer) goes out the same way.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from typing import Any

from microsoft_teams.cards import SubmitAction

from cards.alerts import alert_actions
from cards.catalogue import Lang, t
from cards.voice import MAX_WORDS, distress_card
from dialogs.inbound import Reply, text
from dialogs.outbox_rows import Destination, message_now
from dialogs.recipients import urgent_staff
from dialogs.router import Turn
from domain import distress
from domain.clock import local_date
from domain.delivery import Prompt
from domain.roles import Role
from storage import alerts, deliveries, phrases
from storage.models import PupilAlert

logger = logging.getLogger(__name__)


def fit_key(value: str, limit: int) -> str:
    """A key of at most `limit` characters: itself, or a digest when it is longer."""
    if len(value) <= limit:
        return value
    return "h:" + hashlib.sha256(value.encode()).hexdigest()[:40]


def _source_kind(source: str) -> str:
    return source.partition(":")[0]


async def _team_phrases(turn: Turn) -> list[str]:
    found = await phrases.team_phrases(session=turn.session, team_id=turn.team_id)
    return [p.phrase for p in found]


async def record_pupil_alert(turn: Turn, *, kind: str, source: str) -> tuple[PupilAlert, bool]:
    """An alert on what the pupil wrote, once per source: (the alert, whether it is new)."""
    return await alerts.record_alert(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=turn.actor_id,
        day=local_date(turn.now),
        kind=kind,
        source=fit_key(source, 200),
        wants_contact=True,
        now=turn.now,
    )


async def check_distress(turn: Turn, texts: Sequence[str], *, source: str) -> list[Reply]:
    """Words of distress in what a pupil wrote reach their mentor and the coordinators at once.

    `source` names where the words are (e.g. "checkin:12", "message:<activity id>"); a second
    call with the same source alerts nobody twice. Returns what the pupil reads (help right now),
    or [] when there is no distress.
    """
    if turn.team is None or turn.actor is None or turn.role != Role.PUPIL:
        return []
    extra = await _team_phrases(turn)
    found = [words for words in texts if words and distress.find_distress(words, extra)]
    if not found:
        return []
    alert, new = await record_pupil_alert(turn, kind="distress", source=f"distress:{source}")
    if new:
        sent = await _alert_staff(turn, alert, found, source=source)
        await turn.audit(
            "distress.alerted",
            subject_id=turn.actor_id,
            details={"alert": alert.id, "source": _source_kind(source), "staff": sent},
        )
        logger.info("team %s: distress alert %s to %d staff", turn.team_id, alert.id, sent)
    return [text(t("distress.pupil_reply", turn.lang))]


async def _alert_staff(turn: Turn, alert: PupilAlert, words: Sequence[str], *, source: str) -> int:
    """The urgent message, now and at any hour, to the mentor and every coordinator."""
    assert turn.team is not None and turn.actor is not None
    staff = await urgent_staff(turn.session, turn.team, turn.actor)
    if not staff:
        logger.warning("team %s: words of distress, but no mentor or coordinator", turn.team_id)
    shown = [words_[:MAX_WORDS] for words_ in words]
    where, pupil = _source_kind(source), turn.actor.name
    return await tell_staff(
        turn,
        alert,
        staff,
        prompt=Prompt.DISTRESS,
        source=source,
        notice="distress.notice",
        build=lambda lang, actions: distress_card(
            lang=lang, pupil=pupil, words=shown, where=where, actions=actions
        ),
    )


async def tell_staff(
    turn: Turn,
    alert: PupilAlert,
    staff: Sequence[Destination],
    *,
    prompt: Prompt,
    source: str,
    notice: str,
    build: Callable[[Lang, list[SubmitAction]], dict[str, Any]],
) -> int:
    """One outbox row per staff member, in their language, due now and never expiring."""
    assert turn.actor is not None and alert.id is not None
    rows = []
    for to in staff:
        actions = alert_actions(
            lang=to.lang, team_id=turn.team_id, alert_id=alert.id, pupil_id=turn.actor_id
        )
        rows.append(
            message_now(
                prompt,
                team_id=turn.team_id,
                to=to,
                now=turn.now,
                ref=fit_key(source, 100),
                text=t(notice, to.lang, name=turn.actor.name),
                card=build(to.lang, actions),
            )
        )
    created = await deliveries.enqueue(session=turn.session, deliveries=rows, now=turn.now)
    turn.outbox_touched = True
    return created
