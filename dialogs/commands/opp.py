"""The OPP cycle: start a plan, record evaluations, see who is due, and the nudges that remind."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from cards.catalogue import Words, t
from cards.opp import EvaluationRow, opp_history_card, opp_list_card
from cards.opp_form import RECORD, EvaluationForm
from dialogs.commands.opp_report import report_reply
from dialogs.inbound import Reply, card, text
from dialogs.names import NotFound, resolve_pupil, visible_pupils
from dialogs.opp_status import cycle_of, opp_rows, suggested_participants
from dialogs.router import PRIVATE, STAFF, Turn, router
from dialogs.teamcal import calendar_for
from dialogs.teams_menu import TeamsMenu
from domain.calendar import SchoolCalendar
from domain.clock import local_date
from domain.grammar import format_date
from domain.opp import (
    OppEvaluated,
    OppInvalid,
    OppReport,
    OppShow,
    OppStart,
    next_due,
    parse_opp,
)
from domain.roles import Role
from storage import audit, opp, people
from storage.models import Person


@router.command(
    "opp",
    roles=STAFF,
    where=PRIVATE,
    order=80,
    help=Words(
        nl=(
            "**opp** [leerling] — evaluaties: wie wanneer; `opp Sanne start 1-9 "
            "elke 8 weken`, `opp Sanne geëvalueerd met ouders, school`, `opp Sanne "
            "verslag` (alles sinds de laatste evaluatie, voor het OPP-gesprek)"
        ),
        en=(
            "**opp** [pupil] — evaluations: who and when; `opp Sanne start 1-9 "
            "every 8 weeks`, `opp Sanne evaluated with parents, school`, `opp Sanne "
            "report` (everything since the last evaluation, for the OPP meeting)"
        ),
    ),
    usage=Words(
        nl=(
            "Gebruik: **opp** (overzicht), **opp** _leerling_ (geschiedenis), **opp** _leerling_ "
            "**start** _datum_ [elke _n_ weken], **opp** _leerling_ **geëvalueerd** [datum] [met "
            "ouders, school, …] [notitie], **opp** _leerling_ **verslag** [vanaf _datum_]."
        ),
        en=(
            "Usage: **opp** (overview), **opp** _pupil_ (history), **opp** _pupil_ "
            "**start** _date_ [every _n_ weeks], **opp** _pupil_ **evaluated** [date] "
            "[with parents, school, …] [note], **opp** _pupil_ **report** [from _date_]."
        ),
    ),
    teams=TeamsMenu(
        title="opp",
        order=80,
        personal=Words(
            nl="OPP-evaluaties: wie wanneer, start en evaluatie vastleggen",
            en="OPP evaluations: who is due when, record a start or an evaluation",
        ),
    ),
)
async def opp_command(turn: Turn) -> Sequence[Reply]:
    """`opp`, `opp <leerling>`, `opp <leerling> start …`, `opp <leerling> geëvalueerd …`."""
    assert turn.team is not None
    today = local_date(turn.now)
    calendar = await calendar_for(turn.session, turn.team)
    if not turn.args:
        return [await _list(turn, today, calendar)]
    parsed = parse_opp(turn.args, today=today)
    if isinstance(parsed, OppInvalid):
        return [text(t(f"opp.problem.{parsed.problem}", turn.lang) + "\n\n" + turn.usage())]
    rerun = "opp {name} " + turn.args.split(maxsplit=len(parsed.name.split()))[-1]
    if isinstance(parsed, OppShow):
        rerun = "opp {name}"
    pupil = await resolve_pupil(turn, parsed.name, rerun=rerun)
    if isinstance(pupil, NotFound):
        return [pupil.reply]
    if isinstance(parsed, OppStart):
        return [await _start(turn, pupil, parsed)]
    if isinstance(parsed, OppReport):
        return [await report_reply(turn, pupil, parsed.start)]
    if isinstance(parsed, OppEvaluated):
        return [
            await _record(
                turn,
                pupil,
                day=parsed.day,
                participants=parsed.participants,
                note=parsed.note,
                source=f"msg:{turn.inbound.activity_id or uuid.uuid4().hex}",
            )
        ]
    return [await _history(turn, pupil, today, calendar)]


async def _list(turn: Turn, today: date, calendar: SchoolCalendar) -> Reply:
    assert turn.team is not None
    coordinator = turn.role == Role.COORDINATOR
    rows, missing = await opp_rows(
        turn.session,
        turn.team,
        await visible_pupils(turn),
        today=today,
        calendar=calendar,
        with_mentor=coordinator,
    )
    title = (
        t("opp.title.coordinator", turn.lang, team=turn.team.name)
        if coordinator
        else t("opp.title.mentor", turn.lang)
    )
    await audit.record_each(
        session=turn.session,
        action="opp.viewed",
        now=turn.now,
        team_id=turn.team_id,
        actor_id=turn.actor_id,
        subject_ids=[row.pupil_id for row in rows] + [p.id for p in missing if p.id is not None],
    )
    return card(
        opp_list_card(lang=turn.lang, title=title, rows=rows, missing=[p.name for p in missing])
    )


async def _start(turn: Turn, pupil: Person, parsed: OppStart) -> Reply:
    assert turn.team is not None and pupil.id is not None
    plan, created = await opp.set_plan(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=pupil.id,
        start=parsed.start,
        cycle_weeks=parsed.cycle_weeks,
        now=turn.now,
    )
    await turn.audit(
        "opp.started" if created else "opp.changed",
        subject_id=pupil.id,
        details={"start": parsed.start.isoformat(), "cycle_weeks": parsed.cycle_weeks},
    )
    last = (await opp.last_evaluations(session=turn.session, team_id=turn.team_id)).get(pupil.id)
    weeks = cycle_of(plan, turn.team)
    due = next_due(start=plan.start_date, last_evaluation=last, cycle_weeks=weeks)
    return text(
        t(
            "opp.started",
            turn.lang,
            name=pupil.name,
            start=format_date(plan.start_date, turn.lang, with_year=True),
            weeks=weeks,
            due=format_date(due, turn.lang, with_year=True),
        )
    )


async def _record(
    turn: Turn,
    pupil: Person,
    *,
    day: date,
    participants: Sequence[str],
    note: str | None,
    source: str,
) -> Reply:
    assert turn.team is not None and pupil.id is not None
    plan = await opp.plan_of(session=turn.session, pupil_id=pupil.id)
    if plan is None:
        return text(t("opp.no_plan", turn.lang, name=pupil.name))
    evaluation, created = await opp.add_evaluation(
        session=turn.session,
        team_id=turn.team_id,
        pupil_id=pupil.id,
        author_id=turn.actor_id,
        day=day,
        participants=participants,
        note=note,
        source=source,
        now=turn.now,
    )
    if created:
        await turn.audit(
            "opp.evaluated",
            subject_id=pupil.id,
            details={"evaluation_id": evaluation.id, "participants": list(participants)},
        )
    last = (await opp.last_evaluations(session=turn.session, team_id=turn.team_id)).get(pupil.id)
    due = next_due(
        start=plan.start_date, last_evaluation=last, cycle_weeks=cycle_of(plan, turn.team)
    )
    message = t(
        "opp.recorded",
        turn.lang,
        name=pupil.name,
        day=format_date(day, turn.lang, with_year=True),
        due=format_date(due, turn.lang, with_year=True),
    )
    if not created:
        message += " " + t("opp.already", turn.lang)
    return text(message)


async def _history(turn: Turn, pupil: Person, today: date, calendar: SchoolCalendar) -> Reply:
    assert turn.team is not None and pupil.id is not None
    plan = await opp.plan_of(session=turn.session, pupil_id=pupil.id)
    if plan is None:
        return text(t("opp.no_plan", turn.lang, name=pupil.name))
    rows, _ = await opp_rows(turn.session, turn.team, [pupil], today=today, calendar=calendar)
    found = await opp.evaluations(session=turn.session, pupil_id=pupil.id)
    authors: dict[int, str] = {}
    history = []
    for evaluation in found:
        if evaluation.author_id is not None and evaluation.author_id not in authors:
            author = await people.get_person(session=turn.session, person_id=evaluation.author_id)
            authors[evaluation.author_id] = author.name if author else ""
        history.append(
            EvaluationRow(
                day=evaluation.day,
                participants=evaluation.participants,
                note=evaluation.note,
                author=authors.get(evaluation.author_id or 0, ""),
            )
        )
    await turn.audit("opp.viewed", subject_id=pupil.id)
    return card(
        opp_history_card(
            lang=turn.lang,
            row=rows[0],
            start=plan.start_date,
            cycle_weeks=cycle_of(plan, turn.team),
            evaluations=history,
            team_ref=turn.team_id,
            nonce=uuid.uuid4().hex,
            participants=suggested_participants(turn.team),
        )
    )


@router.card_action(
    RECORD, answer=EvaluationForm, invalid="opp.problem.invalid", roles=STAFF, where=PRIVATE
)
async def record_from_card(turn: Turn) -> Sequence[Reply]:
    """The evaluation form on a nudge or a history card was sent."""
    form = EvaluationForm.of(turn.answer)
    today = local_date(turn.now)
    pupil = next((p for p in await visible_pupils(turn) if p.id == form.pupil), None)
    if pupil is None or form.day is None or form.day > today or (today - form.day).days > 366:
        return [text(t("opp.problem.invalid", turn.lang))]
    reply = await _record(
        turn,
        pupil,
        day=form.day,
        participants=form.participants,
        note=form.note,
        source=f"card:{form.nonce}",
    )
    return [reply]
