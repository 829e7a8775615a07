"""The reference translations shipped in locales/ stay valid, complete and approved."""

import re
import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import load_po, msgfmt_check
from tests.conftest import REPO

DOMAIN = "azertac-2020-06-27"
GLOSSARY = REPO / "glossaries" / "azertac.tbx"
LANGUAGES = ("en", "az")


def shipped(lang: str) -> Path:
    return REPO / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@pytest.fixture(scope="module")
def seed_skeleton(tmp_path_factory, seed_path):
    """What `workbench translate --no-mt` writes for the seed today: the msgids to cover."""
    from click.testing import CliRunner

    from workbench.cli import main

    folder = tmp_path_factory.mktemp("skeleton")
    (folder / "seeds").mkdir()
    shutil.copy(seed_path, folder / "seeds" / seed_path.name)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        args = ["translate", f"seeds/{seed_path.name}", "--to", ",".join(LANGUAGES), "--no-mt"]
        result = CliRunner().invoke(main, [*args, "--out", "skeleton"])
    assert result.exit_code == 0, result.output
    return {
        lang: load_po(folder / "skeleton" / lang / "LC_MESSAGES" / f"{DOMAIN}.po")
        for lang in LANGUAGES
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sentence_of_the_seed_is_translated_and_approved(lang, seed_skeleton):
    catalog = load_po(shipped(lang))
    wanted = [(e.msgctxt, e.msgid, e.occurrences) for e in seed_skeleton[lang] if not e.obsolete]
    entries = [e for e in catalog if not e.obsolete]
    assert [(e.msgctxt, e.msgid, e.occurrences) for e in entries] == wanted
    assert all(e.msgstr.strip() and not e.fuzzy for e in entries)
    assert catalog.percent_translated() == 100
    assert catalog.metadata["Language"] == lang
    assert catalog.metadata["X-Source-Language"] == "fr"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_msgfmt_accepts_the_reference_catalog(lang):
    result = msgfmt_check(shipped(lang))
    assert result.returncode == 0, result.stderr


def test_the_reference_catalogs_follow_the_glossary(run):
    result = run(
        "glossary", "check", *(shipped(lang) for lang in LANGUAGES), "--glossary", GLOSSARY
    )
    assert result.exit_code == 0, result.output


def test_azerbaijani_is_written_with_its_own_letters():
    texts = " ".join(e.msgstr for e in load_po(shipped("az")))
    assert set("əğışçöüİ") <= set(texts)
    assert not re.search(r"[äëïâêîôûàèùé]", texts), "French or Turkish letters in the az text"


def test_readme_translate_commands_never_write_into_locales():
    """The reference catalogs live in locales/; the README's translate jobs write elsewhere."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(?:\.venv/bin/)?workbench translate .*$", readme, flags=re.MULTILINE)
    assert commands
    for command in commands:
        if command.split("#")[0].split() == ["workbench", "translate"]:
            # in a project: its catalogs folder, which the README's `init` sets to build/locales
            init = re.search(r"^workbench init .*$", readme, flags=re.MULTILINE)
            assert init and "--catalogs build/locales" in init[0], init
            continue
        if "seeds/azertac" in command:  # the reference catalogs' domain: never into locales/
            assert "--out build/locales" in command, command
