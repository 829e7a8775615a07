"""TBX reading and writing, and refusing XML that could expand or fetch entities."""

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
    load_glossary,
    save_glossary,
)
from workbench.core.glossary.tbx import parse_tbx, render_tbx

SAMPLE = Glossary(
    (
        Concept(
            "nam",
            (
                Term("Mouvement des non-alignés", "fr", TermStatus.PREFERRED, "properNoun", "", ""),
                Term("MNA", "fr", TermStatus.ADMITTED, "properNoun", "", "acronym"),
                Term("Non-Aligned Movement", "en", TermStatus.PREFERRED, "properNoun"),
                Term(
                    "Movement of Non-Aligned", "en", TermStatus.DEPRECATED, note="word-for-word MT"
                ),
                Term("Qoşulmama Hərəkatı", "az"),
            ),
            subject="organisation",
            definition="A forum of states & <not> aligned with a bloc.",
            note="chaired by Azerbaijan 2019-2023",
        ),
        Concept("baku", (Term("Bakou", "fr"), Term("Bakı", "az"))),
    ),
    title="Test glossary",
)


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "terms.tbx"
    save_glossary(SAMPLE, path)
    assert load_glossary(path) == SAMPLE
    text = path.read_text(encoding="utf-8")
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in text
    assert "deprecatedTerm-admn-sts" in text
    assert "&amp; &lt;not&gt;" in text


def test_reads_tbx_v2_martif_with_its_core_dtd_name() -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="t1">
      <descrip type="subjectField">health</descrip>
      <langSet xml:lang="fr"><tig><term>OMS</term>
        <termNote type="termType">acronym</termNote></tig></langSet>
      <langSet xml:lang="en">
        <tig><term>World Health Organization</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <ntig><termGrp><term>World Health Organisation</term>
          <termNote type="normativeAuthorization">deprecatedTerm</termNote></termGrp></ntig>
        <tig><term>WHO</term></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>"""
    [concept] = parse_tbx(data).concepts
    assert concept.id == "t1" and concept.subject == "health"
    statuses = {term.text: term.status for term in concept.terms}
    assert statuses == {
        "OMS": TermStatus.PREFERRED,  # no status and no other preferred: the first is preferred
        "World Health Organization": TermStatus.PREFERRED,
        "World Health Organisation": TermStatus.DEPRECATED,
        "WHO": TermStatus.ADMITTED,
    }
    assert concept.terms[0].term_type == "acronym"


HOSTILE = {
    "billion laughs": """<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<tbx><text><body><conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&b;</term>
</termSec></langSec></conceptEntry></body></text></tbx>""",
    "external entity": """<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tbx><text><body><conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&secret;</term>
</termSec></langSec></conceptEntry></body></text></tbx>""",
    "parameter entity": """<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>
<tbx/>""",
    "external DTD": """<?xml version="1.0"?>
<!DOCTYPE tbx SYSTEM "http://example.invalid/evil.dtd">
<tbx><text><body/></text></tbx>""",
    "public DTD": """<?xml version="1.0"?>
<!DOCTYPE tbx PUBLIC "-//EVIL//DTD x//EN" "evil.dtd">
<tbx><text><body/></text></tbx>""",
    "undeclared entity": """<?xml version="1.0"?>
<tbx><text><body><conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&nope;</term>
</termSec></langSec></conceptEntry></body></text></tbx>""",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_xml_is_refused_with_one_line(name: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_tbx(HOSTILE[name].encode(), "evil.tbx")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("evil.tbx")
    assert "lol" not in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("<tbx><text><body><conceptEntry id='x'>", "not well-formed"),
        ("", "not well-formed"),
        ("<html><body/></html>", "not a TBX term base"),
        (
            "<tbx><text><body><conceptEntry id='x'><langSec><termSec><term>a</term></termSec>"
            "</langSec></conceptEntry></body></text></tbx>",
            "without xml:lang",
        ),
        (
            "<tbx><text><body><conceptEntry id='x'><langSec xml:lang='zz-nope-123'><termSec>"
            "<term>a</term></termSec></langSec></conceptEntry></body></text></tbx>",
            "unknown language code",
        ),
    ],
)
def test_broken_tbx_gives_one_line_errors(data: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected) as caught:
        parse_tbx(data.encode(), "broken.tbx")
    assert "\n" not in str(caught.value)


def test_render_is_parseable_and_declares_tbx_basic() -> None:
    text = render_tbx(SAMPLE)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic"')
    assert parse_tbx(text.encode()) == SAMPLE


def test_shipped_azertac_glossary_loads() -> None:
    glossary = load_glossary(REPO / "glossaries" / "azertac.tbx")
    assert {"fr", "en", "az"} <= set(glossary.languages)
    assert len(glossary) >= 20
