"""The question before an erasure (`wis`): a destructive "yes" that names the person, and a "no"."""

from __future__ import annotations

from typing import Any

from cards.answers import CardAnswer, Id
from cards.catalogue import Lang, t
from cards.common import Declined, confirm_card

ERASE, KEEP = "erase.confirm", "erase.cancel"


class Erasure(CardAnswer):
    """*Definitief wissen*: the person to erase."""

    person: Id


def erase_card(*, lang: Lang, name: str, team_ref: int, person_id: int) -> dict[str, Any]:
    """Are you sure you want to erase everything about `name`?"""
    return confirm_card(
        question=t("wis.confirm", lang, name=name),
        confirm=(
            t("wis.yes", lang),
            Erasure(verb=ERASE, team=team_ref, person=person_id).button_data(),
        ),
        cancel=(t("wis.no", lang), Declined(verb=KEEP, team=team_ref).button_data()),
    )
