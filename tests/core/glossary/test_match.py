"""Finding glossary terms in source text: normalisation, whole words, longest match, overlaps."""

from __future__ import annotations

import itertools

import pytest

from workbench.core.glossary import Concept, Glossary, Term, TermStatus, find_terms
from workbench.core.glossary.match import TermAutomaton


def glossary(*concepts: tuple[str, list[tuple[str, str]]]) -> Glossary:
    return Glossary(
        tuple(
            Concept(cid, tuple(Term(text, lang) for text, lang in terms)) for cid, terms in concepts
        )
    )


AZ = glossary(
    ("republic", [("République d'Azerbaïdjan", "fr"), ("Republic of Azerbaijan", "en")]),
    ("azerbaijan", [("Azerbaïdjan", "fr"), ("Azerbaijan", "en")]),
    ("who", [("OMS", "fr"), ("Organisation mondiale de la santé", "fr"), ("WHO", "en")]),
    ("covid", [("Covid-19", "fr")]),
    ("nam", [("Mouvement des non-alignés", "fr")]),
    ("hajiyev", [("H.Hadjiyev", "fr")]),
    ("un", [("ONU", "fr"), ("Nations Unies", "fr")]),
    ("unga", [("Assemblée générale des Nations Unies", "fr")]),
)


def found(text: str, lang: str = "fr", g: Glossary = AZ) -> list[tuple[str, str]]:
    return [(m.text, m.concept.id) for m in find_terms(g, text, lang, inflected=False)]


def test_french_elision_before_a_term() -> None:
    assert found("le budget de l'OMS") == [("OMS", "who")]
    assert found("les frontières d'Azerbaïdjan") == [("Azerbaïdjan", "azerbaijan")]
    assert found("jusqu'Azerbaïdjan et qu'OMS") == [("Azerbaïdjan", "azerbaijan"), ("OMS", "who")]


def test_typographic_and_straight_apostrophes_are_the_same() -> None:
    assert found("la République d’Azerbaïdjan") == [("République d’Azerbaïdjan", "republic")]
    assert found("la République d'Azerbaïdjan") == [("République d'Azerbaïdjan", "republic")]
    assert found("l’OMS") == [("OMS", "who")]


def test_case_is_ignored_for_ordinary_terms() -> None:
    assert found("LA RÉPUBLIQUE D'AZERBAÏDJAN") == [("RÉPUBLIQUE D'AZERBAÏDJAN", "republic")]
    assert found("mouvement des Non-Alignés") == [("mouvement des Non-Alignés", "nam")]


def test_all_capital_terms_match_capitals_only() -> None:
    assert found("the WHO said", "en") == [("WHO", "who")]
    assert found("those who said", "en") == []


def test_nfc_and_nfd_text_match_with_offsets_into_the_original() -> None:
    decomposed = "la Re\u0301publique d'Azerbai\u0308djan"
    [match] = find_terms(AZ, decomposed, "fr", inflected=False)
    assert decomposed[match.start : match.end] == "Re\u0301publique d'Azerbai\u0308djan"
    assert match.concept.id == "republic"


def test_hyphen_and_space_variants() -> None:
    assert found("le Covid 19") == [("Covid 19", "covid")]
    assert found("le Covid–19") == [("Covid–19", "covid")]
    assert found("Mouvement des non alignés") == [("Mouvement des non alignés", "nam")]


def test_spacing_around_punctuation_inside_a_term() -> None:
    assert found("a dit H. Hadjiyev.") == [("H. Hadjiyev", "hajiyev")]
    assert found("a dit H.Hadjiyev.") == [("H.Hadjiyev", "hajiyev")]


def test_whole_words_only() -> None:
    assert found("AzerbaïdjanAirlines et ONUSIDA et COMS") == []
    assert found("pré-Azerbaïdjan") == [("Azerbaïdjan", "azerbaijan")]


def test_longest_match_wins() -> None:
    assert found("la République d'Azerbaïdjan") == [("République d'Azerbaïdjan", "republic")]
    assert found("l'Assemblée générale des Nations Unies") == [
        ("Assemblée générale des Nations Unies", "unga")
    ]
    assert found("les Nations Unies") == [("Nations Unies", "un")]


def test_overlaps_are_resolved_longest_then_leftmost() -> None:
    g = glossary(
        ("ab", [("alpha beta", "en")]),
        ("bc", [("beta gamma", "en")]),
        ("bcd", [("beta gamma delta", "en")]),
    )
    assert found("alpha beta gamma", "en", g) == [("alpha beta", "ab")]
    assert found("alpha beta gamma delta", "en", g) == [("beta gamma delta", "bcd")]


def test_equal_spans_prefer_non_deprecated_terms_then_glossary_order() -> None:
    g = Glossary(
        (
            Concept("wrong", (Term("Baku", "az", TermStatus.DEPRECATED),)),
            Concept("first", (Term("Baku", "az"),)),
            Concept("second", (Term("Baku", "az"),)),
        )
    )
    assert [m.concept.id for m in find_terms(g, "Baku", "az")] == ["first"]


def test_offsets_point_into_the_text() -> None:
    text = "À l'initiative de l'OMS, la République d'Azerbaïdjan…"
    for match in find_terms(AZ, text, "fr", inflected=False):
        assert text[match.start : match.end] == match.text


def test_every_occurrence_is_reported() -> None:
    assert [m.start for m in find_terms(AZ, "OMS, OMS et OMS", "fr", inflected=False)] == [0, 5, 12]


def test_thousands_of_terms_find_what_two_of_them_find() -> None:
    """Each term is found where it occurs, however many others the automaton holds. (What it
    costs against the number of terms is bench/glossary_match.py's to measure, not a test's.)"""
    words = [f"w{i}x" for i in range(3000)]
    pairs = list(itertools.pairwise(words))
    large = TermAutomaton("en", [(f"{a} {b}", i, i) for i, (a, b) in enumerate(pairs)])
    two = TermAutomaton(
        "en", [(f"{a} {b}", i, i) for i, (a, b) in enumerate(pairs) if i in (10, 2500)]
    )
    # Every seventh word (no two of them make a term), with the two terms among them.
    text = " ".join([*words[::7], *pairs[2500], *words[1::7], *pairs[10]])
    assert len(large) == 2999
    matches = large.find(text)
    assert [m.payload for m in matches] == [2500, 10]
    assert [text[m.start : m.end] for m in matches] == ["w2500x w2501x", "w10x w11x"]
    assert matches == two.find(text)


@pytest.mark.parametrize("term", ["", "—", "  "])
def test_terms_without_words_are_ignored(term: str) -> None:
    assert len(TermAutomaton("en", [(term, 0, 0)])) == 0
