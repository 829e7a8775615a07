"""`--json` on every reporting command: one JSON document on stdout, parsed as such."""

import json
from pathlib import Path

import pytest

from tests.support.po_catalogs import write_catalog

CATALOG = "locales/en/LC_MESSAGES/news.po"
PAIRS = [("Bonjour.", "Hello."), ("Merci beaucoup.", "Thank you very much.")]


def parsed(result) -> object:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def catalog(project):
    write_catalog(project / CATALOG, PAIRS, language="en")
    return project / CATALOG


def test_translate(project, run):
    report = parsed(
        run(
            "translate",
            "seeds/azertac-2020-06-27.fr.txt",
            "--to",
            "en",
            "--no-mt",
            "--no-tm",
            "--json",
        )
    )
    (written,) = report["catalogs"]
    assert written["language"] == "en" and written["domain"] == "azertac-2020-06-27"
    assert written["path"] == "locales/en/LC_MESSAGES/azertac-2020-06-27.po"
    assert written["new"] == written["untranslated"] > 0
    assert report["templates"] == ["locales/azertac-2020-06-27.pot"]
    assert set(report["sources"]) == {"en"}


def test_memory_commands(catalog, run):
    added = parsed(run("tm", "add", catalog, "--tm", "tm.sqlite", "--json"))
    assert added["catalogs"] == [{"path": str(catalog), "approved": 2, "added": 2}]
    assert added["units"] == 2 and added["memory"] == "tm.sqlite"

    exported = parsed(
        run("tm", "export", "out.tmx", "--from", "fr", "--to", "en", "--tm", "tm.sqlite", "--json")
    )
    assert exported == {
        "file": "out.tmx",
        "source": "fr",
        "target": "en",
        "written": 2,
        "left_out": 0,
    }

    imported = parsed(run("tm", "import", "out.tmx", "--tm", "other.sqlite", "--json"))
    assert imported["units"] == 2 and imported["added"] == 2

    found = parsed(
        run("tm", "lookup", "Bonjour.", "--from", "fr", "--to", "en", "--tm", "tm.sqlite", "--json")
    )
    (match,) = found["matches"]
    assert match["target"] == "Hello." and match["percent"] == 100

    stats = parsed(run("tm", "stats", "--tm", "tm.sqlite", "--json"))
    assert stats["units"] == 2
    assert [(p["source_lang"], p["target_lang"], p["units"]) for p in stats["pairs"]] == [
        ("fr", "en", 2)
    ]


def test_lookup_without_a_match_is_still_json_and_exit_1(catalog, run):
    run("tm", "add", catalog, "--tm", "tm.sqlite")
    result = run(
        "tm", "lookup", "Rien à voir.", "--from", "fr", "--to", "en", "--tm", "tm.sqlite", "--json"
    )
    assert result.exit_code == 1 and json.loads(result.stdout) == {"matches": []}


def test_align(project, run):
    Path("a.fr.txt").write_text("Bonjour.\n\nMerci beaucoup.\n", encoding="utf-8")
    Path("a.en.txt").write_text("Hello.\n\nThank you very much.\n", encoding="utf-8")
    report = parsed(run("align", "a.fr.txt", "a.en.txt", "--no-mt", "--tmx", "a.tmx", "--json"))
    assert report["method"] == "lengths only" and report["kinds"] == {"1-1": 2}
    assert [(p["source"], p["target"]) for p in report["pairs"]] == PAIRS
    assert report["tmx"] == {"path": "a.tmx", "written": 2} and "memory" not in report


def test_models_list(project, run, tiny_packages):
    report = parsed(run("models", "list", "--json"))
    pairs = {(model["from"], model["to"]) for model in report["installed"]}
    assert {("fr", "en"), ("en", "az")} <= pairs and report["packages_dir"]
    assert "available" not in report


def test_compile(catalog, run):
    (item,) = parsed(run("compile", "--json"))["catalogs"]
    assert item["po"] == str(catalog.relative_to(catalog.parents[3]))
    assert item["messages"] == 2 and Path(item["mo"]).is_file()
    result = run("compile", "--check", "--json")
    assert json.loads(result.stdout)["catalogs"][0]["up_to_date"] is True


def test_import(catalog, run, tmp_path):
    incoming = write_catalog(tmp_path / "poedit" / "news.po", [("Bonjour.", "Hi.")], language="en")
    result = run("import", incoming, "--no-tm", "--json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1  # the conflict left for review, as without --json
    assert report["unresolved"] == 1 and report["conflicts"][0]["incoming"] == "Hi."


def test_stats_check_and_glossary_check(catalog, run, tmp_path):
    stats = parsed(run("stats", "--json"))
    assert stats["languages"]["en"]["total"]["approved"]["segments"] == 2
    checked = parsed(run("check", catalog, "--json"))
    assert checked["summary"]["entries_checked"] == 2
    glossary = tmp_path / "terms.csv"
    glossary.write_text("fr,en\nBonjour,Hello\n", encoding="utf-8")
    terms = parsed(run("glossary", "check", catalog, "--glossary", glossary, "--json"))
    assert terms["summary"]["problems"] == 0
