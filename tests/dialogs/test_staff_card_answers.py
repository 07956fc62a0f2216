"""Staff cards and the models their answers are read into: every button's data and every input
of a card is read by the model its verb is registered with, and the rules of what a person may
send hold in the model."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

import dialogs.registry  # noqa: F401  (every command and card action on the router)
from cards.alerts import AlertAnswer, AlertView, alert_card
from cards.answers import BadAnswer, CardAnswer
from cards.common import CommandLine, choice_buttons_card
from cards.mentor import ContactDraft, ContactForm, contact_card
from cards.opp import OppRow, Trend, opp_history_card, opp_nudge_card
from cards.opp_form import EvaluationForm
from cards.privacy import Erasure, erase_card
from cards.pupils import PupilChoice, PupilRow, pupils_card
from dialogs.router import router
from tests.cards.test_cards import inputs, walk

DAY = date(2026, 11, 23)
ROW = OppRow(pupil_id=3, name="Noah", due=DAY, days_left=2)
CROWD = [  # two pages, too many words for a block per pupil: a line each, and the pupil picker
    PupilRow(
        "é" * 300,
        pupil_id=n,
        alert_id=n if n % 2 else None,
        attention="wish" if n % 3 else None,
        goals=["ü" * 200] * 3,
    )
    for n in range(1, 26)
]


def staff_cards() -> Iterator[tuple[str, dict[str, Any]]]:
    form = ContactDraft(pupil_id=1, kind="bellen")
    for about in ({}, {"contact_id": 9}, {"alert_id": 4}):
        yield (
            f"contact {sorted(about)}",
            contact_card(
                lang="nl",
                pupils=[(1, "Sanne")],
                team_ref=7,
                nonce="n" * 32,
                today=DAY,
                draft=form,
                **about,
            ),
        )
    yield (
        "alert",
        alert_card(lang="nl", view=AlertView(pupil="N"), team_id=7, alert_id=5, pupil_id=3),
    )
    yield "pupils", pupils_card(lang="nl", day=DAY, rows=CROWD[:3], title="t", team_ref=7)
    yield "pupil picker", pupils_card(lang="nl", day=DAY, rows=CROWD, title="t", team_ref=7)
    yield (
        "opp history",
        opp_history_card(
            lang="nl",
            row=ROW,
            start=DAY,
            cycle_weeks=8,
            evaluations=[],
            team_ref=7,
            nonce="n" * 32,
            participants=["ouders"],
        ),
    )
    yield (
        "opp nudge",
        opp_nudge_card(
            lang="nl",
            row=ROW,
            stage="late",
            trend=Trend(DAY, 3, 2, 3.0, 2.0, 4.0, 1),
            participants=["ouders"],
            behavioural_scientist=None,
            team_ref=7,
            nonce="n" * 32,
        ),
    )
    yield "erase", erase_card(lang="nl", name="Noah", team_ref=7, person_id=3)
    yield "names", choice_buttons_card(title="Wie?", buttons=[("Noah", "leerling #3")])


def filled_in(card: dict[str, Any]) -> dict[str, str]:
    """Each input of the card as a person would send it: its value, or a first choice."""
    found = {}
    for field in inputs(card):
        choices = field.get("choices") or [{"value": "tekst"}]
        found[field["id"]] = field.get("value") or choices[0]["value"]
    if "day" in found:
        found["day"] = DAY.isoformat()
    return found


@pytest.mark.parametrize(("name", "card"), list(staff_cards()))
def test_every_button_and_input_is_read_by_its_model(name: str, card: dict[str, Any]) -> None:
    typed = filled_in(card)
    read_by: set[str] = set()
    for submit in (n for n in walk(card) if n.get("type") == "Action.Submit"):
        model = router.card_actions[submit["data"]["verb"]].answer
        assert model is not CardAnswer, (name, submit["data"]["verb"])
        answer = model.read({**submit["data"], **typed})
        assert answer.button_data().items() >= submit["data"].items(), name
        read_by |= set(model.model_fields)
    assert set(typed) <= read_by, name  # an input no button reads would be lost


def test_the_contact_card_reads_back_what_was_typed() -> None:
    card = contact_card(
        lang="nl", pupils=[(1, "Sanne")], team_ref=7, nonce="n" * 32, today=DAY, contact_id=9
    )
    sent = {
        **card["actions"][0]["data"],
        "pupil": "1",
        "kind": "voortgangsgesprek",
        "minutes": "",
        "day": "2026-11-20",
        "note": " gaat\x1b beter ",
        "agreements": "",
        "msteams": {"x": 1},  # Teams' own: read, never used
    }
    assert ContactForm.read(sent).model_copy(update={"msteams": None}) == ContactForm(
        verb="contact.save",
        team=7,
        nonce="n" * 32,
        contact=9,
        pupil=1,
        kind="voortgangsgesprek",
        day=date(2026, 11, 20),
        note="gaat beter",
    )


@pytest.mark.parametrize(
    "odd",
    [
        {"pupil": "²"},
        {"pupil": True},
        {"kind": "feest"},
        {"kind": ["bellen"]},
        {"minutes": "٣٠"},
        {"minutes": 721},
        {"minutes": 0},
        {"day": "２０２６-11-23"},
        {"day": "morgen"},
        {"day": True},
        {"note": 5},
        {"note": "x" * 1001},
        {"agreements": {"a": 1}},
        {"nonce": "kort"},
        {"nonce": 12345678},
        {"contact": "x"},
        {"alert": 0},
        {"team": "²"},
    ],
)
def test_the_contact_form_refuses_what_its_card_cannot_send(odd: dict[str, Any]) -> None:
    with pytest.raises(BadAnswer) as refused:
        ContactForm.read({"verb": "contact.save", "nonce": "n" * 32, **odd})
    (field,) = odd
    assert str(refused.value) == f"ContactForm: {field}"  # the field, never what was sent


@pytest.mark.parametrize(
    ("sent", "read"),
    [
        ({}, {"day": None, "minutes": None, "note": None}),
        ({"day": "", "minutes": "", "note": "  "}, {"day": None, "minutes": None, "note": None}),
        ({"day": "20261120", "minutes": 90}, {"day": date(2026, 11, 20), "minutes": 90}),
        ({"note": "x" * 1000}, {"note": "x" * 1000}),
    ],
)
def test_the_contact_form_reads_empty_fields_as_none(
    sent: dict[str, Any], read: dict[str, Any]
) -> None:
    form = ContactForm.read({"verb": "contact.save", "nonce": "n" * 32, **sent})
    assert {name: getattr(form, name) for name in read} == read


def test_the_evaluation_form_reads_who_took_part() -> None:
    base = {"verb": "opp.record", "pupil": "3", "nonce": "n" * 32}
    assert EvaluationForm.read({**base, "participants": "ouders,,mentor"}).participants == (
        "ouders",
        "mentor",
    )
    assert EvaluationForm.read({**base, "participants": ""}).participants == ()
    for odd in ("x,ouders", ["ouders"], 5):
        with pytest.raises(BadAnswer):
            EvaluationForm.read({**base, "participants": odd})
    with pytest.raises(BadAnswer):
        EvaluationForm.read({"verb": "opp.record", "nonce": "n" * 32})  # the card names the pupil


@pytest.mark.parametrize("text", ["", "   ", "x" * 301, 5, ["hulp"], None])
def test_a_command_button_carries_a_line_of_at_most_300_characters(text: Any) -> None:
    with pytest.raises(BadAnswer):
        CommandLine.read({"verb": "command", "text": text})
    assert CommandLine.read({"verb": "command", "text": " hulp " + "x" * 294}).text.startswith(" ")


def test_ids_are_read_as_ids() -> None:
    for model, field in ((AlertAnswer, "alert"), (Erasure, "person"), (PupilChoice, "pupil")):
        assert getattr(model.read({"verb": "v", field: "12"}), field) == 12
        for odd in ("²", 0, True, 2**31, "1; drop"):
            with pytest.raises(BadAnswer):
                model.read({"verb": "v", field: odd})
