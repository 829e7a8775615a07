"""The memory keys units by context too: "May" the month and "May" the verb are two units."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import polib

from workbench.core.memory import MemoryUnit, TranslationMemory
from workbench.core.memory.database import APPLICATION_ID, SCHEMA_VERSION

# The unit table of memory format 1, before contexts.
FORMAT_1 = """
CREATE TABLE unit (
    id INTEGER PRIMARY KEY, source_lang TEXT NOT NULL, target_lang TEXT NOT NULL,
    source_group TEXT NOT NULL, target_group TEXT NOT NULL, source TEXT NOT NULL,
    target TEXT NOT NULL, source_key TEXT NOT NULL, target_key TEXT NOT NULL,
    origin TEXT NOT NULL, document TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
    UNIQUE (source_group, target_group, source_key, target_key, source_lang, target_lang)
);
"""


def _may(target: str, context: str | None) -> MemoryUnit:
    return MemoryUnit("May", target, "en", "az", "test", context=context)


def test_exact_matches_need_the_same_context(tmp_path: Path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        assert memory.add_many([_may("May", "month"), _may("Bilər", "permission")]) == 2
        month, verb, bare = memory.lookup_many(
            ["May", "May", "May"], "en", "az", contexts=["month", "permission", None]
        )
        assert [(m.target, m.percent) for m in month] == [("May", 100), ("Bilər", 99)]
        assert [(m.target, m.percent) for m in verb] == [("Bilər", 100), ("May", 99)]
        assert all(m.percent < 100 for m in bare), "no context is another context"
        assert {unit.context for unit in memory.units()} == {"month", "permission"}


def test_the_same_text_under_another_context_is_a_99_percent_fuzzy_match(tmp_path: Path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add_many([_may("May", "month"), _may("Bilər", "permission")])
        memory.add_many([MemoryUnit("Mayor", "Mer", "en", "az", "test")])
        (verb,) = memory.lookup_many(["May"], "en", "az", threshold=0.5, contexts=["permission"])
        exact, other, fuzzy = verb
        assert (exact.target, exact.percent, exact.context) == ("Bilər", 100, "permission")
        assert (other.target, other.percent, other.context) == ("May", 99, "month")
        assert other.context_differs and not exact.context_differs
        assert fuzzy.target == "Mer" and fuzzy.percent < 99 and not fuzzy.context_differs
        # Looked up without a context, each remembered one is another context.
        bare = memory.lookup("May", "en", "az", threshold=0.9)
        assert {(m.target, m.percent) for m in bare} == {("May", 99), ("Bilər", 99)}
        # Remembered without a context, looked up with one.
        (title,) = memory.lookup_many(["Mayor"], "en", "az", threshold=0.9, contexts=["title"])
        assert [(m.target, m.percent) for m in title] == [("Mer", 99)]


def test_the_same_text_ranks_above_a_nearly_identical_text(tmp_path: Path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add_many(
            [
                MemoryUnit(
                    "Open the file now.", "Faylı indi aç.", "en", "az", "test", context="menu"
                ),
                MemoryUnit("Open the file now!", "Faylı indi aç!", "en", "az", "test"),
            ]
        )
        found = memory.lookup("Open the file now.", "en", "az", context="button")
        assert [m.target for m in found] == ["Faylı indi aç.", "Faylı indi aç!"]
        assert [m.percent for m in found] == [99, 94]


def test_an_exact_only_lookup_leaves_other_contexts_out(tmp_path: Path):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add_many([_may("May", "month")])
        assert memory.lookup("May", "en", "az", context="permission", threshold=1.0) == []
        assert [
            m.target for m in memory.lookup("May", "en", "az", context="month", threshold=1.0)
        ] == ["May"]


def test_approved_entries_of_a_catalog_keep_their_context(tmp_path: Path):
    po = polib.POFile()
    po.metadata = {"Language": "az", "X-Source-Language": "en"}
    po.append(polib.POEntry(msgctxt="month", msgid="May", msgstr="May"))
    po.append(polib.POEntry(msgctxt="permission", msgid="May", msgstr="Bilər"))
    path = tmp_path / "az.po"
    po.save(str(path))
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        assert memory.add_catalog(path) == 2
        (verb,) = memory.lookup_many(["May"], "en", "az", contexts=["permission"])
        assert [(m.target, m.percent) for m in verb] == [("Bilər", 100), ("May", 99)]


def test_a_format_1_memory_is_migrated_and_keeps_its_units(tmp_path: Path):
    path = tmp_path / "old.sqlite"
    connection = sqlite3.connect(path)
    connection.executescript(FORMAT_1)
    connection.execute(
        "INSERT INTO unit VALUES (1, 'en', 'az', 'en', 'az', 'May', 'May', 'May', 'May', "
        "'catalog', 'shop', '2026-01-01T00:00:00Z', 'Aysel')"
    )
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    connection.execute("PRAGMA user_version = 1")
    connection.commit()
    connection.close()

    with TranslationMemory(path) as memory:
        (old,) = memory.units()
        assert (old.source, old.target, old.created_by, old.context) == (
            "May",
            "May",
            "Aysel",
            None,
        )
        assert [m.target for m in memory.lookup("May", "en", "az")] == ["May"]
        assert memory.add_many([_may("May", "month")]) == 1  # same text, another context
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert check.execute("SELECT COUNT(*) FROM unit").fetchone()[0] == 2
    check.close()
