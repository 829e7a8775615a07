"""`workbench tm`: add catalogs, look up, export and import TMX, stats, and bad files."""

import json
from pathlib import Path

import pytest

from tests.cli.conftest import one_line_error
from tests.support.po_catalogs import Entry, write_catalog
from workbench.core.memory import TranslationMemory
from workbench.core.memory.tmx import read_tmx

AZ = "locales/az/LC_MESSAGES/news.po"
SENTENCE = "Le président a reçu les ambassadeurs au palais."


@pytest.fixture
def catalogs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_catalog(
        tmp_path / AZ,
        [
            (SENTENCE, "Prezident səfirləri sarayda qəbul etdi."),
            ("Bonjour.", "Salam."),
            Entry("Un brouillon.", "Qaralama.", fuzzy=True),
            ("Pas encore traduit.", ""),
        ],
        language="az",
    )
    return tmp_path


def test_add_then_lookup_exact_and_fuzzy(catalogs, run):
    result = run("tm", "add", AZ, "--tm", "tm.sqlite")
    assert result.exit_code == 0, result.output
    assert f"{AZ}: 2 approved, 2 new in the memory" in result.output

    exact = run("tm", "lookup", "Bonjour.", "--from", "fr", "--to", "az", "--tm", "tm.sqlite")
    assert exact.exit_code == 0, exact.output
    assert exact.output.splitlines()[0] == "100%  Salam."
    assert "catalog, news" in exact.output

    query = SENTENCE.replace("au palais", "au palais présidentiel")
    fuzzy = run("tm", "lookup", query, "--from", "fr", "--to", "az", "--tm", "tm.sqlite")
    first, second = fuzzy.output.splitlines()[:2]
    assert first.endswith("%  Prezident səfirləri sarayda qəbul etdi.")
    assert 75 <= int(first.split("%")[0]) < 100
    assert second.strip() == f"source: {SENTENCE}"

    again = run("tm", "add", AZ, "--tm", "tm.sqlite")
    assert f"{AZ}: 2 approved, 0 new in the memory" in again.output


def test_lookup_with_a_context(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    write_catalog(
        tmp_path / "az.po",
        [Entry("Mai", "May", msgctxt="mois"), Entry("Mai", "Mai", msgctxt="prénom")],
        language="az",
    )
    assert run("tm", "add", "az.po", "--tm", "tm.sqlite").exit_code == 0
    lookup = ("tm", "lookup", "Mai", "--from", "fr", "--to", "az", "--tm", "tm.sqlite")
    month = run(*lookup, "--context", "mois")
    assert month.exit_code == 0, month.output
    lines = month.output.splitlines()
    assert lines[0] == "100%  May"
    assert lines[2:4] == [" 99%  Mai", "      context: prénom, not mois"]
    bare = run(*lookup, "--json")
    matches = json.loads(bare.output)["matches"]
    assert {(m["target"], m["percent"], m["context"]) for m in matches} == {
        ("May", 99, "mois"),
        ("Mai", 99, "prénom"),
    }
    assert run(*lookup, "--threshold", "100").exit_code == 1  # exact only: no context, none


def test_lookup_without_a_match_exits_1(catalogs, run):
    run("tm", "add", AZ, "--tm", "tm.sqlite")
    result = run("tm", "lookup", "Rien à voir.", "--from", "fr", "--to", "az", "--tm", "tm.sqlite")
    assert result.exit_code == 1
    assert result.output.strip() == "no match at or above 75%"


def test_export_then_import_into_another_memory(catalogs, run):
    run("tm", "add", AZ, "--tm", "tm.sqlite")
    result = run("tm", "export", "out.tmx", "--from", "fr", "--to", "az", "--tm", "tm.sqlite")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "out.tmx: 2 fr→az units"
    assert {(u.source, u.target) for u in read_tmx(Path("out.tmx"))} == {
        (SENTENCE, "Prezident səfirləri sarayda qəbul etdi."),
        ("Bonjour.", "Salam."),
    }
    imported = run("tm", "import", "out.tmx", "--tm", "other.sqlite")
    assert imported.exit_code == 0, imported.output
    assert "out.tmx: 2 units, 2 new in the memory" in imported.output
    with TranslationMemory(Path("other.sqlite")) as other:
        [match] = other.lookup("Bonjour.", "fr", "az")
        assert (match.target, match.origin, match.document) == ("Salam.", "catalog", "news")


def test_stats(catalogs, run):
    run("tm", "add", AZ, "--tm", "tm.sqlite")
    result = run("tm", "stats", "--tm", "tm.sqlite")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "tm.sqlite: 2 units"
    assert lines[1].startswith("  fr→az: 2 units, last added ")


def test_the_default_memory_is_in_the_user_data_folder(catalogs, run, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert run("tm", "add", AZ).exit_code == 0
    assert (tmp_path / "data" / "workbench" / "memory.sqlite").is_file()
    assert "2 units" in run("tm", "stats").output


def test_read_commands_do_not_create_a_memory(catalogs, run):
    error = one_line_error(run("tm", "stats", "--tm", "absent.sqlite"))
    assert "there is no translation memory at absent.sqlite" in error
    assert "workbench tm add" in error
    one_line_error(
        run("tm", "export", "x.tmx", "--from", "fr", "--to", "az", "--tm", "absent.sqlite")
    )
    assert not Path("absent.sqlite").exists()


def test_exporting_a_pair_the_memory_does_not_hold(catalogs, run):
    run("tm", "add", AZ, "--tm", "tm.sqlite")
    error = one_line_error(
        run("tm", "export", "x.tmx", "--from", "fr", "--to", "de", "--tm", "tm.sqlite")
    )
    assert "no fr→de units; nothing written" in error
    assert not Path("x.tmx").exists()


def test_a_corrupt_memory_is_one_line_and_left_alone(catalogs, run):
    Path("tm.sqlite").write_bytes(b"\x00garbage, not sqlite\n" * 100)
    error = one_line_error(run("tm", "add", AZ, "--tm", "tm.sqlite"))
    assert "tm.sqlite is not a usable translation memory" in error
    assert Path("tm.sqlite").read_bytes().startswith(b"\x00garbage")


def test_a_malformed_catalog_stops_before_the_memory_is_touched(catalogs, run):
    Path("broken.po").write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    error = one_line_error(run("tm", "add", AZ, "broken.po", "--tm", "tm.sqlite"))
    assert "broken.po is not a valid PO file" in error
    assert not Path("tm.sqlite").exists()


def test_a_hostile_tmx_is_refused(catalogs, run):
    Path("bomb.tmx").write_text(
        '<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        '<tmx version="1.4"><header srclang="fr"/><body/></tmx>',
        encoding="utf-8",
    )
    error = one_line_error(run("tm", "import", "bomb.tmx", "--tm", "tm.sqlite"))
    assert "refusing bomb.tmx" in error
    assert not Path("tm.sqlite").exists()
