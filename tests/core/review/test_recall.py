"""Searching with options, memory matches with a diff, and concordance (issue 9)."""

import pytest

from tests.core.review.conftest import TARGETS
from workbench.core.errors import InputError
from workbench.core.memory import ORIGIN_CATALOG, MemoryUnit, TranslationMemory
from workbench.core.review import ReviewSession, SearchQuery, StatusFilter, source_diff


@pytest.fixture
def memory_path(tmp_path, seed):
    path = tmp_path / "memory.sqlite"
    first = seed.segments[0].text
    changed = first.replace(first.split()[0], "Autrefois", 1)
    with TranslationMemory(path) as memory:
        memory.add_many(
            [
                MemoryUnit(changed, "Remembered in English.", "fr", "en", ORIGIN_CATALOG),
                MemoryUnit("Le Président a parlé.", "The President spoke.", "fr", "en", "tmx"),
                MemoryUnit("Un autre texte.", "Another text.", "fr", "en", "tmx"),
            ]
        )
    return path


def test_search_options():
    plain = SearchQuery("bakou")
    assert plain.spans("À Bakou, bakou") == [(2, 7), (9, 14)]
    assert SearchQuery("bakou", match_case=True).spans("À Bakou, bakou") == [(9, 14)]
    assert SearchQuery(r"\d{4}", regex=True).spans("en 2020 et 19") == [(3, 7)]
    assert SearchQuery("a.c").spans("abc a.c") == [(4, 7)]  # not a regex unless asked
    with pytest.raises(InputError, match="not a regular expression"):
        SearchQuery("(", regex=True).spans("x")


def test_select_and_contains_take_a_query(seed, tmp_path):
    session = ReviewSession.open(seed.path, TARGETS, tmp_path / "locales")
    word = seed.segments[0].text.split()[0]
    assert 0 in session.select(StatusFilter.ALL, ["en"], SearchQuery(word, match_case=True))
    assert not session.contains(0, SearchQuery(word.swapcase(), match_case=True), [])
    assert session.contains(0, word.swapcase(), [])


def test_memory_matches_with_what_changed(seed, tmp_path, memory_path):
    session = ReviewSession.open(seed.path, TARGETS, tmp_path / "locales", memory_path=memory_path)
    try:
        matches = session.memory_matches(0, "en")
        assert matches and matches[0].target == "Remembered in English."
        assert 75 <= matches[0].percent < 100
        pieces = source_diff(matches[0].source, seed.segments[0].text)
        kinds = {piece.kind for piece in pieces}
        assert kinds == {"equal", "inserted", "deleted"}
        assert [p.text for p in pieces if p.kind == "deleted"] == ["Autrefois"]
        assert "".join(p.text for p in pieces if p.kind != "deleted") == seed.segments[0].text
        assert session.memory_matches(0, "az") == ()  # nothing remembered into az
    finally:
        session.close_memory()


def test_concordance(seed, tmp_path, memory_path):
    session = ReviewSession.open(seed.path, TARGETS, tmp_path / "locales", memory_path=memory_path)
    try:
        found = session.concordance("président", "en")
        assert [unit.target for unit in found] == ["The President spoke."]
        assert [u.source for u in session.concordance("another TEXT", "en")] == ["Un autre texte."]
        assert session.concordance("  ", "en") == []
    finally:
        session.close_memory()


def test_no_memory_file_is_created_by_looking(seed, tmp_path):
    path = tmp_path / "none.sqlite"
    session = ReviewSession.open(seed.path, TARGETS, tmp_path / "locales", memory_path=path)
    assert session.memory_matches(0, "en") == () and session.concordance("a", "en") == []
    assert not path.exists()
