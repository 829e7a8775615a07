"""`workbench import`: a catalog edited in Poedit merged back, conflicts listed, memory fed."""

from pathlib import Path

import polib
import pytest

from tests.cli.conftest import one_line_error
from tests.support.po_catalogs import Entry, write_catalog
from workbench.core.memory import TranslationMemory

LOCAL = "locales/az/LC_MESSAGES/news.po"


@pytest.fixture
def edited(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_catalog(
        tmp_path / LOCAL,
        [
            ("Bonjour.", ""),
            Entry("Merci.", "Maşın tərcüməsi.", fuzzy=True),
            ("Le président est arrivé.", "Prezident gəldi."),
        ],
        language="az",
    )
    write_catalog(
        tmp_path / "from-poedit" / "news.po",
        [
            ("Bonjour.", "Salam."),
            ("Merci.", "Təşəkkürlər."),
            ("Le président est arrivé.", "Prezident təşrif gətirdi."),
        ],
        language="az",
    )
    return tmp_path


def test_import_reports_conflicts_and_exits_1(edited, run):
    result = run("import", "from-poedit/news.po", "--tm", "tm.sqlite")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"conflict: {LOCAL}:")
    assert (
        "'Le président est arrivé.': kept local 'Prezident gəldi.', "
        "the other ('Prezident təşrif gətirdi.') saved as a comment"
    ) in lines[0]
    assert lines[-1] == (
        f"from-poedit/news.po -> {LOCAL}: 2 updated, 0 unchanged, 1 conflicts, 2 new in the memory"
    )
    merged = {e.msgid: e for e in polib.pofile(LOCAL)}
    assert merged["Bonjour."].msgstr == "Salam."
    assert (merged["Merci."].msgstr, merged["Merci."].flags) == ("Təşəkkürlər.", [])
    assert merged["Le président est arrivé."].msgstr == "Prezident gəldi."
    with TranslationMemory(Path("tm.sqlite")) as memory:
        assert memory.lookup("Merci.", "fr", "az")[0].target == "Təşəkkürlər."


def test_theirs_resolves_the_conflict(edited, run):
    result = run("import", "from-poedit/news.po", "--theirs", "--no-tm")
    assert result.exit_code == 0, result.output
    assert "kept incoming 'Prezident təşrif gətirdi.'" in result.output
    assert result.output.splitlines()[-1].endswith("2 updated, 0 unchanged, 1 conflicts")
    merged = {e.msgid: e for e in polib.pofile(LOCAL)}
    assert merged["Le président est arrivé."].msgstr == "Prezident təşrif gətirdi."
    assert "Prezident gəldi." in merged["Le président est arrivé."].tcomment


def test_the_default_memory_is_fed(edited, run, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    run("import", "from-poedit/news.po")
    with TranslationMemory(tmp_path / "data" / "workbench" / "memory.sqlite") as memory:
        assert len(memory) == 2


def test_a_malformed_catalog_is_one_line_and_nothing_is_written(edited, run):
    before = Path(LOCAL).read_bytes()
    Path("from-poedit/news.po").write_text('msgid "Bonjour."\nmsgstr "Salam\n', encoding="utf-8")
    error = one_line_error(run("import", "from-poedit/news.po", "--tm", "tm.sqlite"))
    assert "from-poedit/news.po is not a valid PO file" in error
    assert Path(LOCAL).read_bytes() == before
    assert not Path("tm.sqlite").exists()


def test_a_domain_that_has_no_local_catalog(edited, run):
    error = one_line_error(run("import", "from-poedit/news.po", "--domain", "other", "--no-tm"))
    assert "no local catalog locales/az/LC_MESSAGES/other.po" in error
