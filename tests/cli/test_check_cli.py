"""`workbench check`: planted problems found, reported per entry, exit codes, JSON."""

import json

import pytest

from tests.cli.conftest import one_line_error
from tests.support.po_catalogs import Entry, write_catalog
from workbench.core.checks import CATALOG_CHECKS, CHECKS
from workbench.core.glossary import Concept, Glossary, Term, save_glossary

EN = "locales/en/LC_MESSAGES/news.po"
AZ = "locales/az/LC_MESSAGES/news.po"


@pytest.fixture
def planted(tmp_path, monkeypatch):
    """fr→en and fr→az catalogs with one planted problem per entry (and clean entries)."""
    monkeypatch.chdir(tmp_path)
    write_catalog(
        tmp_path / EN,
        [
            (
                "Le président a reçu 1 500 personnes le 27 juin 2020.",
                "The president received 1,500 people on June 27, 2020.",
            ),
            ("Le taux est de 3,5 %.", "The rate is 35%."),  # critical: numbers
            Entry("Pourquoi ?", "Why.", fuzzy=True),  # cosmetic: endpunc, in a fuzzy entry
            ("La déclaration a été adoptée.", "The the declaration was adopted."),  # doublewords
            ("Le rapport est disponible.", ""),  # untranslated
            Entry("Ancien texte.", "Old old text.", obsolete=True),  # skipped
        ],
    )
    write_catalog(
        tmp_path / AZ,
        [
            ("Il a dit « oui ».", "O, “bəli” dedi."),
            ("Il a dit « non ».", "O, «xeyr» dedi."),  # quotes not converted to az style
            ("Le ministre est arrivé. Il a parlé.", "Nazir gəldi və danışdı."),  # sentencecount
        ],
        language="az",
    )
    return tmp_path


def test_report_lists_each_entry_with_location_excerpt_check_severity_message(planted, run):
    result = run("check", EN, AZ)
    assert result.exit_code == 1, result.output  # a critical problem
    lines = result.output.splitlines()
    assert lines[:8] == [
        f'{EN}:15: "Le taux est de 3,5 %."',
        "  critical    numbers          3,5 in the source is not in the translation; "
        "35 in the translation is not in the source",
        f'{EN}:18: "Pourquoi ?"  [fuzzy]',
        "  cosmetic    endpunc          the source ends with “?”, the translation with “.”",
        f'{EN}:22: "La déclaration a été adoptée."',
        "  cosmetic    doublewords      the word “the” is repeated",
        f'{EN}:25: "Le rapport est disponible."',
        "  functional  untranslated     not translated",
    ]
    assert f'{AZ}:15: "Il a dit « non »."' in lines
    assert "  cosmetic    quotes           « » are not how az quotes: use “…”" in lines
    assert (
        "  functional  sentencecount    2 sentences in the source, 1 sentence in the translation"
        in lines
    )
    assert lines[-1] == (
        "6 problems in 6 entries (1 critical, 2 functional, 3 cosmetic); 8 entries checked in 2 catalogs"
    )
    assert "Ancien" not in result.output


def test_exit_status_is_zero_when_no_problem_is_critical(planted, run):
    result = run("check", AZ)
    assert result.exit_code == 0
    assert result.output.splitlines()[-1].startswith(
        "2 problems in 2 entries (1 functional, 1 cosmetic)"
    )
    result = run("check", "locales", "--only", "endpunc,doublewords")
    assert result.exit_code == 0
    assert "numbers" not in result.output and "endpunc" in result.output


def test_a_clean_catalog_reports_no_problems(tmp_path, run):
    path = write_catalog(tmp_path / "ok.po", [("Bonjour !", "Hello!")])
    result = run("check", path)
    assert result.exit_code == 0
    assert result.output == "no problems: 1 entry checked in 1 catalog\n"


def test_json_report_shape(planted, run):
    result = run("check", "locales", "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["summary"] == {
        "catalogs": 2,
        "entries_checked": 8,
        "entries_with_problems": 6,
        "problems": 6,
        "critical": 1,
        "functional": 2,
        "cosmetic": 3,
    }
    az, en = report["catalogs"]  # folders are searched in sorted order
    assert (en["path"], en["language"], en["source_language"], en["entries_checked"]) == (
        EN,
        "en",
        "fr",
        5,
    )
    assert en["entries"][0] == {
        "line": 15,
        "msgctxt": None,
        "msgid": "Le taux est de 3,5 %.",
        "msgstr": "The rate is 35%.",
        "fuzzy": False,
        "problems": [
            {
                "check": "numbers",
                "severity": "critical",
                "message": "3,5 in the source is not in the translation; 35 in the translation is not in the source",
            }
        ],
    }
    assert en["entries"][1]["fuzzy"] is True
    assert [e["problems"][0]["check"] for e in az["entries"]] == ["quotes", "sentencecount"]


def test_list_prints_every_check_with_severity_and_title(run):
    result = run("check", "--list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(CHECKS) + len(CATALOG_CHECKS)
    assert lines[0].split(None, 2) == ["untranslated", "functional", CHECKS["untranslated"].title]
    assert any(
        line.split(None, 2) == ["numbers", "critical", CHECKS["numbers"].title] for line in lines
    )
    assert any(
        line.split(None, 2) == ["formats", "critical", CATALOG_CHECKS["formats"].title]
        for line in lines
    )
    listing = json.loads(run("check", "--list", "--json").output)
    assert [item["name"] for item in listing] == [*CHECKS, *CATALOG_CHECKS]
    assert listing[3] == {
        "name": "numbers",
        "severity": "critical",
        "title": CHECKS["numbers"].title,
    }


def test_from_overrides_the_source_language_header(tmp_path, run):
    # Read as English (the default without a header), "1,5" is the numbers 1 and 5; as French, 1.5.
    path = write_catalog(
        tmp_path / "x.po", [("Il pèse 1,5 kg.", "It weighs 1.5 kg.")], source_language=None
    )
    assert run("check", path).exit_code == 1  # English source assumed: 1, 5 vs 1.5
    assert run("check", path, "--from", "fr").exit_code == 0


def test_glossary_problems_are_reported(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no glossaries/ folder here to find
    glossary = tmp_path / "terms.tbx"
    save_glossary(
        Glossary(
            (
                Concept(
                    "onu",
                    (
                        Term("ONU", "fr", term_type="acronym"),
                        Term("BMT", "az", term_type="acronym"),
                    ),
                ),
            )
        ),
        glossary,
    )
    path = write_catalog(
        tmp_path / "az.po", [("L'ONU a voté.", "Təşkilat səs verdi.")], language="az"
    )
    assert run("check", path).exit_code == 0
    result = run("check", path, "--glossary", glossary)
    assert result.exit_code == 1  # functional, but fails as `workbench glossary check` does
    assert (
        '  functional  glossary         "ONU" must be translated as "BMT"'
        in result.output.splitlines()
    )


def test_bad_input_is_one_line_and_exit_2(tmp_path, run, planted):
    assert "catalog not found: missing.po" in one_line_error(run("check", "missing.po"))
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "unterminated\nmsgstr ""\n', encoding="utf-8")
    assert "is not a valid PO file" in one_line_error(run("check", broken))
    latin1 = tmp_path / "latin1.po"
    latin1.write_bytes('msgid "été"\nmsgstr "summer"\n'.encode("latin-1"))
    assert "is not UTF-8" in one_line_error(run("check", latin1))
    assert "unknown check nosuch" in one_line_error(run("check", EN, "--only", "numbers,nosuch"))
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no .po catalogs in" in one_line_error(run("check", empty))
    assert "unknown language code 'xx1'" in one_line_error(run("check", EN, "--from", "xx1"))


def test_no_catalog_argument_is_a_usage_error(run):
    result = run("check")
    assert result.exit_code == 2
    assert "give at least one catalog" in result.output


def _catalog_text(language, plural_forms, body):
    return (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {language}\\n"\n"Plural-Forms: {plural_forms}\\n"\n\n{body}'
    )


def test_msgfmt_fatal_errors_are_critical_and_reported_where_they_are(tmp_path, run):
    path = tmp_path / "locales/fr/LC_MESSAGES/app.po"
    path.parent.mkdir(parents=True)
    path.write_text(
        _catalog_text(
            "fr",
            "nplurals=2; plural=(n > 1);",
            '#, python-format\nmsgid "%(name)s left"\nmsgstr "parti"\n\n'
            'msgid "a file"\nmsgid_plural "files"\nmsgstr[0] "un"\nmsgstr[1] "des"\n'
            'msgstr[2] "trop"\n\nmsgid "Line\\n"\nmsgstr "Ligne"\n',
        ),
        encoding="utf-8",
    )
    result = run("check", path, "--json")
    assert result.exit_code == 1
    [catalog] = json.loads(result.output)["catalogs"]
    found = {
        (entry["line"], problem["check"], problem["severity"])
        for entry in catalog["entries"]
        for problem in entry["problems"]
    }
    assert {(7, "formats", "critical"), (11, "pluralforms", "critical")} <= found
    assert (17, "newlines", "critical") in found
    # The heuristic placeholders check leaves flagged entries to `formats`: one report, not two.
    assert not any(check == "placeholders" for _, check, _ in found)
    assert run("check", path, "--only", "endpunc").exit_code == 0


def test_no_format_flags_silence_the_placeholder_check(tmp_path, run):
    path = tmp_path / "locales/fr/LC_MESSAGES/app.po"
    path.parent.mkdir(parents=True)
    body = 'msgid "Save %s now"\nmsgstr "Enregistrer maintenant"\n'
    path.write_text(_catalog_text("fr", "nplurals=2; plural=(n > 1);", body), encoding="utf-8")
    assert run("check", path, "--only", "placeholders").exit_code == 1
    path.write_text(
        _catalog_text("fr", "nplurals=2; plural=(n > 1);", "#, no-c-format\n" + body),
        encoding="utf-8",
    )
    assert run("check", path, "--only", "placeholders").exit_code == 0


@pytest.mark.parametrize(
    ("language", "plural_forms", "msgstr"),
    [
        ("vi", "nplurals=1; plural=0;", "ngày 27 tháng 6 năm 2020"),
        ("ko", "nplurals=1; plural=0;", "2020년 6월 27일"),
    ],
)
def test_languages_whose_month_names_hold_digits_are_checked(
    tmp_path, run, language, plural_forms, msgstr
):
    path = tmp_path / f"locales/{language}/LC_MESSAGES/app.po"
    path.parent.mkdir(parents=True)
    body = (
        f'msgid "June 27, 2020"\nmsgstr "{msgstr}"\n\nmsgid "On June 27"\nmsgstr "{msgstr[:9]}"\n'
    )
    path.write_text(_catalog_text(language, plural_forms, body), encoding="utf-8")
    result = run("check", path, "--only", "numbers", "--json")
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1)
    [catalog] = json.loads(result.output)["catalogs"]
    assert catalog["entries_checked"] == 2


def test_an_iso_639_code_cldr_lacks_is_accepted_with_a_warning(tmp_path, run):
    path = tmp_path / "locales/udm/LC_MESSAGES/app.po"
    path.parent.mkdir(parents=True)
    path.write_text(
        _catalog_text(
            "udm", "nplurals=2; plural=(n != 1);", 'msgid "Hello."\nmsgstr "Ӟечбуръёс."\n'
        ),
        encoding="utf-8",
    )
    result = run("check", path)
    assert result.exit_code == 0, result.output
    assert "functional  language" in result.output
    assert "udm (Udmurt)" in result.output
    path.write_text(
        _catalog_text("qqx", "nplurals=2; plural=(n != 1);", 'msgid "Hello."\nmsgstr "Hi."\n'),
        encoding="utf-8",
    )
    assert "unknown language code 'qqx'" in one_line_error(run("check", path))


def test_header_problems_are_reported_at_the_header(tmp_path, run):
    path = tmp_path / "locales/fr/LC_MESSAGES/app.po"
    path.parent.mkdir(parents=True)
    path.write_text(
        _catalog_text("fr", "nplurals=2; plural=n>>>1;", 'msgid "Save"\nmsgstr "Enregistrer"\n'),
        encoding="utf-8",
    )
    result = run("check", path)
    assert result.exit_code == 1
    assert f"{path}:1: (header)" in result.output
    assert "critical    header" in result.output and "invalid plural expression" in result.output
