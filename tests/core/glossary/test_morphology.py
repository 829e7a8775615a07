"""Inflected target terms: Azerbaijani suffixes with vowel harmony, English plural/possessive."""

from __future__ import annotations

import pytest

from workbench.core.glossary import Concept, Glossary, Term, find_terms
from workbench.core.glossary.morphology import morphology_for

AZ = Glossary(
    (
        Concept("azerbaijan", (Term("Azərbaycan", "az"),)),
        Concept("baku", (Term("Bakı", "az"),)),
        Concept("un", (Term("BMT", "az", term_type="acronym"),)),
        Concept("who", (Term("ÜST", "az", term_type="acronym"),)),
        Concept("azertac", (Term("AZƏRTAC", "az"),)),
        Concept("nam", (Term("Qoşulmama Hərəkatı", "az"),)),
        Concept("new-york", (Term("Nyu-York", "az"),)),
        Concept("covid", (Term("COVID-19", "az"),)),
        Concept("aliyev", (Term("İlham Əliyev", "az"),)),
    )
)
EN = Glossary(
    (
        Concept("nam", (Term("Non-Aligned Movement", "en"),)),
        Concept("un", (Term("UN", "en"),)),
        Concept("city", (Term("city", "en"),)),
        Concept("aliyev", (Term("Ilham Aliyev", "en"),)),
    )
)


def matched(glossary: Glossary, text: str, lang: str) -> list[str]:
    return [m.text for m in find_terms(glossary, text, lang)]


@pytest.mark.parametrize(
    "text",
    [
        "Azərbaycan",
        "Azərbaycanın",  # genitive, back harmony after -a-
        "Azərbaycana",  # dative
        "Azərbaycanda",  # locative
        "Azərbaycandan",  # ablative
        "Azərbaycanı",  # accusative
        "Azərbaycanla",  # instrumental
        "Azərbaycandakı",  # locative + relative
        "AZƏRBAYCANIN",  # capitals, Turkic I
        "Bakıya",  # buffer y after a vowel
        "Bakının",  # buffer n after a vowel
        "Bakıda",
        "BMT-nin",  # abbreviation read by letters: "be-em-te"
        "BMT-yə",
        "BMT-də",
        "BMT’nin",  # the apostrophe some writers borrow from Turkish
        "ÜST-ün",  # abbreviation read as a word
        "AZƏRTAC-ın",
        "Qoşulmama Hərəkatının",  # izafet compound: pronominal n
        "Qoşulmama Hərəkatına",
        "Qoşulmama Hərəkatında",
        "Nyu-Yorkda",
        "Nyu York",
        "COVID-19-a",  # numbers take a hyphen, harmony from "on doqquz"
        "COVID-19-un",
        "İlham Əliyevin",
        "İlham Əliyevə",
    ],
)
def test_azerbaijani_accepts_case_endings_with_harmony(text: str) -> None:
    assert matched(AZ, f"— {text} —", "az") == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Azərbaycanxyz",  # not a suffix
        "Azərbaycanin",  # wrong harmony: genitive after -a- is -ın
        "Azərbaycanə",  # wrong harmony
        "Azərbaycannın",  # buffer n after a consonant
        "Bakıa",  # missing buffer y
        "Bakıyə",  # wrong harmony
        "BMTnin",  # abbreviation suffix needs a hyphen
        "Qoşulmama Hərəkatıya",  # after the possessive -ı the dative is -na
        "Azərbaycanlı",  # a derived word (an Azerbaijani), not an inflection
        "Azerbaycan",  # a different word
    ],
)
def test_azerbaijani_rejects_anything_looser(text: str) -> None:
    found = matched(AZ, text, "az")
    assert text not in found
    assert not any(text.startswith(f) and len(f) > 3 and f != text for f in found if "-" not in f)


def test_abbreviation_followed_by_hyphenated_word_still_counts_once() -> None:
    assert matched(AZ, "BMT-Azərbaycan əməkdaşlığı", "az") == ["BMT", "Azərbaycan"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Non-Aligned Movement's summit", "Non-Aligned Movement's"),
        ("two Non-Aligned Movements", "Non-Aligned Movements"),
        ("the UN's call", "UN's"),
        ("many cities", "cities"),
        ("Ilham Aliyev’s speech", "Ilham Aliyev’s"),
    ],
)
def test_english_accepts_plural_and_possessive(text: str, expected: str) -> None:
    assert matched(EN, text, "en") == [expected]


@pytest.mark.parametrize("text", ["Non-Aligned Movementxyz", "citys", "UNx"])
def test_english_rejects_other_endings(text: str) -> None:
    assert matched(EN, text, "en") == []


@pytest.mark.parametrize(
    ("term", "attached", "expected"),
    [
        ("Azərbaycan", "nin", "Azərbaycanın"),  # re-harmonised genitive
        ("Azərbaycan", "ə", "Azərbaycana"),
        ("Azərbaycan", "-da", "Azərbaycanda"),
        ("Bakı", "ın", "Bakının"),
        ("Bakı", "a", "Bakıya"),
        ("BMT", "ın", "BMT-nin"),
        ("BMT", "-a", "BMT-yə"),
        ("ÜST", "nin", "ÜST-ün"),
        ("Qoşulmama Hərəkatı", "ya", "Qoşulmama Hərəkatına"),
        ("Qoşulmama Hərəkatı", "sının", "Qoşulmama Hərəkatının"),
        ("COVID-19", "a", "COVID-19-a"),
    ],
)
def test_azerbaijani_inflect_keeps_the_models_case_for_the_real_term(
    term: str, attached: str, expected: str
) -> None:
    assert morphology_for("az").inflect(term, attached) == expected


def test_inflect_refuses_what_is_not_a_suffix() -> None:
    assert morphology_for("az").inflect("Azərbaycan", "xyz") is None
    assert morphology_for("en").inflect("city", "xyz") is None
    assert morphology_for("en").inflect("city", "s") == "cities"
    assert morphology_for("en").inflect("Baku", "’s") == "Baku’s"
    assert morphology_for("de").inflect("Baku", "s") is None
