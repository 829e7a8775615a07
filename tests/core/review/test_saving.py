"""Saving tells the truth: the recovery journal, undoing back to the draft, idempotent pinning,
one-line machine comments, the translator's name, counts after a reload (issue 9)."""

import polib

from tests.core.review.conftest import TARGETS
from workbench.core.catalogs.comments import ALTERNATIVE_LABEL, EDITED_LABEL, Draft
from workbench.core.catalogs.merge import build_template, merge_catalog
from workbench.core.catalogs.paths import catalog_path
from workbench.core.catalogs.pofile import render
from workbench.core.engines.base import Hypothesis
from workbench.core.review import CellState, ReviewSession
from workbench.core.sources.document import load_document
from workbench.core.textio import atomic_write

LONG_SIGNATURE = (
    "argos translate-fr_en 1.9 (beam 4) + argos translate-en_az 1.9 (beam 4) + more words"
)


def open_session(seed, tmp_path, **options):
    return ReviewSession.open(seed.path, TARGETS, tmp_path / "locales", **options)


def po_of(session, lang):
    return polib.pofile(str(session.catalog_path(lang)))


def entry_of(session, lang, index=0):
    return po_of(session, lang).find(session.segments[index].text)


def test_autosave_journal_leaves_the_catalog_alone_and_comes_back(seed, tmp_path):
    session = open_session(seed, tmp_path)
    before = session.catalog_path("en").read_bytes()
    session.set_translation(0, "en", "Mine.")
    assert session.write_recovery() == ("en",)
    assert session.catalog_path("en").read_bytes() == before
    journal = session.recovery_path("en")
    assert journal == tmp_path / ".workbench" / "recovery" / f"{seed.name}.en.json"
    assert journal.is_file()

    # "crash": a new session finds the journal and restores it as unsaved work
    again = open_session(seed, tmp_path)
    assert again.recoverable() == {"en": 1}
    report = again.restore_recovery("en")
    assert (report.restored, report.changed_on_disk) == (1, ())
    assert again.cell(0, "en").text == "Mine." and again.cell(0, "en").state is CellState.EDITED
    assert again.dirty_languages() == ("en",)
    again.save()
    assert not journal.exists()
    assert entry_of(again, "en").msgstr == "Mine."


def test_restoring_says_which_entries_changed_on_disk_since(seed, tmp_path):
    session = open_session(seed, tmp_path)
    session.set_translation(0, "en", "Mine.")
    session.write_recovery()
    path = session.catalog_path("en")
    po = polib.pofile(str(path))
    po.find(session.segments[0].text).msgstr = "Theirs."
    po.save(str(path))
    report = open_session(seed, tmp_path).restore_recovery("en")
    assert report.changed_on_disk == (session.segments[0].text,)


def test_discarding_the_journal_forgets_it(seed, tmp_path):
    session = open_session(seed, tmp_path)
    session.set_translation(0, "az", "Mənim.")
    session.write_recovery()
    session.discard_recovery()
    assert open_session(seed, tmp_path).recoverable() == {}


def test_journal_of_a_clean_language_is_dropped(seed, tmp_path):
    session = open_session(seed, tmp_path)
    draft = session.cell(0, "en").text
    session.set_translation(0, "en", "Mine.")
    session.write_recovery()
    session.set_translation(0, "en", draft)
    assert session.write_recovery() == ()  # back to the draft: nothing unsaved
    assert not session.recovery_path("en").exists()


def test_a_broken_journal_is_ignored(seed, tmp_path):
    session = open_session(seed, tmp_path)
    path = session.recovery_path("en")
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    assert session.recoverable() == {}


def test_an_edit_undone_back_to_the_draft_is_not_edited(seed, tmp_path):
    session = open_session(seed, tmp_path)
    draft = session.cell(0, "en").text
    session.set_translation(0, "en", "typed")
    assert session.cell(0, "en").state is CellState.EDITED
    session.set_translation(0, "en", draft)
    assert session.cell(0, "en").state is CellState.MACHINE
    assert not session.dirty  # the entry is as on disk again
    session.set_translation(1, "en", "something else")
    session.save()
    entry = entry_of(session, "en")
    assert EDITED_LABEL not in entry.comment and "fuzzy" in entry.flags
    assert entry.comment.count(ALTERNATIVE_LABEL) == 2  # as translate wrote it: nothing pinned


def test_undoing_a_saved_edit_is_a_change_to_save(seed, tmp_path):
    session = open_session(seed, tmp_path)
    draft = session.cell(0, "en").text
    session.set_translation(0, "en", "typed")
    session.save()
    session.set_translation(0, "en", draft)
    assert session.cell(0, "en").state is CellState.MACHINE
    assert session.dirty_languages() == ("en",), "the disk holds the edit"
    session.save()
    entry = entry_of(session, "en")
    assert entry.msgstr == draft and EDITED_LABEL not in entry.comment


def test_pinning_adds_nothing_the_second_time(seed, tmp_path):
    session = open_session(seed, tmp_path)
    session.approve(0, "en")
    session.save()
    first = entry_of(session, "en").comment
    for _ in range(3):
        session.unapprove(0, "en")
        session.approve(0, "en")
        session.save()
    assert entry_of(session, "en").comment == first
    assert first.count(ALTERNATIVE_LABEL) == 3  # the draft pinned once, beside the two others


def test_machine_comments_stay_one_line_each(tmp_path, seed_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    document = load_document(seed_path)
    template = build_template([document], document.name)
    drafts = {
        entry.msgid: Draft(
            (Hypothesis("first " * 12, -0.25), Hypothesis("second " * 12, -0.5)),
            signature=LONG_SIGNATURE,
        )
        for entry in template
    }
    po, _ = merge_catalog(None, template, "en", drafts)
    path = catalog_path(tmp_path / "locales", "en", document.name)
    atomic_write(path, render(po))
    text = path.read_text(encoding="utf-8")
    assert f"#. MT: {LONG_SIGNATURE}; score -0.2500\n" in text
    assert "#. MT alternative: -0.5000 | second second" in text
    assert not any(line.startswith("#. score") or line == "#. -0.2500" for line in text.split("\n"))
    session = ReviewSession.open(document.path, ["en"], tmp_path / "locales")
    session.approve(0, "en")
    session.save()
    saved = path.read_text(encoding="utf-8")
    machine_lines = [line for line in saved.split("\n") if line.startswith("#. ")]
    assert all(line.startswith(("#. MT", "#. Term", "#. TM")) for line in machine_lines)


def test_every_save_carries_the_translators_name(seed, tmp_path):
    session = open_session(seed, tmp_path, translator="Leyla Aliyeva <leyla@example.org>")
    session.approve(0, "az")
    session.save()
    metadata = po_of(session, "az").metadata
    assert metadata["Last-Translator"] == "Leyla Aliyeva <leyla@example.org>"
    assert metadata["PO-Revision-Date"]


def test_counts_are_right_at_once_after_a_reload(seed, tmp_path):
    session = open_session(seed, tmp_path)
    session.check_all()
    path = session.catalog_path("en")
    po = polib.pofile(str(path))
    po[0].msgstr = "2020 3 4"  # numbers the source does not have: a problem
    po.save(str(path))
    session.reload("en")
    assert session.counts("en").problems >= 1
