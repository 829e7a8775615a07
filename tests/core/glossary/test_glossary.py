"""The glossary model, CSV/TSV import, loading by extension, and checking translations."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from workbench.core.errors import InputError
from workbench.core.glossary import (
    Concept,
    Glossary,
    Term,
    TermStatus,
    check_terms,
    load_glossaries,
    load_glossary,
)

P, A, D = TermStatus.PREFERRED, TermStatus.ADMITTED, TermStatus.DEPRECATED


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_import_first_variant_preferred_rest_admitted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "terms.csv",
        "fr,en,az,en:deprecated,note\n"
        "Bakou,Baku,Bakı,Bakou,capital\n"
        '"Mouvement des non-alignés|MNA",Non-Aligned Movement|NAM,Qoşulmama Hərəkatı,'
        '"Movement of Non-Aligned|Non-Aligned Countries Movement",\n'
        ",,,,\n",
    )
    glossary = load_glossary(path)
    assert glossary.title == "terms"
    baku, nam = glossary.concepts
    assert baku.note == "capital"
    assert [(t.text, t.lang, t.status) for t in nam.terms] == [
        ("Mouvement des non-alignés", "fr", P),
        ("MNA", "fr", A),
        ("Non-Aligned Movement", "en", P),
        ("NAM", "en", A),
        ("Qoşulmama Hərəkatı", "az", P),
        ("Movement of Non-Aligned", "en", D),
        ("Non-Aligned Countries Movement", "en", D),
    ]


def test_tsv_and_semicolon_csv(tmp_path: Path) -> None:
    tsv = load_glossary(write(tmp_path, "t.tsv", "id\tfr\taz\nbaku\tBakou\tBakı\n"))
    assert tsv.concepts[0].id == "baku"
    semicolons = load_glossary(write(tmp_path, "s.csv", "fr;en\nBakou;Baku\n"))
    assert [t.text for t in semicolons.concepts[0].terms] == ["Bakou", "Baku"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "is empty"),
        ("note,subject\nx,y\n", "names no language"),
        ("fr,colour\nBakou,red\n", "neither a language code"),
        ("fr,en:wrong\nBakou,Baku\n", "qualifier"),
        ("id,fr\nx,Bakou\nx,Paris\n", "used twice"),
        ('fr,en\n"Bakou,Baku\n', "not valid CSV"),
    ],
)
def test_bad_csv_gives_one_line_errors(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected) as caught:
        load_glossary(write(tmp_path, "bad.csv", text))
    assert "\n" not in str(caught.value)


def test_unknown_extension_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown glossary format"):
        load_glossary(write(tmp_path, "terms.docx", "x"))
    with pytest.raises(InputError, match="not found"):
        load_glossary(tmp_path / "nope.tbx")


def test_combine_keeps_ids_unique(tmp_path: Path) -> None:
    first = write(tmp_path, "a.csv", "id,fr,en\nx,Bakou,Baku\n")
    second = write(tmp_path, "b.csv", "id,fr,en\nx,Paris,Paris\ny,Rome,Rome\n")
    combined = load_glossaries([first, second])
    assert [c.id for c in combined.concepts] == ["x", "x#2", "y"]


def test_expected_target_follows_the_source_form() -> None:
    un = Concept(
        "un",
        (
            Term("Organisation des Nations Unies", "fr"),
            Term("ONU", "fr", A, term_type="acronym"),
            Term("Nations Unies", "fr", A),
            Term("United Nations", "en"),
            Term("UN", "en", term_type="acronym"),
            Term("Birləşmiş Millətlər Təşkilatı", "az"),
            Term("BMT", "az", term_type="acronym"),
        ),
    )
    onu, nations = un.terms[1], un.terms[2]
    assert un.expected_target(onu, "az").text == "BMT"
    assert un.expected_target(nations, "az").text == "Birləşmiş Millətlər Təşkilatı"
    assert un.expected_target(onu, "en_GB").text == "UN"
    assert un.expected_target(onu, "de") is None


def test_search_matches_any_language() -> None:
    glossary = load_glossary(REPO / "glossaries" / "azertac.tbx")
    assert [c.id for c in glossary.search("hacıyev")] == ["hikmet-hajiyev"]
    assert "non-aligned-movement" in [c.id for c in glossary.search("QOŞULMAMA")]


AZERTAC = REPO / "glossaries" / "azertac.tbx"


@pytest.fixture(scope="module")
def azertac() -> Glossary:
    return load_glossary(AZERTAC)


def test_check_reports_missing_and_deprecated_terms(azertac: Glossary) -> None:
    source = "Hikmet Hadjiyev a parlé à Bakou et à Bakou."
    problems = check_terms(azertac, source, "Hikmet Hadjiyev Bakıda danışdı.", "fr", "az")
    kinds = sorted((p.kind, p.concept_id) for p in problems)
    assert kinds == [
        ("deprecated", "hikmet-hajiyev"),
        ("missing", "baku"),
        ("missing", "hikmet-hajiyev"),
    ]
    missing_baku = next(p for p in problems if p.concept_id == "baku")
    assert (missing_baku.required, missing_baku.present, missing_baku.expected) == (2, 1, "Bakı")
    assert "Bakı" in missing_baku.message and "\n" not in missing_baku.message
    deprecated = next(p for p in problems if p.kind == "deprecated")
    assert deprecated.found == "Hikmet Hadjiyev"
    assert deprecated.expected == "Hikmət Hacıyev"


def test_check_accepts_inflected_preferred_terms(azertac: Glossary) -> None:
    source = "La République d'Azerbaïdjan a fait un don à l'OMS, a dit H.Hadjiyev à Bakou."
    target = "Azərbaycan Respublikası ÜST-ə ianə edib, H.Hacıyev Bakıda bildirib."
    assert check_terms(azertac, source, target, "fr", "az") == []


def test_check_english_abbreviation_and_full_forms(azertac: Glossary) -> None:
    source = "l'Organisation mondiale de la santé (OMS) et l'ONU"
    good = "the World Health Organization (WHO) and the UN's members"
    assert check_terms(azertac, source, good, "fr", "en") == []
    bad = "the World Health Organisation (OMS) and the ONU"
    problems = check_terms(azertac, source, bad, "fr", "en")
    assert sorted(p.found for p in problems if p.kind == "deprecated") == [
        "OMS",
        "ONU",
        "World Health Organisation",
    ]
    assert {p.expected for p in problems if p.kind == "missing"} == {
        "World Health Organization",
        "WHO",
        "UN",
    }
