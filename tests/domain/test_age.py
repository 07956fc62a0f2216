"""Age bands: typed in either language, and a pupil's own band before the team's default."""

from __future__ import annotations

import pytest

from domain.age import AgeBand, band_of, effective_band


@pytest.mark.parametrize(
    ("typed", "band"),
    [
        ("jong", AgeBand.JONG),
        ("Young", AgeBand.JONG),
        (" midden ", AgeBand.MIDDEN),
        ("older", AgeBand.OUD),
        ("OUD", AgeBand.OUD),
        ("baby", None),
        ("", None),
    ],
)
def test_a_band_is_typed_in_dutch_or_english(typed: str, band: AgeBand | None) -> None:
    assert band_of(typed) is band


def test_a_pupils_own_band_comes_before_the_teams_default() -> None:
    assert effective_band("jong", "oud") is AgeBand.JONG
    assert effective_band(None, "oud") is AgeBand.OUD
    assert effective_band(None, "unknown") is AgeBand.MIDDEN
