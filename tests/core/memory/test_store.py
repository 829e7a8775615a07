"""The translation memory: storing, exact and fuzzy lookup, catalogs, and bad files."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import polib
import pytest
from rapidfuzz import fuzz, process

from bench.memory_lookup import edited, sentence, vocabulary
from workbench.core.errors import InputError, WorkbenchError
from workbench.core.memory import (
    MemoryMatch,
    MemoryUnit,
    TranslationMemory,
    default_memory_path,
    normalise_key,
)

SOURCE = "Le président a signé le décret sur la réforme des retraites."
TARGET = "The president signed the decree on the pension reform."


@pytest.fixture
def memory(tmp_path: Path):
    with TranslationMemory(tmp_path / "tm.sqlite") as opened:
        yield opened


def unit(source: str, target: str, **extra) -> MemoryUnit:
    fields = {"source_lang": "fr", "target_lang": "en", "origin": "test"} | extra
    return MemoryUnit(source, target, **fields)


def test_default_path_is_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_memory_path() == tmp_path / "data" / "workbench" / "memory.sqlite"


def test_add_stores_a_pair_once(memory):
    assert memory.add(SOURCE, TARGET, "fr", "en", origin="catalog", document="news")
    assert not memory.add(SOURCE, TARGET, "fr", "en", origin="catalog")
    assert not memory.add(f"  {SOURCE}\n", TARGET, "fr", "en", origin="catalog")
    assert not memory.add("   ", TARGET, "fr", "en", origin="catalog")
    assert len(memory) == 1


def test_an_exact_match_ignores_white_space_and_unicode_composition(memory):
    memory.add(SOURCE, TARGET, "fr", "en", origin="catalog", document="news", created_by="ana")
    query = unicodedata.normalize("NFD", SOURCE.replace(" a ", "  a\n"))
    [match] = memory.lookup(query, "fr", "en")
    assert isinstance(match, MemoryMatch)
    assert (match.target, match.similarity, match.percent) == (TARGET, 1.0, 100)
    assert (match.origin, match.document, match.created_by) == ("catalog", "news", "ana")
    assert match.created_at.tzinfo is not None


def test_a_case_difference_is_a_fuzzy_match_below_100(memory):
    memory.add(SOURCE, TARGET, "fr", "en", origin="catalog")
    [match] = memory.lookup(SOURCE.lower(), "fr", "en")
    assert 0.9 < match.similarity < 1.0
    assert match.percent <= 99


def test_exact_matches_come_first_newest_first_then_fuzzy_best_first(memory):
    old, new = datetime(2020, 1, 1, tzinfo=UTC), datetime(2024, 1, 1, tzinfo=UTC)
    memory.add_many(
        [
            unit(SOURCE, "Old translation.", created_at=old),
            unit(SOURCE, "New translation.", created_at=new),
            unit(SOURCE.replace("décret", "décret-loi"), "Further."),
            unit(SOURCE.replace("le décret", "les décrets"), "Close."),
            unit("Une phrase sans rapport avec la question posée.", "Unrelated."),
        ]
    )
    matches = memory.lookup(SOURCE, "fr", "en")
    assert [m.target for m in matches] == [
        "New translation.",
        "Old translation.",
        "Close.",
        "Further.",
    ]
    assert [m.similarity == 1.0 for m in matches] == [True, True, False, False]
    assert matches[2].similarity > matches[3].similarity >= 0.75


def test_a_query_without_accents_finds_the_accented_sentence(memory):
    memory.add("Le président a signé le décret hier.", TARGET, "fr", "en", origin="catalog")
    [match] = memory.lookup("Le president a signe le decret hier.", "fr", "en")
    assert match.target == TARGET and 0.85 < match.similarity < 1.0


def test_threshold_and_limit(memory):
    memory.add_many(unit(SOURCE.replace("retraites", f"retraites {n}"), f"T{n}") for n in range(9))
    assert len(memory.lookup(SOURCE, "fr", "en", limit=3)) == 3
    assert memory.lookup(SOURCE, "fr", "en", threshold=1.0) == []
    assert memory.lookup("Rien à voir.", "fr", "en") == []


def test_lookup_matches_regional_variants_and_prefers_the_same_one(memory):
    memory.add_many(
        [
            unit(SOURCE, "Colour version.", source_lang="fr_FR", target_lang="en_GB"),
            unit(SOURCE, "Color version.", source_lang="fr", target_lang="en_US"),
        ]
    )
    assert [m.target for m in memory.lookup(SOURCE, "fr", "en_US")] == [
        "Color version.",
        "Colour version.",
    ]
    assert memory.lookup(SOURCE, "fr", "en_GB")[0].target == "Colour version."
    assert memory.lookup(SOURCE, "fr", "az") == []


def test_the_same_target_is_offered_once(memory):
    memory.add_many(
        [
            unit(SOURCE, TARGET, target_lang="en_GB"),
            unit(SOURCE, TARGET, target_lang="en_US"),
        ]
    )
    assert len(memory) == 2
    assert [m.target for m in memory.lookup(SOURCE, "fr", "en")] == [TARGET]


def test_lookup_many_answers_each_source_in_order(memory):
    memory.add(SOURCE, TARGET, "fr", "en", origin="catalog")
    results = memory.lookup_many([SOURCE, "Autre chose.", SOURCE + " Hier."], "fr", "en")
    assert [len(found) for found in results] == [1, 0, 1]
    assert results[2][0].similarity < 1.0


def test_fuzzy_lookup_sees_units_added_after_the_index_was_built(memory):
    memory.add("Première phrase du texte.", "First.", "fr", "en", origin="catalog")
    assert memory.lookup(SOURCE + " !", "fr", "en") == []  # builds the index
    memory.add(SOURCE, TARGET, "fr", "en", origin="catalog")
    assert [m.target for m in memory.lookup(SOURCE + " !", "fr", "en")] == [TARGET]


def test_fuzzy_lookup_sees_units_another_process_added(tmp_path):
    path = tmp_path / "tm.sqlite"
    with TranslationMemory(path) as reader, TranslationMemory(path) as writer:
        assert reader.lookup(SOURCE + " !", "fr", "en") == []
        writer.add(SOURCE, TARGET, "fr", "en", origin="catalog")
        assert [m.target for m in reader.lookup(SOURCE + " !", "fr", "en")] == [TARGET]


def test_the_fuzzy_prefilter_finds_what_a_full_scan_finds(tmp_path):
    rng = random.Random(5)
    words, weights = vocabulary(rng, size=3000)
    sources = list(dict.fromkeys(sentence(rng, words, weights) for _ in range(3000)))
    queries = [edited(rng, rng.choice(sources), words, weights) for _ in range(150)]
    keys = [normalise_key(text) for text in sources]
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add_many(unit(text, f"T{n}") for n, text in enumerate(sources))
        expected_total = found_total = 0
        for query in queries:
            scan = process.extract(
                normalise_key(query), keys, scorer=fuzz.ratio, score_cutoff=75, limit=None
            )
            expected = {keys[index] for _, _, index in scan}
            found = memory.lookup(query, "fr", "en", limit=len(expected) + 1)
            expected_total += len(expected)
            found_total += len(expected & {normalise_key(m.source) for m in found})
    recall = found_total / expected_total
    print(f"fuzzy lookup recall against a full scan: {recall:.3f} ({expected_total} matches)")
    assert expected_total > 100
    assert recall >= 0.99


def test_units_and_stats(memory):
    memory.add_many(
        [
            unit(SOURCE, TARGET),
            unit("Bonjour.", "Salam.", target_lang="az"),
            unit("Merci.", "Sağ olun.", target_lang="az"),
        ]
    )
    assert [(u.source, u.target) for u in memory.units("fr", "az")] == [
        ("Bonjour.", "Salam."),
        ("Merci.", "Sağ olun."),
    ]
    assert [(c.source_lang, c.target_lang, c.units) for c in memory.stats()] == [
        ("fr", "az", 2),
        ("fr", "en", 1),
    ]


def test_add_many_is_all_or_nothing(memory):
    memory.add("Déjà là.", "Already there.", "fr", "en", origin="catalog")

    class FailingOnThirdInsert:
        def __init__(self, connection: sqlite3.Connection) -> None:
            self.connection, self.inserts = connection, 0

        def execute(self, sql: str, *parameters):
            if sql.startswith("INSERT"):
                self.inserts += 1
                if self.inserts == 3:
                    raise sqlite3.OperationalError("disk I/O error")
            return self.connection.execute(sql, *parameters)

        def close(self) -> None:
            self.connection.close()

    memory._connection = FailingOnThirdInsert(memory._connection)
    with pytest.raises(WorkbenchError, match="disk I/O error"):
        memory.add_many(unit(f"Phrase {n}.", f"Sentence {n}.") for n in range(5))
    with TranslationMemory(memory.path) as fresh:
        assert len(fresh) == 1


LOCK_HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_memory_another_process_locks_is_a_one_line_error(tmp_path):
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with TranslationMemory(path, timeout=0.2) as memory:
            with pytest.raises(WorkbenchError, match="locked by another program") as caught:
                memory.add(SOURCE, TARGET, "fr", "en", origin="catalog")
            assert "\n" not in str(caught.value)
            assert memory.lookup(SOURCE, "fr", "en") == []  # reading still works (WAL)
    finally:
        holder.communicate("", timeout=30)
    with TranslationMemory(path) as memory:  # the lock is gone and the file is intact
        assert memory.add(SOURCE, TARGET, "fr", "en", origin="catalog")


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "tm.sqlite"
    path.write_bytes(b"these are not the bytes of a database\n" * 200)
    with pytest.raises(InputError, match="not a usable translation memory") as caught:
        TranslationMemory(path)
    assert "\n" not in str(caught.value)
    assert path.read_bytes().startswith(b"these are not")


def test_someone_elses_sqlite_database_is_not_touched(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE accounts (name TEXT)")
    before = path.read_bytes()
    with pytest.raises(InputError, match="not a workbench translation memory"):
        TranslationMemory(path)
    assert path.read_bytes() == before


def test_a_memory_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "tm.sqlite"
    TranslationMemory(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(InputError, match="newer workbench"):
        TranslationMemory(path)


def test_a_folder_is_not_a_memory(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        TranslationMemory(tmp_path)


def write_catalog(path: Path, **headers: str) -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", **headers}
    po.append(polib.POEntry(msgid="Bonjour.", msgstr="Salam."))
    po.append(polib.POEntry(msgid="Un brouillon.", msgstr="Qaralama.", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Pas encore.", msgstr=""))
    po.append(polib.POEntry(msgid="Ancien.", msgstr="Köhnə.", obsolete=True))
    po.append(
        polib.POEntry(
            msgid="%d pays",
            msgid_plural="%d pays (pluriel)",
            msgstr_plural={0: "%d ölkə", 1: "%d ölkələr"},
        )
    )
    po.save(str(path))


def test_add_catalog_stores_only_approved_entries(memory, tmp_path):
    path = tmp_path / "news.po"
    write_catalog(
        path,
        Language="az",
        **{"X-Source-Language": "fr", "Last-Translator": "Leyla <leyla@example.org>"},
    )
    assert memory.add_catalog(path) == 3
    assert {(u.source, u.target) for u in memory.units("fr", "az")} == {
        ("Bonjour.", "Salam."),
        ("%d pays", "%d ölkə"),
        ("%d pays (pluriel)", "%d ölkələr"),
    }
    [match] = memory.lookup("Bonjour.", "fr", "az")
    assert (match.origin, match.document, match.created_by) == (
        "catalog",
        "news",
        "Leyla <leyla@example.org>",
    )
    assert memory.add_catalog(path) == 0


def test_add_catalog_needs_to_know_both_languages(memory, tmp_path):
    path = tmp_path / "news.po"
    write_catalog(path, Language="az")
    with pytest.raises(InputError, match="--from"):
        memory.add_catalog(path)
    assert memory.add_catalog(path, "fr") == 3
    write_catalog(path, **{"X-Source-Language": "fr"})
    with pytest.raises(InputError, match="set its Language header"):
        memory.add_catalog(path)


def test_add_catalog_refuses_a_malformed_catalog(memory, tmp_path):
    path = tmp_path / "broken.po"
    path.write_text('msgid "Bonjour."\nmsgstr "Salam.\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.po"):
        memory.add_catalog(path, "fr")
    assert len(memory) == 0
