"""Words of distress: what must reach a mentor at once, and everyday sentences that must not."""

from __future__ import annotations

import pytest

from domain.distress import (
    any_distress,
    builtin,
    extra_key,
    find_distress,
    matches,
    normalise,
)
from domain.distress_phrases import DUTCH, ENGLISH

DISTRESS_NL = [
    "ik wil niet meer leven",
    "Ik wil dood",
    "ik wil gewoon dood.",
    "ik wil echt dood",
    "ikke wil doooood",
    "k wil dood",
    "wil dood",
    "ik wil doodgaan",
    "ik wil dood gaan",
    "ik wil sterven",
    "ik wil niet meer, niemand snapt me",
    "ik wil niet meer",
    "Ik wil niet meer...",
    "ik wil echt niet meer hoor",
    "ik wil niet meer 😢",
    "ik wil niet meer ik ben zo moe",
    "wil niet meer",
    "ik denk steeds aan zelfmoord",
    "ik heb zelfmoordgedachten",
    "ik wil zelf moord plegen",
    "ik ga zelfmoord plegen",
    "ik snij mezelf",
    "ik snijd mezelf soms",
    "ik snij mezelf elke avond",
    "ik doe mezelf pijn",
    "ik wil mezelf pijn doen",
    "ik wil mezelf iets aandoen",
    "soms wil ik mezelf wat aandoen",
    "ik heb mezelf expres pijn gedaan",
    "ik snij in mijn armen",
    "mijn vader slaat me",
    "mijn stiefvader slaat mij als mama weg is",
    "mijn moeder schopt me",
    "papa sloeg me gisteren weer",
    "iemand thuis doet me pijn",
    "thuis doen ze me pijn",
    "mijn oom raakt me aan",
    "ik word thuis geslagen",
    "ik word mishandeld",
    "ik durf niet naar huis",
    "ik ben bang voor mijn vader",
    "ik voel me niet veilig thuis",
    "ik wil er niet meer zijn",
    "ik wil er een eind aan maken",
    "ik maak er een einde aan",
    "ik wil mijn leven beëindigen",
    "ik wou dat ik dood was",
    "was ik maar nooit geboren",
    "het leven heeft geen zin",
    "ik heb geen zin meer in het leven",
    "niemand zou me missen",
    "iedereen is beter af zonder mij",
    "ik wil niet meer wakker worden",
    "ik ben het leven moe",
    "ik wil van het dak springen",
    "ik ga voor de trein springen",
    "ik wil mezelf van kant maken",
    "mijn vader slaat mijn moeder",
    "IK WIL DOOD!!!",
    "ik w1l... nee ik wil gewoon dood",
    "ik wil niet meer leve",
    "ik wil nie meer leven",
]

DISTRESS_EN = [
    "I want to die",
    "i wanna die",
    "I just want to die.",
    "i want to be dead",
    "I want to kill myself",
    "sometimes i think i should kill myself",
    "im gonna kms",
    "i don't want to live anymore",
    "I dont want to be alive",
    "i don't want to exist",
    "I don't want to be here anymore",
    "I wish I was dead",
    "i wish i was never born",
    "I'm suicidal",
    "I've been thinking about suicide",
    "i want to end my life",
    "i want to end it all",
    "everyone would be better off without me",
    "I'm better off dead",
    "nobody would miss me",
    "no one would care if i died",
    "there's no reason to live",
    "my life is pointless",
    "I'm tired of living",
    "i cut myself",
    "I cut myself again last night",
    "i keep cutting myself",
    "I want to hurt myself",
    "i hurt myself on purpose",
    "I've been self-harming",
    "self harm",
    "i burn myself sometimes",
    "someone at home hurts me",
    "my dad hits me",
    "My stepdad beats me",
    "my mom slaps me when she is angry",
    "my brother kicks me",
    "my uncle touches me",
    "I get hit at home",
    "i'm being abused",
    "I'm scared to go home",
    "I'm afraid of my dad",
    "i don't feel safe at home",
    "my dad hits my mom",
    "I want to jump off a bridge",
    "i dont wake up ever again i hope, i dont want to wake up anymore",
    "I WANT TO DIEEEE",
]

EVERYDAY_NL = [
    "de plant is dood",
    "ik snij de appel",
    "ik wil niet meer rekenen",
    "ik wil niet meer naar school",
    "ik wil niet meer dan twee sommen",
    "ik wil niet meer online les",
    "ik ga dood van verveling",
    "ik ga dood van de honger",
    "ik wil dood van verveling",
    "ik lach me dood",
    "ik verveel me dood",
    "ik schaam me dood",
    "ik schrok me dood",
    "ik wil doodgraag naar de film",
    "ik wil dood graag een hond",
    "mijn vis is dood gegaan",
    "mijn opa is vorig jaar dood gegaan",
    "de batterij van mijn laptop is dood",
    "mijn laptop wil niet meer",
    "ik ging dood in Minecraft",
    "ik wil de draak dood maken in het spel",
    "ik heb mezelf gesneden aan een blad papier",
    "ik heb mijn knie pijn gedaan bij gym",
    "mijn buik doet pijn",
    "ik heb hoofdpijn",
    "de klok slaat twaalf",
    "hij slaat de bal heel hard",
    "mijn vader verslaat me altijd met schaken",
    "ik werd geschopt bij voetbal",
    "ik ben bang voor spinnen",
    "ik ben bang voor de toets",
    "ik durf niet naar de tandarts",
    "ik voel me niet zo goed",
    "ik ben moe",
    "ik wil niet dood",
    "ik ben bang dat mijn kat doodgaat",
    "we leren over de Tweede Wereldoorlog",
    "ik snij het papier doormidden",
    "ze zat me aan te staren",
    "ik heb een kras op mijn arm van de kat",
    "ik wil meer leven in de brouwerij",
    "mijn leven is leuk",
    "ik wil lekker leven",
    "ik ben klaar met mijn huiswerk",
]

EVERYDAY_EN = [
    "this homework is killing me",
    "I'm dying to see that movie",
    "my phone is dead",
    "I killed it at the test",
    "the plant died",
    "I cut the paper",
    "I cut myself on a piece of paper",
    "I hurt my knee at football",
    "I hurt myself at football",
    "I don't want to do maths anymore",
    "I don't want to go to school anymore",
    "I want to dye my hair blue",
    "I want to die my hair blue",
    "we learned how the dinosaurs died",
    "my grandma died last year",
    "my dad beat me at chess",
    "my brother always beats me in fifa",
    "beats me",
    "I don't want to die",
    "Suicide Squad is my favourite film",
    "I walked 5 kms today",
    "I died in Fortnite",
    "my mom is going to kill me if I fail",
    "I nearly died laughing",
    "I'm dead tired",
    "life skills class is boring",
    "I don't want to wake up early",
    "I'm scared of spiders",
    "the ball hit me in the face",
    "I love my life",
    "I feel a bit sick today",
    "can we talk tomorrow?",
    "I don't want to be in this group",
    "that joke killed me",
    "I'm tired of this game",
]


@pytest.mark.parametrize("sentence", DISTRESS_NL + DISTRESS_EN)
def test_words_of_distress_are_found(sentence: str) -> None:
    assert find_distress(sentence), sentence


@pytest.mark.parametrize("sentence", EVERYDAY_NL + EVERYDAY_EN)
def test_everyday_sentences_stay_quiet(sentence: str) -> None:
    assert matches(sentence) == (), sentence


def test_the_lists_are_long_enough_in_both_languages() -> None:
    assert len(DISTRESS_NL) >= 40 and len(EVERYDAY_NL) >= 40
    assert len(DISTRESS_EN) >= 40 and len(EVERYDAY_EN) >= 30
    assert len(DISTRESS_NL + DISTRESS_EN) >= 80 and len(EVERYDAY_NL + EVERYDAY_EN) >= 75


def test_every_phrase_compiles_and_has_a_unique_id() -> None:
    ids = [phrase_id for phrase_id, _ in (*DUTCH, *ENGLISH)]
    assert len(ids) == len(set(ids))
    assert len(builtin()) == len(ids)


def test_normalising_folds_case_accents_apostrophes_repeats_and_punctuation() -> None:
    assert normalise("Ik wil NIET meer... niemand snapt me!!") == (
        " ik wil niet mer . niemand snapt me "
    )
    assert normalise("I don't") == " i dont "
    assert normalise("beëindigen") == " beindigen "
    assert normalise("dooooood 😭😭") == " dod "
    assert normalise("") == "  "


def test_matches_name_phrase_ids_never_words() -> None:
    found = matches("ik wil dood en ik snij mezelf")
    assert set(found) == {"nl.wil_dood", "nl.snij_mezelf"}


def test_a_teams_own_phrases_match_as_whole_words() -> None:
    extra = ["Ik ben zo alleen", "zwarte gat"]
    assert matches("ik ben zoooo alleen...", extra) == ("extra:0",)
    assert matches("het zwarte gat trekt", extra) == ("extra:1",)
    assert matches("het zwarte gatje", extra) == ()
    assert extra_key("  Ik ben BANG!  ") == "ik ben bang"
    assert extra_key("!!!") == ""
    assert matches("zomaar iets", ["!!!"]) == ()


def test_any_of_several_texts() -> None:
    assert any_distress([None, "rekenen blz 12", "ik wil dood"])
    assert not any_distress([None, "", "rekenen blz 12"])
