"""A translator's day in the review TUI (issue 9): where they left off, search that shows its
work, the memory beside the alternatives, concordance, a screen that fits 80×24."""

import pytest
from rich.cells import cell_len
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tests.tui.conftest import editor_follows, loaded, settle, type_text
from tests.tui.test_review_app import area, header_text, move_to, review
from workbench.core.memory import ORIGIN_CATALOG, MemoryUnit, TranslationMemory
from workbench.tui.screens.concordance import ConcordanceScreen
from workbench.tui.screens.dialogs import ChoiceDialog
from workbench.tui.widgets.segment_table import window

pytestmark = pytest.mark.anyio

SIZE = (80, 24)
SMALL = (80, 24)


def line_text(strip) -> str:
    return "".join(segment.text for segment in strip)


def reversed_texts(content) -> list[str]:
    """The parts of a Content drawn in reverse video (search matches)."""
    return [
        content.plain[span.start : span.end]
        for span in content.spans
        if "reverse" in str(span.style)
    ]


async def test_reopens_at_the_last_row_and_language(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await move_to(pilot, 5)
        await pilot.press("right")  # az
        await editor_follows(pilot)
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(again)
        assert screen.table.current_index == 5 and screen.current_lang == "az"
        assert area(again, "az").text == screen.session.cell(5, "az").text


async def test_search_highlights_counts_and_options(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session, table = screen.session, screen.table
        hits = [i for i in range(18) if "sommet" in session.segments[i].text.casefold()]
        assert len(hits) > 2
        await pilot.press("ctrl+f")
        await type_text(pilot, "SOMMET")
        await pilot.press("enter")
        assert table.current_index == hits[0]
        assert f"“SOMMET” 1/{len(hits)}" in header_text(app)
        source = screen.query_one("#source", Static).content
        assert "sommet" in reversed_texts(source)  # highlighted in the editor's source
        row_lines = [line_text(table.render_line(y)) for y in range(1, 20)]
        assert any("sommet" in line for line in row_lines)
        await pilot.press("alt+c", "enter")  # match case: nothing is in capitals
        assert "0/0" in header_text(app)
        await pilot.press("alt+c", "enter")  # case ignored again: the next match
        assert table.current_index == hits[1]
        await pilot.press("escape", "n")
        assert table.current_index == hits[2]
        assert f"3/{len(hits)}" in header_text(app)
        await pilot.press("slash")
        screen.query_one("#search").value = r"\b1[23]0\b"
        await pilot.press("alt+r", "enter")
        numbers = [i for i in range(18) if "120 " in session.segments[i].text]
        assert table.current_index == numbers[0]
        screen.query_one("#search").value = "("  # not a regular expression: said, not raised
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running


async def test_a_match_beyond_the_visible_text_is_shown():
    text = "word " * 30 + "needle at the end"
    shown = window(text, [(text.index("needle"), text.index("needle") + 6)], 40)
    assert shown.startswith("…") and "needle" in shown[:40]
    assert window("needle first", [(0, 6)], 40) == "needle first"


async def test_the_80x24_screen_is_not_cut(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await loaded(pilot)
        await pilot.press("shift+f8", "ctrl+l", "t")  # unsaved, and a filter
        await settle(pilot)
        header = header_text(app)
        assert header.endswith("unsaved · filter: to do") and cell_len(header) <= 80
        keys = list(app.screen.query(FooterKey))
        palette = next(key for key in keys if key.has_class("-command-palette"))
        others = [key for key in keys if key is not palette]
        assert others and all(
            key.region.right <= palette.region.x and key.region.width >= cell_len(key.description)
            for key in others
        )
        # the source pane scrolls to the end of a long sentence, and back for the next row
        await move_to(pilot, 3)
        scroll = app.screen.query_one("#source-scroll")
        assert scroll.max_scroll_y > 0, "a long source needs more than the pane's two lines"
        await pilot.press("alt+pagedown")
        assert scroll.scroll_y > 0
        await move_to(pilot, 4)
        assert scroll.scroll_y == 0


async def test_toasts_wait_until_the_dialog_closes(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.notify("Before the dialog.", timeout=30)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not app._notifications, "a toast on screen goes away while the dialog is open"
        assert isinstance(app.screen, ChoiceDialog)
        app.notify("Saved en.")
        await pilot.pause()
        assert not app._notifications, "no toast over the dialog"
        await pilot.press("escape")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Before the dialog.", "Saved en."]


@pytest.fixture
def memory(project):
    """A memory that remembers the first sentence in an older wording."""
    path = project / "memory.sqlite"
    first = "date 2020-06 Bakou, 27 juin, AZERTAC"
    with TranslationMemory(path) as memory:
        memory.add_many(
            [
                MemoryUnit(
                    first, "date 2020-06 Baku, June 27, AZERTAC", "fr", "en", ORIGIN_CATALOG
                ),
                MemoryUnit(
                    "Le Conseil turcique a parlé.", "The Turkic Council spoke.", "fr", "en", "tmx"
                ),
            ]
        )
    return path


async def test_memory_matches_beside_the_alternatives(make_app, memory):
    app = make_app(memory=memory)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await settle(pilot)
        details = review(app).query_one("#details").content
        text = details.plain
        assert "Memory (en)" in text and "date 2020-06 Baku, June 27, AZERTAC" in text
        percent = next(line for line in text.splitlines() if "Baku, June" in line)
        assert "%" in percent
        styles = {details.plain[s.start : s.end]: str(s.style) for s in details.spans}
        assert "strike" in styles.get("06", "") and "underline" in styles.get("07", "")


async def test_concordance_of_the_memory(make_app, memory):
    app = make_app(memory=memory)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f7")
        assert isinstance(app.screen, ConcordanceScreen)
        await type_text(pilot, "conseil turcique")
        await pilot.press("enter")
        await settle(pilot)
        found = app.screen.query_one("#concordance-list", Static).content
        assert "The Turkic Council spoke." in found.plain
        assert reversed_texts(found) == ["Conseil turcique"]
        await pilot.press("escape")
        assert not isinstance(app.screen, ConcordanceScreen)
