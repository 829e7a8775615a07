"""Catalog entries as units, and msgmerge of templates with plurals and contexts."""

from __future__ import annotations

import polib

from workbench.core.catalogs.comments import Draft
from workbench.core.catalogs.entries import entry_unit, units_of_catalog
from workbench.core.catalogs.merge import merge_catalog
from workbench.core.catalogs.pofile import parse_po, render
from workbench.core.engines.base import Hypothesis
from workbench.core.sources.units import UnitKey


def _template() -> polib.POFile:
    pot = polib.POFile()
    pot.metadata = {"Project-Id-Version": "t 1", "X-Source-Language": "en"}
    pot.append(
        polib.POEntry(
            msgid="%d file",
            msgid_plural="%d files",
            msgstr_plural={0: "", 1: ""},
            flags=["c-format"],
            comment="Shown after a delete.",
            occurrences=[("app.c", "3")],
        )
    )
    pot.append(polib.POEntry(msgctxt="month", msgid="May"))
    return pot


def test_an_entry_is_a_unit_keyed_by_context_and_source():
    plural, may = units_of_catalog(_template())
    assert plural.plural_source == "%d files" and plural.flags == ("c-format",)
    assert plural.developer_comments == "Shown after a delete."
    assert plural.references == (("app.c", "3"),)
    assert may.key == UnitKey("month", "May")
    assert entry_unit(_template()[0]).translations == ("", "")


def test_a_plural_entry_gets_the_forms_of_the_header_it_is_merged_under():
    drafts = {
        UnitKey(None, "%d file"): Draft((Hypothesis("%d fayl", 0.0),), "x", forms=("a", "b", "c"))
    }
    po, _ = merge_catalog(None, _template(), "ru", drafts)
    assert po.metadata["Plural-Forms"].startswith("nplurals=3;")
    assert po.find("%d file").msgstr_plural == {0: "a", 1: "b", 2: "c"}
    # An existing catalog keeps its own Plural-Forms, and an approved translation written for
    # another count of forms goes back to review.
    existing = parse_po(render(po))
    existing.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    entry = existing.find("%d file")
    entry.flags = ["c-format"]
    merged, summary = merge_catalog(existing, _template(), "ru", {})
    kept = merged.find("%d file")
    assert merged.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert kept.msgstr_plural == {0: "a", 1: "b"} and kept.fuzzy
    assert summary.approved_kept == 0


def test_developer_comments_come_from_the_template_and_machine_notes_stay_ours():
    drafts = {UnitKey("month", "May"): Draft((Hypothesis("May", 0.0),), "engine 1")}
    po, _ = merge_catalog(None, _template(), "az", drafts)
    template = _template()
    template[0].comment = "Shown after a delete, in the status bar."
    merged, _ = merge_catalog(parse_po(render(po)), template, "az", {})
    assert merged.find("%d file").comment == "Shown after a delete, in the status bar."
    may = next(e for e in merged if e.msgctxt == "month")
    assert may.comment.startswith("MT: engine 1")
