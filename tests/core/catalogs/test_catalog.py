"""Catalog building and msgmerge-like merging, without any engine."""

import polib
import pytest

from workbench.core.catalogs.comments import Draft, machine_record
from workbench.core.catalogs.entries import EntryState, entry_state
from workbench.core.catalogs.merge import build_template, merge_catalog
from workbench.core.catalogs.pofile import load_catalog, parse_po, render
from workbench.core.engines.base import Hypothesis
from workbench.core.errors import ConflictError, InputError
from workbench.core.sources.document import parse_document


def _doc(text):
    return parse_document(text, "fr")


def _draft(text, score=-0.5, *alternatives, notes=()):
    hyps = (
        Hypothesis(text, score),
        *(Hypothesis(a, score - 1 - i) for i, a in enumerate(alternatives)),
    )
    return Draft(hyps, "argos translate-fr_en 1.0 (beam 4)", tuple(notes))


def test_template_has_one_entry_per_distinct_sentence_with_every_occurrence():
    doc = _doc("Bonjour. Merci.\n\nBonjour.")
    pot = build_template([doc], "demo")
    assert [e.msgid for e in pot] == ["Bonjour.", "Merci."]
    assert [line for _, line in pot[0].occurrences] == ["1", "3"]
    assert pot.metadata["X-Source-Language"] == "fr"


def test_new_catalog_gets_fuzzy_drafts_with_machine_comments_and_babel_header():
    pot = build_template([_doc("Bonjour. Merci.")], "demo")
    po, summary = merge_catalog(None, pot, "az", {"Bonjour.": _draft("Salam.", -0.25, "Salam!")})
    hello = po.find("Bonjour.")
    assert hello.msgstr == "Salam." and hello.fuzzy
    assert "MT: argos translate-fr_en 1.0 (beam 4); score -0.2500" in hello.comment
    assert po.metadata["Language"] == "az"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert po.metadata["Language-Team"] == "Azerbaijani"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["X-Generator"].startswith("workbench ")
    assert (summary.new, summary.machine, summary.untranslated) == (2, 1, 1)


def test_machine_record_round_trips_through_the_po_text():
    pot = build_template([_doc("Bonjour.")], "demo")
    po, _ = merge_catalog(None, pot, "en", {"Bonjour.": _draft("Hello.", -0.1, "Hi.", "Good day.")})
    record = machine_record(parse_po(render(po)).find("Bonjour."))
    assert [h.text for h in record.alternatives] == ["Hello.", "Hi.", "Good day."]
    assert record.signature == "argos translate-fr_en 1.0 (beam 4)"
    assert record.score == pytest.approx(-0.1)


def test_rerun_keeps_approved_entries_and_translator_comments_updates_drafts_obsoletes_vanished():
    first = build_template([_doc("Un. Deux. Trois.")], "demo")
    po, _ = merge_catalog(
        None, first, "en", {s: _draft(f"old {s}") for s in ("Un.", "Deux.", "Trois.")}
    )
    approved = po.find("Un.")
    approved.msgstr, approved.flags, approved.tcomment = (
        "One (by hand).",
        [],
        "checked with the client",
    )
    second = build_template([_doc("Un. Deux. Quatre.")], "demo")
    merged, summary = merge_catalog(
        parse_po(render(po)),
        second,
        "en",
        {s: _draft(f"new {s}") for s in ("Un.", "Deux.", "Quatre.")},
    )
    one, two, four = merged.find("Un."), merged.find("Deux."), merged.find("Quatre.")
    assert (
        one.msgstr == "One (by hand)."
        and not one.fuzzy
        and one.tcomment == "checked with the client"
    )
    assert two.msgstr == "new Deux." and two.fuzzy
    assert four.msgstr == "new Quatre."
    three = merged.find("Trois.", include_obsolete_entries=True)
    assert three.obsolete and three.msgstr == "old Trois."
    assert (summary.approved_kept, summary.machine, summary.obsolete, summary.new) == (1, 2, 1, 1)


def test_obsolete_entry_comes_back_with_its_translation():
    pot_a = build_template([_doc("Un. Deux.")], "demo")
    po, _ = merge_catalog(None, pot_a, "en", {"Deux.": _draft("Two.")})
    po, _ = merge_catalog(parse_po(render(po)), build_template([_doc("Un.")], "demo"), "en", {})
    po, _ = merge_catalog(parse_po(render(po)), pot_a, "en", {})
    two = po.find("Deux.")
    assert two is not None and not two.obsolete and two.msgstr == "Two."
    assert len([e for e in po if e.msgid == "Deux."]) == 1


def test_no_mt_keeps_previous_drafts():
    pot = build_template([_doc("Un.")], "demo")
    po, _ = merge_catalog(None, pot, "en", {"Un.": _draft("One.")})
    po, summary = merge_catalog(parse_po(render(po)), pot, "en", {})
    assert po.find("Un.").msgstr == "One." and po.find("Un.").fuzzy
    assert summary.untranslated == 0


@pytest.mark.parametrize(
    "text",
    [
        'msgid "unterminated\nmsgstr ""\n',
        'msgid "a"\nmsgstr "b"\nmsgid "a"\ngarbage here\n',
        "   \n",
    ],
)
def test_malformed_po_is_a_one_line_input_error(text):
    with pytest.raises(InputError) as caught:
        parse_po(text, "x.po")
    assert "\n" not in str(caught.value)


def test_catalog_save_refuses_to_overwrite_an_external_change(tmp_path):
    path = tmp_path / "x.po"
    po = polib.POFile()
    po.append(polib.POEntry(msgid="a", msgstr="b"))
    path.write_text(render(po), encoding="utf-8")
    catalog = load_catalog(path)
    path.write_text(
        render(po) + '\nmsgid "c"\nmsgstr "d"\n', encoding="utf-8"
    )  # someone else saves
    catalog.po.find("a").msgstr = "mine"
    with pytest.raises(ConflictError):
        catalog.save()
    assert 'msgid "c"' in path.read_text(encoding="utf-8")


def test_entry_states():
    assert entry_state(polib.POEntry(msgid="a")) is EntryState.UNTRANSLATED
    assert entry_state(polib.POEntry(msgid="a", msgstr="b", flags=["fuzzy"])) is EntryState.MACHINE
    assert entry_state(polib.POEntry(msgid="a", msgstr="b")) is EntryState.APPROVED
    assert entry_state(polib.POEntry(msgid="a", msgstr="b", obsolete=True)) is EntryState.OBSOLETE


def test_machine_record_survives_comment_wrapping_at_spaces_and_hyphens():
    long_pivot = "des menaces socio-économiques et humanitaires globales " * 3
    text = " ".join(long_pivot.split())
    pot = build_template([_doc("Bonjour.")], "demo")
    draft = Draft((Hypothesis("Salam.", -0.2, pivot=text), Hypothesis(text, -1.0)), "sig")
    po, _ = merge_catalog(None, pot, "az", {"Bonjour.": draft})
    rendered = render(po)
    assert "socio-\n#. " in rendered or "socio-économiques" in rendered
    record = machine_record(parse_po(rendered).find("Bonjour."))
    assert record.pivot == text
    assert record.alternatives[1].text == text


def test_rerun_keeps_a_draft_a_translator_edited_but_has_not_approved():
    from workbench.core.catalogs.comments import EDITED_NOTE

    pot = build_template([_doc("Un. Deux.")], "demo")
    po, _ = merge_catalog(None, pot, "en", {"Un.": _draft("one"), "Deux.": _draft("two")})
    edited = po.find("Un.")
    edited.msgstr, edited.comment = "One, as I wrote it.", f"{EDITED_NOTE}\n{edited.comment}"
    merged, summary = merge_catalog(
        parse_po(render(po)), pot, "en", {"Un.": _draft("new one"), "Deux.": _draft("new two")}
    )
    assert merged.find("Un.").msgstr == "One, as I wrote it." and merged.find("Un.").fuzzy
    assert merged.find("Deux.").msgstr == "new two"
    assert (summary.edited_kept, summary.machine) == (1, 1)


def test_memory_suggestions_are_read_back():
    pot = build_template([_doc("Bonjour.")], "demo")
    draft = Draft(
        (Hypothesis("Hello.", -0.1),), "sig", notes=("TM: 87% | Hello there.", "TM: 76% | Hi.")
    )
    po, _ = merge_catalog(None, pot, "en", {"Bonjour.": draft})
    record = machine_record(parse_po(render(po)).find("Bonjour."))
    assert [(m.percent, m.text) for m in record.memory] == [(87, "Hello there."), (76, "Hi.")]
