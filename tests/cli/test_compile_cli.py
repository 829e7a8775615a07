"""`workbench compile`: .mo files next to the catalogs, and --check for stale ones."""

import gettext

import pytest

from tests.cli.conftest import one_line_error
from tests.support.po_catalogs import Entry, write_catalog


@pytest.fixture
def locales(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_catalog(
        tmp_path / "locales/en/LC_MESSAGES/news.po",
        [("Bonjour.", "Hello."), Entry("Pourquoi ?", "Why?", fuzzy=True), ("Merci.", "")],
    )
    write_catalog(
        tmp_path / "locales/az/LC_MESSAGES/news.po", [("Bonjour.", "Salam.")], language="az"
    )
    return tmp_path / "locales"


def test_compile_writes_every_mo_and_says_what_it_left_out(locales, run):
    result = run("compile")  # locales/ by default
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "locales/az/LC_MESSAGES/news.po -> news.mo: 1 message",
        "locales/en/LC_MESSAGES/news.po -> news.mo: 1 message; 1 fuzzy, 1 untranslated left out",
    ]
    with (locales / "az/LC_MESSAGES/news.mo").open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Bonjour.") == "Salam."
    translation = gettext.translation("news", localedir=locales, languages=["en"])
    assert translation.gettext("Bonjour.") == "Hello."
    assert translation.gettext("Pourquoi ?") == "Pourquoi ?"


def test_check_exits_1_while_a_mo_is_stale_and_writes_nothing(locales, run):
    result = run("compile", "--check")
    assert result.exit_code == 1
    assert (
        "locales/en/LC_MESSAGES/news.mo: out of date (1 message; 1 fuzzy, 1 untranslated left out)"
        in result.output
    )
    assert result.output.splitlines()[-1] == "2 of 2 .mo files out of date; run 'workbench compile'"
    assert not list(locales.rglob("*.mo"))
    run("compile", locales / "az")
    result = run("compile", "--check", locales)
    assert result.exit_code == 1
    assert f"{locales}/az/LC_MESSAGES/news.mo: up to date (1 message)" in result.output
    run("compile", locales)
    assert run("compile", "--check", locales).exit_code == 0


def test_bad_input_is_one_line_and_writes_nothing(locales, run, tmp_path):
    (locales / "az/LC_MESSAGES/news.po").write_text('msgid "x"\nmsgstr "open\n', encoding="utf-8")
    assert "is not a valid PO file" in one_line_error(run("compile"))
    assert not list(locales.rglob("*.mo"))
    assert "not found: " in one_line_error(run("compile", tmp_path / "nothing-here"))
    (tmp_path / "empty").mkdir()
    assert "no .po catalogs in" in one_line_error(run("compile", tmp_path / "empty"))


def test_a_catalog_with_fatal_errors_is_refused_in_one_line_unless_forced(locales, run):
    bad = locales / "az/LC_MESSAGES/news.po"
    text = bad.read_text(encoding="utf-8")
    bad.write_text(
        text + '\n#, python-format\nmsgid "%(name)s left"\nmsgstr "getdi"\n', encoding="utf-8"
    )
    result = run("compile")
    assert result.exit_code == 1
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith("workbench: error: locales/az/LC_MESSAGES/news.po:")
    assert "'name'" in line and "--force" in line
    assert not list(locales.rglob("*.mo"))
    result = run("compile", "--force")
    assert result.exit_code == 0, result.output
    assert (locales / "az/LC_MESSAGES/news.mo").exists()
