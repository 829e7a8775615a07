"""`workbench stats`: per language and document, as text and JSON."""

import json

import pytest

from tests.cli.conftest import one_line_error
from tests.support.po_catalogs import Entry, write_catalog


@pytest.fixture
def locales(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_catalog(
        tmp_path / "locales/en/LC_MESSAGES/news.po",
        [
            ("Le président a reçu les ambassadeurs.", "The president received the ambassadors."),
            ("Le taux est de 3,5 %.", "The rate is 35%."),
            Entry("Pourquoi ?", "Why.", fuzzy=True),
            ("Le rapport est disponible.", ""),
            Entry("Ancien texte.", "Old text.", obsolete=True),
        ],
    )
    write_catalog(
        tmp_path / "locales/en/LC_MESSAGES/sport.po", [("Le match est fini.", "The match is over.")]
    )
    write_catalog(
        tmp_path / "locales/az/LC_MESSAGES/news.po", [("Le match est fini.", "")], language="az"
    )
    return tmp_path / "locales"


def test_text_report_per_document_with_language_totals(locales, run):
    result = run("stats")  # locales/ by default
    assert result.exit_code == 0, result.output
    blocks = result.output.strip().split("\n\n")
    assert [block.splitlines()[0] for block in blocks] == [
        "az · news (locales/az/LC_MESSAGES/news.po)",
        "en · news (locales/en/LC_MESSAGES/news.po)",
        "en · sport (locales/en/LC_MESSAGES/sport.po)",
        "en · all documents",
    ]
    assert blocks[1].splitlines()[1:] == [
        "                       segments            words",
        "  Approved:            2 ( 50%)        11 ( 69%)",
        "  Fuzzy:               1 ( 25%)         1 (  6%)",
        "  Untranslated:        1 ( 25%)         4 ( 25%)",
        "  Total:               4               16",
        "  Obsolete:            1  (not counted)",
        "  Problems:     1 critical, 0 functional, 1 cosmetic",
    ]
    assert "  Total:               5               20" in blocks[3].splitlines()


def test_json_report(locales, run):
    result = run("stats", "locales", "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)["languages"]
    assert list(report) == ["az", "en"]
    news = report["en"]["documents"][0]
    assert news == {
        "language": "en",
        "document": "news",
        "path": "locales/en/LC_MESSAGES/news.po",
        "approved": {"segments": 2, "words": 11},
        "fuzzy": {"segments": 1, "words": 1},
        "untranslated": {"segments": 1, "words": 4},
        "total": {"segments": 4, "words": 16},
        "obsolete": 1,
        "problems": {"critical": 1, "functional": 0, "cosmetic": 1},
        "percent": 68.8,
    }
    total = report["en"]["total"]
    assert (total["document"], total["path"], total["total"], total["approved"]) == (
        "all documents",
        None,
        {"segments": 5, "words": 20},
        {"segments": 3, "words": 15},
    )
    assert report["az"]["total"]["percent"] == 0.0


def test_a_single_catalog_and_bad_input(locales, run, tmp_path):
    result = run("stats", locales / "az/LC_MESSAGES/news.po")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == f"az · news ({locales}/az/LC_MESSAGES/news.po)"
    assert "catalog not found" in one_line_error(run("stats", tmp_path / "nothing.po"))
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    assert "is not a valid PO file" in one_line_error(run("stats", broken))
