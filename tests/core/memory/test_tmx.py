"""TMX 1.4b in and out: our own round trip, OmegaT and Translate Toolkit files, hostile XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from translate.storage.tmx import tmxfile

from workbench import __version__
from workbench.core.errors import InputError
from workbench.core.memory import MemoryUnit, TranslationMemory
from workbench.core.memory.tmx import read_tmx, write_tmx

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WHEN = datetime(2024, 5, 17, 9, 30, 0, tzinfo=UTC)
UNITS = [
    MemoryUnit(
        "Le président a signé le décret « historique » & l'a publié.",
        "The president signed the “historic” decree & published it.",
        "fr",
        "en",
        "alignment",
        "azertac",
        WHEN,
        "leyla",
    ),
    MemoryUnit("Bonjour <b>!", "Hello <b>!", "fr", "en_GB", "catalog", None, WHEN, "translator"),
]


def test_our_tmx_round_trips(tmp_path):
    path = tmp_path / "out.tmx"
    assert write_tmx(path, UNITS, "fr") == 2
    assert read_tmx(path) == UNITS


def test_our_tmx_has_the_14b_header_and_omegat_attributes(tmp_path):
    path = tmp_path / "out.tmx"
    write_tmx(path, UNITS, "fr")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
    )
    root = ET.fromstring(text.split("\n", 2)[2])
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header").attrib
    assert {k: v for k, v in header.items() if k != "creationdate"} == {
        "creationtool": "workbench",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "workbench",
        "adminlang": "en",
        "srclang": "fr",
        "datatype": "plaintext",
    }
    first = root.find("body/tu")
    assert [(p.get("type"), p.text) for p in first.findall("prop")] == [
        ("x-origin", "alignment"),
        ("x-document", "azertac"),
    ]
    source, target = first.findall("tuv")
    assert source.get(XML_LANG) == "fr" and source.find("seg").text == UNITS[0].source
    assert target.attrib == {
        XML_LANG: "en",
        "changeid": "leyla",
        "changedate": "20240517T093000Z",
        "creationid": "leyla",
        "creationdate": "20240517T093000Z",
    }
    assert root.findall("body/tu")[1].findall("tuv")[1].get(XML_LANG) == "en-GB"


def test_translate_toolkit_reads_our_tmx(tmp_path):
    path = tmp_path / "out.tmx"
    write_tmx(path, UNITS, "fr")
    store = tmxfile(path.read_bytes())
    assert [(unit.source, unit.target) for unit in store.units] == [
        (unit.source, unit.target) for unit in UNITS
    ]


def test_we_read_what_translate_toolkit_writes(tmp_path):
    store = tmxfile(sourcelanguage="fr", targetlanguage="az")
    store.addtranslation("Bonjour & bienvenue.", "fr", "Salam və xoş gəlmisiniz.", "az")
    store.addtranslation("Merci.", "fr", "Təşəkkür edirəm.", "az")
    path = tmp_path / "toolkit.tmx"
    path.write_bytes(bytes(store))
    units = read_tmx(path)
    assert [(u.source, u.target, u.source_lang, u.target_lang, u.origin) for u in units] == [
        ("Bonjour & bienvenue.", "Salam və xoş gəlmisiniz.", "fr", "az", "tmx"),
        ("Merci.", "Təşəkkür edirəm.", "fr", "az", "tmx"),
    ]


MAY = [
    MemoryUnit("May", "May", "en", "az", "catalog", "calendar", WHEN, "leyla", context="month"),
    MemoryUnit("May", "Bilər", "en", "az", "catalog", "calendar", WHEN, "leyla", context="verb"),
    MemoryUnit("May", "Bəlkə", "en", "az", "catalog", "calendar", WHEN, "leyla"),
]


def test_contexts_survive_a_round_trip_through_tmx_and_a_memory(tmp_path):
    with TranslationMemory(tmp_path / "one.sqlite") as memory:
        assert memory.add_many(MAY) == 3
        exported = list(memory.units("en", "az"))
    path = tmp_path / "may.tmx"
    assert write_tmx(path, exported, "en") == 3
    assert path.read_text(encoding="utf-8").count('<prop type="x-context">') == 2
    assert read_tmx(path) == MAY
    with TranslationMemory(tmp_path / "two.sqlite") as memory:
        assert memory.add_many(read_tmx(path)) == 3, "May the month and May the verb are two"
        (month, verb) = memory.lookup_many(
            ["May", "May"], "en", "az", threshold=1.0, contexts=["month", "verb"]
        )
        assert [m.target for m in month] == ["May"] and [m.target for m in verb] == ["Bilər"]


def test_translate_toolkit_reads_our_contexts_and_we_read_its(tmp_path):
    path = tmp_path / "may.tmx"
    write_tmx(path, MAY, "en")
    store = tmxfile(path.read_bytes())
    assert [(unit.source, unit.target, unit.getcontext()) for unit in store.units] == [
        ("May", "May", "month"),
        ("May", "Bilər", "verb"),
        ("May", "Bəlkə", ""),
    ]
    theirs = tmxfile(sourcelanguage="en", targetlanguage="az")
    theirs.addtranslation("May", "en", "May", "az", context="month")
    theirs.addtranslation("May", "en", "Bilər", "az", context="verb")
    theirs.addtranslation("Save", "en", "Saxla", "az")
    (tmp_path / "toolkit.tmx").write_bytes(bytes(theirs))
    assert [(u.source, u.target, u.context) for u in read_tmx(tmp_path / "toolkit.tmx")] == [
        ("May", "May", "month"),
        ("May", "Bilər", "verb"),
        ("Save", "Saxla", None),
    ]


OMEGAT = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext"
          creationtoolversion="6.0.0" segtype="sentence" srclang="FR-FR"/>
  <body>
    <tu>
      <prop type="file">news.odt</prop>
      <tuv xml:lang="FR-FR"><seg>Un <bpt i="1" x="1">&lt;b0&gt;</bpt>grand<ept i="1">&lt;/b0&gt;</ept> sommet.</seg></tuv>
      <tuv xml:lang="EN-GB" changeid="alice" changedate="20200115T101010Z"
           creationid="alice" creationdate="20200114T090000Z"><seg>A <hi>big</hi> summit.</seg></tuv>
      <tuv xml:lang="DE"><seg>Ein großer Gipfel.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="FR-FR"><seg>Seul.</seg></tuv>
      <tuv xml:lang="EN-GB"><seg></seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_an_omegat_tmx_with_inline_codes_and_three_languages(tmp_path):
    path = tmp_path / "project_save.tmx"
    path.write_text(OMEGAT, encoding="utf-8")
    units = read_tmx(path)
    assert [(u.source, u.target, u.source_lang, u.target_lang) for u in units] == [
        ("Un grand sommet.", "A big summit.", "fr_FR", "en_GB"),
        ("Un grand sommet.", "Ein großer Gipfel.", "fr_FR", "de"),
    ]
    assert units[0].created_by == "alice"
    assert units[0].created_at == datetime(2020, 1, 14, 9, 0, tzinfo=UTC)
    assert units[1].created_by == "translator" and units[1].created_at is None


def test_the_source_variant_is_the_one_srclang_names(tmp_path):
    path = tmp_path / "reversed.tmx"
    path.write_text(
        '<tmx version="1.4"><header srclang="en"/><body><tu>'
        '<tuv xml:lang="fr"><seg>Bonjour.</seg></tuv>'
        '<tuv xml:lang="en-US"><seg>Hello.</seg></tuv>'
        "</tu></body></tmx>",
        encoding="utf-8",
    )
    [unit] = read_tmx(path)
    assert (unit.source, unit.source_lang, unit.target, unit.target_lang) == (
        "Hello.",
        "en_US",
        "Bonjour.",
        "fr",
    )


def test_control_characters_are_left_out_and_the_file_stays_well_formed(tmp_path):
    path = tmp_path / "out.tmx"
    bad = MemoryUnit("Page\x0csuivante.", "Next\x0cpage.", "fr", "en", "catalog")
    assert write_tmx(path, [bad, *UNITS], "fr") == 2
    assert read_tmx(path) == UNITS


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "laughs.tmx",
            b'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
            b'<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>&b;</seg>'
            b'</tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>',
            "refusing .* internal DTD subset",
        ),
        (
            "external.tmx",
            b'<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
            b'<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr">'
            b'<seg>&secret;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>',
            "refusing",
        ),
        (
            "undefined.tmx",
            b'<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            b'<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr">'
            b'<seg>&nbsp;x</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>',
            "refusing .* entities",
        ),
        (
            "truncated.tmx",
            OMEGAT.encode("utf-8")[:400],
            "not well-formed XML .*truncated",
        ),
        (
            "latin1.tmx",
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="fr"/>'
            '<body><tu><tuv xml:lang="fr"><seg>Café.</seg></tuv><tuv xml:lang="en"><seg>Coffee.'
            "</seg></tuv></tu></body></tmx>".encode("latin-1"),
            r"not UTF-8 \(byte 0xe9 on line 2\)",
        ),
        (
            "root.tmx",
            b'<?xml version="1.0"?><xliff version="1.2"/>',
            "not TMX: its root element is <xliff>",
        ),
        (
            "language.tmx",
            b'<tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>a</seg>'
            b'</tuv><tuv xml:lang="zz-Klingon-1"><seg>b</seg></tuv></tu></body></tmx>',
            "unknown language 'zz-Klingon-1'",
        ),
    ],
)
def test_bad_tmx_files_are_one_line_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        read_tmx(path)
    assert "\n" not in str(caught.value)


def test_a_tmx_declared_in_latin1_is_read(tmp_path):
    path = tmp_path / "declared.tmx"
    path.write_bytes(
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<tmx version="1.4"><header srclang="fr"/>'
        '<body><tu><tuv xml:lang="fr"><seg>Café.</seg></tuv><tuv xml:lang="en"><seg>Coffee.'
        "</seg></tuv></tu></body></tmx>".encode("latin-1")
    )
    assert [(u.source, u.target) for u in read_tmx(path)] == [("Café.", "Coffee.")]


def test_a_missing_file_is_a_one_line_error(tmp_path: Path):
    with pytest.raises(InputError, match="not found"):
        read_tmx(tmp_path / "absent.tmx")
