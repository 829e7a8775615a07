"""The glossary issue's "done when": the seed through `translate --glossary` to en and az has every
term in its preferred target form, and `glossary check` proves it; without the glossary it fails."""

import json

import pytest

from tests.cli.conftest import load_po

SEED = "seeds/azertac-2020-06-27.fr.txt"
GLOSSARY = "glossaries/azertac.tbx"
CATALOGS = {lang: f"locales/{lang}/LC_MESSAGES/azertac-2020-06-27.po" for lang in ("en", "az")}


@pytest.fixture
def with_glossary(project, run, tiny_packages, seed_path):
    (project / "glossaries").mkdir()
    (project / GLOSSARY).write_bytes((seed_path.parent.parent / GLOSSARY).read_bytes())
    return project


def test_every_term_is_right_with_the_glossary_and_wrong_without(with_glossary, run):
    result = run("translate", SEED, "--to", "en,az", "--glossary", GLOSSARY)
    assert result.exit_code == 0, result.output
    for lang, catalog in CATALOGS.items():
        check = run("glossary", "check", catalog, "--glossary", GLOSSARY, "--json")
        assert check.exit_code == 0, (lang, check.output)
        report = json.loads(check.stdout)
        assert report["summary"]["checked"] == 18, lang
        assert report["summary"]["problems"] == 0, lang
    az = load_po(with_glossary / CATALOGS["az"])
    text = " ".join(entry.msgstr for entry in az)
    for required in ("Hikmət Hacıyev", "İlham Əliyev", "Qoşulmama Hərəkatı", "BMT"):
        assert required in text
    assert "Hadjiyev" not in text
    notes = [
        line for entry in az for line in entry.comment.splitlines() if line.startswith("Term: ")
    ]
    assert any("placeholder" in note for note in notes)

    bare = run("translate", SEED, "--to", "en,az", "--out", "plain")
    assert bare.exit_code == 0
    for lang in ("en", "az"):
        check = run(
            "glossary",
            "check",
            CATALOGS[lang].replace("locales", "plain"),
            "--glossary",
            GLOSSARY,
            "--json",
        )
        assert check.exit_code == 1, lang
        assert json.loads(check.stdout)["summary"]["missing"] > 10, lang
