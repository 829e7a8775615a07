"""The review session: the model behind the TUI, tested without Textual."""

import polib
import pytest

from tests.core.review.conftest import TARGETS, machine_draft
from workbench.core.catalogs.comments import Draft
from workbench.core.catalogs.merge import build_template, merge_catalog
from workbench.core.catalogs.paths import catalog_path
from workbench.core.catalogs.pofile import load_catalog, render
from workbench.core.engines.base import Hypothesis
from workbench.core.errors import InputError
from workbench.core.pipeline import PipelineResult
from workbench.core.review import (
    EDITED_LABEL,
    CellState,
    ReviewSession,
    StatusFilter,
)
from workbench.core.sources.document import load_document, parse_document
from workbench.core.sources.units import UnitKey
from workbench.core.textio import atomic_write


@pytest.fixture
def session(seed, tmp_path):
    return ReviewSession.open(seed.path, TARGETS, tmp_path / "locales")


def po_of(session, lang):
    return polib.pofile(str(session.catalog_path(lang)))


def test_rows_align_segments_with_each_target(session, seed):
    assert len(session) == len(seed.segments)
    row = session.row(2)
    assert row.number == 3 and row.source == seed.segments[2].text
    assert row.cells["en"].text == f"EN {row.source}"
    assert row.cells["az"].state is CellState.MACHINE
    assert row.cells["az"].mark[0] == "~"


def test_an_edit_stays_a_draft_until_approved_and_is_recorded(session):
    assert session.set_translation(0, "en", "My own words.")
    cell = session.cell(0, "en")
    assert (cell.text, cell.state) == ("My own words.", CellState.EDITED)
    assert cell.mark[0] == "✎"
    assert session.dirty and session.dirty_languages() == ("en",)
    report = session.save()
    assert report.saved == ("en",) and not report.conflicts
    assert not session.dirty
    entry = po_of(session, "en").find(session.segments[0].text)
    assert entry.msgstr == "My own words." and entry.fuzzy
    assert EDITED_LABEL in entry.comment
    # the machine's candidates survive the edit, best first, in the catalog
    reopened = ReviewSession.open(session.document.path, TARGETS, session.locales)
    assert reopened.cell(0, "en").state is CellState.EDITED
    source = session.segments[0].text
    assert [h.text for h in reopened.alternatives(0, "en")] == [
        f"EN {source}",
        f"en second {source}",
        f"en third {source}",
    ]


def test_setting_the_same_text_changes_nothing(session):
    assert not session.set_translation(0, "en", session.cell(0, "en").text)
    assert not session.dirty


def test_approve_clears_fuzzy_and_keeps_the_candidates(session):
    assert session.approve(1, "az")
    assert session.cell(1, "az").state is CellState.APPROVED
    assert not session.approve(1, "az"), "already approved"
    session.save()
    entry = po_of(session, "az").find(session.segments[1].text)
    assert not entry.fuzzy and entry.msgstr == f"AZ {session.segments[1].text}"
    reopened = ReviewSession.open(session.document.path, TARGETS, session.locales)
    assert len(reopened.alternatives(1, "az")) == 3
    assert reopened.unapprove(1, "az")
    assert reopened.cell(1, "az").state is CellState.MACHINE


def test_an_empty_cell_cannot_be_approved(session):
    session.set_translation(0, "en", "")
    assert session.cell(0, "en").state is CellState.EMPTY
    assert not session.approve(0, "en")


def test_choose_alternative_and_copy_source(session):
    source = session.segments[0].text
    assert session.choose_alternative(0, "en", 2) == f"en second {source}"
    assert session.cell(0, "en").text == f"en second {source}"
    assert session.choose_alternative(0, "en", 9) is None
    # after the choice the list still offers the machine's best first
    assert session.alternatives(0, "en")[0].text == f"EN {source}"
    assert session.copy_source(0, "az") == source
    assert session.cell(0, "az").text == source


def test_counts_per_language(session, seed):
    total = len(seed.segments)
    counts = session.counts("en")
    assert (counts.total, counts.machine, counts.approved, counts.empty) == (total, total, 0, 0)
    session.approve(0, "en")
    session.approve(1, "en")
    session.set_translation(2, "en", "")
    session.set_translation(3, "en", "Edited.")
    counts = session.counts("en")
    assert counts.approved == 2 and counts.empty == 1 and counts.edited == 1
    assert counts.machine == total - 3
    assert counts.percent == pytest.approx(200 / total)
    assert session.counts("az").approved == 0


def test_identical_sentences_share_one_entry(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "doc.fr.txt"
    path.write_text("Oui. Non.\n\nOui. Peut-être.\n", encoding="utf-8")
    session = ReviewSession.open(path, ["en"], tmp_path / "locales")
    texts = [segment.text for segment in session.segments]
    assert texts == ["Oui.", "Non.", "Oui.", "Peut-être."]
    assert session.siblings(0) == (0, 2)
    version = session.version(2)
    session.set_translation(0, "en", "Yes.")
    assert session.cell(2, "en").text == "Yes."
    assert session.version(2) > version
    assert session.counts("en").edited == 2
    session.save()
    po = polib.pofile(str(session.catalog_path("en")))
    assert [entry.msgid for entry in po] == ["Oui.", "Non.", "Peut-être."]


def test_a_missing_catalog_is_created_on_the_first_save_only(tmp_path, seed_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    session = ReviewSession.open(seed_path, ["en"], tmp_path / "locales")
    path = session.catalog_path("en")
    assert session.cell(0, "en").state is CellState.EMPTY
    assert session.save().saved == ()
    assert not path.exists()
    session.set_translation(4, "en", "Hello.")
    session.save()
    po = polib.pofile(str(path))
    assert len(po) == len({s.text for s in session.segments})
    assert po.find(session.segments[4].text).msgstr == "Hello."
    assert po.metadata["Language"] == "en"


def test_saving_changes_exactly_the_edited_entries(session):
    before = {lang: po_of(session, lang) for lang in TARGETS}
    session.set_translation(5, "en", "Changed.")
    session.approve(6, "az")
    session.save()
    for lang in TARGETS:
        after = po_of(session, lang)
        changed = [
            old.msgid
            for old, new in zip(before[lang], after, strict=True)
            if (old.msgstr, old.flags) != (new.msgstr, new.flags)
        ]
        expected = session.segments[5 if lang == "en" else 6].text
        assert changed == [expected]


def test_cached_rendering_is_what_polib_writes(session):
    lane_po = load_catalog(session.catalog_path("en")).po
    lane_po[3].obsolete = True
    lane_po[2].msgstr = "changed"
    assert session.render(lane_po) == render(lane_po)
    lane_po[2].msgstr = "changed again"  # the cache must notice the change
    assert session.render(lane_po) == render(lane_po)


def test_save_refuses_to_overwrite_an_external_change(session):
    path = session.catalog_path("en")
    session.set_translation(0, "en", "Mine.")
    po = polib.pofile(str(path))
    po[1].msgstr = "Theirs."
    po.save(str(path))
    external = path.read_bytes()
    report = session.save()
    assert report.conflicts == ("en",)
    assert path.read_bytes() == external
    assert session.changed_on_disk() == ("en",)
    assert session.dirty


def test_reload_discards_my_changes(session):
    path = session.catalog_path("en")
    session.set_translation(0, "en", "Mine.")
    po = polib.pofile(str(path))
    po[1].msgstr = "Theirs."
    po.save(str(path))
    session.reload("en")
    assert not session.dirty
    assert session.cell(1, "en").text == "Theirs."
    assert session.cell(0, "en").text == f"EN {session.segments[0].text}"
    assert session.changed_on_disk() == ()


def test_merge_keeps_my_edits_takes_theirs_and_reports_both_changed(session):
    path = session.catalog_path("en")
    first, second, third = (session.segments[i].text for i in range(3))
    session.set_translation(0, "en", "Mine.")
    session.set_translation(2, "en", "Mine too.")
    po = polib.pofile(str(path))
    po.find(second).msgstr = "Theirs."
    po.find(third).msgstr = "Theirs as well."
    po.save(str(path))
    report = session.merge("en")
    assert report.both_changed == (third,)
    assert report.kept_mine == 2 and report.took_theirs == 1
    assert [session.cell(i, "en").text for i in range(3)] == ["Mine.", "Theirs.", "Mine too."]
    assert session.save().saved == ("en",)
    po = polib.pofile(str(path))
    assert [po.find(text).msgstr for text in (first, second, third)] == [
        "Mine.",
        "Theirs.",
        "Mine too.",
    ]


def test_apply_drafts_fills_drafts_and_never_replaces_human_work(session):
    first, second, third = (session.segments[i].text for i in range(3))
    session.set_translation(0, "en", "")
    session.set_translation(1, "en", "Human.")
    session.approve(2, "en")
    approved_text = session.cell(2, "en").text
    new = {
        UnitKey(None, text): Draft(
            (Hypothesis(f"new {text}", -0.2), Hypothesis("other", -0.4)), "engine 2"
        )
        for text in (first, second, third)
    }
    result = PipelineResult(source_lang="fr", drafts={"en": new})
    assert session.apply_drafts(result) == 3
    assert session.cell(0, "en").text == f"new {first}"
    assert session.cell(0, "en").state is CellState.MACHINE
    assert session.cell(1, "en").text == "Human."
    assert session.cell(2, "en").text == approved_text
    assert session.cell(2, "en").state is CellState.APPROVED
    assert [h.text for h in session.alternatives(1, "en")] == [f"new {second}", "other"]
    assert [h.text for h in session.alternatives(2, "en")] == [f"new {third}", "other"]


def test_checks_find_problems_and_filters_select_rows(session):
    index = next(i for i, s in enumerate(session.segments) if any(c.isdigit() for c in s.text))
    source = session.segments[index].text
    az_problems = session.select(StatusFilter.PROBLEMS, ["az"])
    en_problems = session.counts("en").problems
    assert session.set_translation(index, "en", source.replace("19", "91"))
    problems = session.problems(index, "en")
    assert any(problem.check == "numbers" for problem in problems)
    assert session.cell(index, "en").mark.endswith("!")
    assert session.counts("en").problems == en_problems + 1
    assert index in session.select(StatusFilter.PROBLEMS, ["en"])
    assert session.select(StatusFilter.PROBLEMS, ["az"]) == az_problems
    other = index + 1
    session.approve(other, "en")
    todo = session.select(StatusFilter.PENDING, ["en"])
    assert other not in todo and index in todo
    assert session.select(StatusFilter.APPROVED, ["en"]) == [other]
    assert session.select(StatusFilter.EDITED, ["en", "az"]) == [index]
    assert session.select(StatusFilter.MACHINE, ["en"]) == [
        i for i in range(len(session)) if i != other
    ]


def test_search_and_stepping_wrap_around(session):
    hits = session.select(StatusFilter.ALL, TARGETS, query="AZERTAC")
    assert hits and all("azertac" in session.segments[i].text.casefold() for i in hits)
    assert session.contains(0, "az ", ["az"]), "targets are searched too"
    order = list(range(len(session)))
    assert session.step(order, len(order) - 1, +1, lambda i: i == 0) == 0
    assert session.step(order, 0, -1, lambda i: i == 3) == 3
    assert session.step(order, 0, +1, lambda i: False) is None


def test_the_memory_learns_approvals_on_save(seed, tmp_path):
    memory_module = pytest.importorskip("workbench.core.memory")
    memory_path = tmp_path / "tm.sqlite"
    session = ReviewSession.open(seed.path, TARGETS, tmp_path / "locales", memory_path=memory_path)
    session.approve(0, "en")
    session.set_translation(1, "en", "Not approved.")
    report = session.save()
    assert report.memory_added == 1 and not report.memory_error
    with memory_module.TranslationMemory(memory_path) as memory:
        matches = memory.lookup(session.segments[0].text, "fr", "en")
    assert [m.target for m in matches] == [f"EN {session.segments[0].text}"]


def test_glossary_terms_with_required_renderings(tmp_path, monkeypatch):
    pytest.importorskip("workbench.core.glossary")
    monkeypatch.chdir(tmp_path)
    glossary = tmp_path / "terms.csv"
    glossary.write_text("fr,en,az\nConseil turcique,Turkic Council,Türk Şurası\n", encoding="utf-8")
    path = tmp_path / "doc.fr.txt"
    path.write_text("Le Conseil turcique se réunit.\n", encoding="utf-8")
    session = ReviewSession.open(path, TARGETS, tmp_path / "locales", glossary_paths=[glossary])
    (term,) = session.terms(0)
    assert term.source == "Conseil turcique" and term.spans == ((3, 19),)
    assert [(r.lang, r.expected, r.present) for r in term.renderings] == [
        ("en", "Turkic Council", None),
        ("az", "Türk Şurası", None),
    ]
    session.set_translation(0, "en", "The Turkic Council meets.")
    session.set_translation(0, "az", "Şura toplanır.")
    (term,) = session.terms(0)
    assert [r.present for r in term.renderings] == [True, False]
    assert any(p.check == "glossary" for p in session.problems(0, "az"))


def test_a_language_still_loading_shows_as_loading(seed, tmp_path):
    session = ReviewSession(seed, TARGETS, tmp_path / "locales")
    assert session.cell(0, "en").state is CellState.LOADING
    assert session.counts("en").loading
    with pytest.raises(InputError, match="still loading"):
        session.set_translation(0, "en", "x")
    session.attach(session.read_language("en"))
    assert session.is_loaded("en") and not session.is_loaded()


def test_target_languages_are_checked(seed, tmp_path):
    with pytest.raises(InputError, match="already in 'fr'"):
        ReviewSession(seed, ["fr"], tmp_path)
    with pytest.raises(InputError):
        ReviewSession(seed, ["xx-not-a-language"], tmp_path)


def test_an_obsolete_entry_is_revived_when_its_sentence_returns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    document = parse_document("Bonjour.\n", "fr", tmp_path / "doc.fr.txt")
    (tmp_path / "doc.fr.txt").write_text("Bonjour.\n", encoding="utf-8")
    po = polib.POFile()
    po.metadata = {"Language": "en", "Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Bonjour.", msgstr="Hello.", obsolete=True))
    atomic_write(catalog_path(tmp_path / "locales", "en", "doc"), str(po))
    session = ReviewSession(document, ["en"], tmp_path / "locales")
    session.load()
    assert session.cell(0, "en").state is CellState.EMPTY
    session.set_translation(0, "en", "Good morning.")
    session.save()
    saved = polib.pofile(str(session.catalog_path("en")))
    assert [(e.msgid, e.msgstr, e.obsolete) for e in saved] == [("Bonjour.", "Good morning.", 0)]


def test_fuzzy_memory_matches_are_offered_and_chosen_like_alternatives(
    tmp_path, seed_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    document = load_document(seed_path)
    template = build_template([document], document.name)
    first = template[0].msgid
    drafts = {entry.msgid: machine_draft(entry.msgid, "en") for entry in template}
    drafts[first] = Draft(
        drafts[first].hypotheses, "test-engine 1.0", notes=("TM: 88% | From the memory.",)
    )
    po, _ = merge_catalog(None, template, "en", drafts)
    atomic_write(catalog_path(tmp_path / "locales", "en", document.name), render(po))
    session = ReviewSession.open(document.path, ("en",), tmp_path / "locales")
    offered = session.alternatives(0, "en")
    assert [h.text for h in offered][-1] == "From the memory."
    assert offered[-1].origin == "TM 88%"
    session.choose_alternative(0, "en", len(offered))
    assert session.cell(0, "en").text == "From the memory."
