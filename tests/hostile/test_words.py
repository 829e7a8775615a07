"""Class 6 (clear words) and the attacks that were already handled well: glossaries that hold
nothing or are folders, regional target codes, XML attacks on TBX and TMX, truncated files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.po_catalogs import write_catalog

TBX_EMPTY_BODY = (
    '<?xml version="1.0"?><tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" '
    'style="dca" xml:lang="fr"><text><body></body></text></tbx>'
)

EMPTY_GLOSSARIES = {
    "empty tbx": ("g.tbx", ""),
    "blank tbx": ("g.tbx", "  \n\n"),
    "tbx without concepts": ("g.tbx", TBX_EMPTY_BODY),
    "empty csv": ("g.csv", ""),
    "csv with a header only": ("g.csv", "fr,en\n"),
    "tsv with a header only": ("g.tsv", "fr\ten\n"),
    "csv of empty rows": ("g.csv", "fr,en\n,\n,\n"),
}

GLOSSARY_COMMANDS = {
    "translate": ("translate", "doc.fr.txt", "--to", "en", "--no-mt", "--no-tm", "--glossary"),
    "glossary show": ("glossary", "show", "--glossary"),
    "glossary import": ("glossary", "import", "--out", "out.tbx"),
}


@pytest.mark.parametrize(("name", "text"), EMPTY_GLOSSARIES.values(), ids=EMPTY_GLOSSARIES.keys())
@pytest.mark.parametrize("command", GLOSSARY_COMMANDS)
def test_an_empty_glossary_is_refused(project, refused, name, text, command):
    Path(name).write_text(text, encoding="utf-8")
    args = GLOSSARY_COMMANDS[command]
    args = (*args[:2], name, *args[2:]) if command == "glossary import" else (*args, name)
    error = refused(*args)
    assert "is empty" in error or "holds no terms" in error


@pytest.mark.parametrize("name", ["terms", "terms.tbx", "terms.csv"])
@pytest.mark.parametrize("command", ["translate", "glossary show"])
def test_a_folder_given_as_glossary_is_refused(project, refused, name, command):
    Path(name).mkdir()
    error = refused(*GLOSSARY_COMMANDS[command], name)
    assert "is a folder, not a glossary" in error or "is a directory" in error


REGIONS = {"en_GB": "en_GB", "en-US": "en_US", "en_US": "en_US", "en-gb": "en_GB"}


@pytest.mark.parametrize(("code", "folder"), REGIONS.items(), ids=REGIONS.keys())
def test_a_regional_target_uses_the_language_model(project, run, tiny_packages, code, folder):
    result = run("translate", "doc.fr.txt", "--to", code, "--no-tm", "--offline", "--beam", "1")
    assert result.exit_code == 0, result.output
    catalog = Path(f"locales/{folder}/LC_MESSAGES/doc.po").read_text(encoding="utf-8")
    assert "argos translate-fr_en" in catalog


def test_a_regional_source_uses_the_language_model(project, run, tiny_packages):
    result = run("translate", "doc.fr.txt", "--from", "fr_CA", "--to", "en", "--no-tm", "--offline")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("code", ["de_AT", "de-CH", "pt_BR"])
def test_a_missing_regional_pair_names_the_language_pair(project, refused, tiny_packages, code):
    error = refused("translate", "doc.fr.txt", "--to", code, "--no-tm", "--offline")
    language = code.replace("-", "_").split("_")[0]
    assert f"no model installed for fr→{language}" in error
    assert f"en:{language}'" in error and code.replace("-", "_") not in error.split(";", 1)[1]


def test_english_to_its_own_region_says_why(project, refused, tiny_packages):
    Path("doc.en.txt").write_text("Hello there.\n", encoding="utf-8")
    error = refused("translate", "doc.en.txt", "--to", "en_GB", "--no-tm", "--offline")
    assert "both are 'en'" in error and "en:en_GB" not in error


XML_ATTACKS = {
    "external entity (XXE)": (
        '<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<{root}>&x;</{root}>"
    ),
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
        "]><{root}>&c;</{root}>"
    ),
    "external DTD": '<?xml version="1.0"?><!DOCTYPE {root} SYSTEM "http://x.invalid/a.dtd"><{root}/>',
    "parameter entity": (
        '<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY % p SYSTEM "http://x.invalid/p">%p;]>'
        "<{root}/>"
    ),
    "undeclared entity": '<?xml version="1.0"?><{root}>&nowhere;</{root}>',
}

XML_COMMANDS = {
    "tbx": ("tbx", "glossary", ("glossary", "show", "--glossary", "attack.tbx")),
    "tmx": ("tmx", "tmx", ("tm", "import", "attack.tmx", "--tm", "tm.sqlite")),
}


# TMX files name tmx14.dtd as a rule: for TMX an external DTD is read past, never fetched (below).
XML_CASES = [
    pytest.param(kind, attack, id=f"{kind}-{name}")
    for kind in XML_COMMANDS
    for name, attack in XML_ATTACKS.items()
    if not (kind == "tmx" and name == "external DTD")
]


@pytest.mark.parametrize(("kind", "attack"), XML_CASES)
def test_xml_attacks_are_refused(project, refused, kind, attack):
    root, _, command = XML_COMMANDS[kind]
    Path(f"attack.{kind}").write_text(attack.format(root=root), encoding="utf-8")
    refused(*command)
    assert not Path("tm.sqlite").exists()


def _whole_files(project: Path) -> dict[str, tuple[bytes, tuple[str, ...]]]:
    """A valid file of each kind, and the command that reads it."""
    write_catalog(
        project / "whole.po", [("Bonjour.", "Hello."), ("Merci.", "Thanks.")], language="en"
    )
    tbx = (Path(__file__).resolve().parents[2] / "glossaries" / "azertac.tbx").read_bytes()
    from workbench.core.memory import MemoryUnit
    from workbench.core.memory.tmx import write_tmx

    write_tmx(project / "whole.tmx", [MemoryUnit("Merci.", "Thanks.", "fr", "en", "x")], "fr")
    return {
        "tbx": (tbx, ("glossary", "show", "--glossary", "cut.tbx")),
        "tmx": (
            (project / "whole.tmx").read_bytes(),
            ("tm", "import", "cut.tmx", "--tm", "tm.sqlite"),
        ),
        "po": (
            (project / "whole.po").read_bytes(),
            ("tm", "add", "cut.po", "--from", "fr", "--tm", "tm.sqlite"),
        ),
    }


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.5, 0.9])
@pytest.mark.parametrize("kind", ["tbx", "tmx", "po"])
def test_truncated_files_are_refused(project, refused, kind, fraction):
    data, command = _whole_files(project)[kind]
    cut = data[: int(len(data) * fraction)]
    if kind == "po" and fraction == 0.9:
        cut = data[: data.rindex(b'msgstr "') + 9]  # inside the last quoted string
    Path(f"cut.{kind}").write_bytes(cut)
    refused(*command)
    assert not Path("tm.sqlite").exists()


def test_a_tmx_naming_an_external_dtd_is_read_without_fetching_it(project, run):
    from workbench.core.memory import MemoryUnit
    from workbench.core.memory.tmx import write_tmx

    write_tmx(project / "plain.tmx", [MemoryUnit("Merci.", "Thanks.", "fr", "en", "x")], "fr")
    text = Path("plain.tmx").read_text(encoding="utf-8")
    Path("dtd.tmx").write_text(
        text.replace('SYSTEM "tmx14.dtd"', 'SYSTEM "http://x.invalid/tmx14.dtd"', 1),
        encoding="utf-8",
    )
    result = run("tm", "import", "dtd.tmx", "--tm", "tm.sqlite")
    assert result.exit_code == 0 and "1 units, 1 new" in result.output
