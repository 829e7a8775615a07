"""Confidence in the review: a bar per machine draft, and the riskiest drafts first (F6)."""

import math
import re

import pytest

from tests.tui.conftest import catalog_file, editor_follows, load_po, loaded, settle
from workbench.core.catalogs.comments import MT_LABEL, machine_record
from workbench.core.review import StatusFilter
from workbench.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.anyio

SIZE = (80, 24)


def set_confidences(project, lang, logprobs):
    """Give the catalog's machine drafts these mean log-probabilities, in entry order."""
    po = load_po(project, lang)
    drafts = [entry for entry in po if entry.msgid and "fuzzy" in entry.flags]
    for entry, logprob in zip(drafts, logprobs, strict=False):
        line = (
            f"{MT_LABEL}argos test 1.0 (beam 4); score 0.0000; logprob {logprob:.4f}; "
            f"confidence {math.exp(logprob):.2f}"
        )
        # The MT line as written, perhaps wrapped by the PO writer.
        entry.comment, replaced = re.subn(
            r"^MT: .*?confidence \d\.\d\d", line, entry.comment, count=1, flags=re.S | re.M
        )
        assert replaced == 1
    po.save(str(catalog_file(project, lang)))
    return [entry.msgid for entry in drafts]


def test_translate_records_the_confidence(project):
    po = load_po(project, "en")
    first = next(entry for entry in po if entry.msgid and "fuzzy" in entry.flags)
    record = machine_record(first)  # the PO writer may wrap the line; the reader rejoins it
    assert record is not None and record.signature.startswith("argos translate-fr_en")
    assert record.logprob == pytest.approx(0.0, abs=1e-3)  # the copy model is sure
    assert record.confidence == pytest.approx(1.0, abs=1e-3)


async def test_f6_shows_the_riskiest_drafts_first_with_their_bar(make_app, project):
    logprobs = [-0.05 * ((7 * i) % 11) for i in range(30)]
    msgids = set_confidences(project, "en", logprobs)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = app.screen_stack[0]
        assert isinstance(screen, ReviewScreen)
        session = screen.session
        await pilot.press("f6")
        await settle(pilot)
        assert screen.status is StatusFilter.RISKY
        view = screen.table.view
        lowest = [session.lowest_confidence(index, screen.shown) for index in view]
        assert lowest == sorted(lowest) and len(set(lowest)) > 3
        assert len(view) == sum(1 for i in range(len(session)) if session.confidence(i, "en"))
        riskiest = view[0]
        assert screen.table.current_index == riskiest  # the review starts at the riskiest
        assert session.confidence(riskiest, "en") == pytest.approx(
            math.exp(min(logprobs[: len(msgids)])), abs=0.01
        )
        await editor_follows(pilot)
        # The editor's caption and the table's row show the bar and the figure.
        caption = str(screen.editor.target("en").query_one(".target-label").render())
        assert f"{round(session.confidence(riskiest, 'en') * 100)}%" in caption
        assert "filter: riskiest first" in str(screen.query_one("#header").content)
        row = "".join(segment.text for segment in screen.table.render_line(1))
        assert any(bar in row for bar in "▁▂▃▄▅▆▇")
        # An edit makes the row a person's: it has no machine confidence any more.
        await pilot.press("enter", "x")
        assert session.confidence(riskiest, "en") is None
