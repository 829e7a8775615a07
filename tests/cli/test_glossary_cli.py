"""`workbench glossary check / import / show`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import polib
import pytest

from tests.cli.conftest import one_line_error
from workbench.core.glossary import load_glossary

REPO = Path(__file__).resolve().parents[2]
GLOSSARY = REPO / "glossaries" / "azertac.tbx"

GOOD = {
    "Bakou, 27 juin, AZERTAC": "Bakı, 27 iyun, AZƏRTAC",
    "L'assistant du président a souligné que la République d'Azerbaïdjan avait fait un don à "
    "l'Organisation mondiale de la santé (OMS).": "Prezidentin köməkçisi Azərbaycan "
    "Respublikasının Ümumdünya Səhiyyə Təşkilatına (ÜST) ianə etdiyini vurğulayıb.",
    "Selon lui, la pandémie continue.": "Onun sözlərinə görə, pandemiya davam edir.",
    "Un appel au secrétaire général Antonio Guterres.": "",  # untranslated: not checked
}
BAD = {
    **GOOD,
    "Bakou, 27 juin, AZERTAC": "Baku, 27 iyun, AZƏRTAC",
    "C'est ce qu'a déclaré Hikmet Hadjiyev.": "Bunu Hikmət Hacıyev bildirib.",
    "Le secrétaire général de l'ONU s'est adressé à tous.": "BMT Baş katibi hamıya müraciət etdi.",
}


def write_po(path: Path, pairs: dict[str, str], *, source: str | None = "fr") -> Path:
    po = polib.POFile()
    po.metadata = {"Language": "az", "Content-Type": "text/plain; charset=UTF-8"}
    if source:
        po.metadata["X-Source-Language"] = source
    for msgid, msgstr in pairs.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def test_check_clean_catalog_exits_0(tmp_path: Path, run) -> None:
    po = write_po(tmp_path / "az.po", GOOD)
    result = run("glossary", "check", po, "--glossary", GLOSSARY)
    assert result.exit_code == 0, result.output
    assert "no glossary problems in 3 translated entries" in result.output


def test_check_reports_each_entry_and_exits_1(tmp_path: Path, run) -> None:
    po = write_po(tmp_path / "az.po", BAD)
    result = run("glossary", "check", po, "--glossary", GLOSSARY)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{po}:" in lines[0] and "Bakou, 27 juin, AZERTAC" in lines[0]
    assert '  missing: "Bakou" must be translated as "Bakı"' in lines
    assert '  deprecated: "Baku" is a deprecated term; use "Bakı"' in lines
    assert lines[-1] == "2 glossary problems in 1 of 5 translated entries"


def test_check_json(tmp_path: Path, run) -> None:
    po = write_po(tmp_path / "az.po", BAD)
    result = run("glossary", "check", po, "--glossary", GLOSSARY, "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["summary"] == {
        "checked": 5,
        "entries_with_problems": 1,
        "problems": 2,
        "missing": 1,
        "deprecated": 1,
    }
    [catalog] = report["catalogs"]
    assert (catalog["source_language"], catalog["target_language"]) == ("fr", "az")
    [entry] = catalog["entries"]
    assert entry["msgid"] == "Bakou, 27 juin, AZERTAC"
    assert {p["kind"]: p["expected"] for p in entry["problems"]} == {
        "missing": "Bakı",
        "deprecated": "Bakı",
    }


def test_without_the_glossary_terms_the_check_fails(tmp_path: Path, run) -> None:
    untouched = {msgid: msgid for msgid in GOOD if GOOD[msgid]}  # French left in place
    po = write_po(tmp_path / "az.po", untouched)
    result = run("glossary", "check", po, "--glossary", GLOSSARY, "--json")
    assert result.exit_code == 1
    assert json.loads(result.output)["summary"]["missing"] >= 5


def test_check_a_folder_of_catalogs(tmp_path: Path, run) -> None:
    write_po(tmp_path / "locales" / "az" / "LC_MESSAGES" / "a.po", GOOD)
    write_po(tmp_path / "locales" / "az" / "LC_MESSAGES" / "b.po", BAD)
    result = run("glossary", "check", tmp_path / "locales", "--glossary", GLOSSARY, "--json")
    assert result.exit_code == 1
    assert [Path(c["path"]).name for c in json.loads(result.output)["catalogs"]] == ["a.po", "b.po"]
    (tmp_path / "empty").mkdir()
    empty = run("glossary", "check", tmp_path / "empty", "--glossary", GLOSSARY)
    assert "no .po" in one_line_error(empty)


def test_source_language_from_option_when_the_header_lacks_it(tmp_path: Path, run) -> None:
    po = write_po(tmp_path / "az.po", GOOD, source=None)
    assert "--from" in one_line_error(run("glossary", "check", po, "--glossary", GLOSSARY))
    assert run("glossary", "check", po, "--glossary", GLOSSARY, "--from", "fr").exit_code == 0


def test_malformed_catalog_is_one_line_error(tmp_path: Path, run) -> None:
    po = tmp_path / "bad.po"
    po.write_text('msgid "unterminated\nmsgstr ""\n', encoding="utf-8")
    assert "bad.po" in one_line_error(run("glossary", "check", po, "--glossary", GLOSSARY))


def test_hostile_glossary_is_one_line_error(tmp_path: Path, run) -> None:
    evil = tmp_path / "evil.tbx"
    evil.write_text('<!DOCTYPE tbx [<!ENTITY x "y">]><tbx>&x;</tbx>', encoding="utf-8")
    po = write_po(tmp_path / "az.po", GOOD)
    assert "entities" in one_line_error(run("glossary", "check", po, "--glossary", evil))


def test_import_csv_writes_tbx(tmp_path: Path, run) -> None:
    csv = tmp_path / "terms.csv"
    csv.write_text("fr,en,az,az:deprecated\nBakou,Baku,Bakı,Baku|Baki\n", encoding="utf-8")
    out = tmp_path / "out" / "terms.tbx"
    result = run("glossary", "import", csv, "--out", out)
    assert result.exit_code == 0, result.output
    assert "wrote 1 concepts (5 terms, fr, en, az)" in result.output
    [concept] = load_glossary(out).concepts
    assert [t.text for t in concept.terms_in("az")] == ["Bakı", "Baku", "Baki"]
    assert not list(out.parent.glob(".*.tmp"))


def test_import_bad_csv_writes_nothing(tmp_path: Path, run) -> None:
    csv = tmp_path / "terms.csv"
    csv.write_text("colour,size\nred,big\n", encoding="utf-8")
    out = tmp_path / "terms.tbx"
    assert "language" in one_line_error(run("glossary", "import", csv, "--out", out))
    assert not out.exists()


def test_show_filters_by_any_language(run) -> None:
    result = run("glossary", "show", "bakı", "--glossary", GLOSSARY)
    assert result.exit_code == 0
    assert "baku" in result.output and "Bakou" in result.output and "✗ Baki" in result.output
    assert "hikmet-hajiyev" not in result.output


def test_show_uses_the_project_glossaries_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run
) -> None:
    monkeypatch.chdir(tmp_path)
    assert "glossary" in one_line_error(run("glossary", "show"))
    (tmp_path / "glossaries").mkdir()
    shutil.copy(GLOSSARY, tmp_path / "glossaries")
    result = run("glossary", "show", "Guterres")
    assert result.exit_code == 0 and "Antonio Quterreş" in result.output
