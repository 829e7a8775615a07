"""The aligned view: one row per segment, a column per target language, drawn line by line.

No widget per row: `render_line` draws only the lines on screen, from the session, so 10,000
segments cost no more than 40. Rows have a fixed height (1 to 3 lines, text wrapped and the
last line elided), which keeps the position -> line mapping a multiplication. Line 0 is the
column header and stays in place while the rows scroll under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.core.review import CellState
from workbench.tui.keys import TABLE, bindings
from workbench.tui.widgets.confidence import confidence_bar

if TYPE_CHECKING:
    from workbench.core.review import ReviewSession, SearchQuery

ELLIPSIS = "…"
SEPARATOR = "│"
_STATE_CLASSES = {
    CellState.LOADING: "segment-table--loading",
    CellState.EMPTY: "segment-table--empty",
    CellState.MACHINE: "segment-table--machine",
    CellState.EDITED: "segment-table--edited",
    CellState.APPROVED: "segment-table--approved",
}
_LINE_CACHE_SIZE = 4096
_MATCH = Style(reverse=True, bold=True)  # a search match: visible without colour


def fit(text: str, width: int) -> str:
    """`text` padded or cut to exactly `width` cells, an ellipsis marking a cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + ELLIPSIS


def wrap(text: str, width: int, lines: int) -> list[str]:
    """Greedy word wrap into at most `lines` lines of `width` cells, the last one elided."""
    if lines <= 1 or width <= 1:
        return [fit(text, width)]
    words = text.split()
    out: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            current = " ".join(words[index:])
            break
    out.append(current)
    return [fit(line, width) for line in out] + [" " * width] * (lines - len(out))


class SegmentTable(ScrollView, can_focus=True):
    """The list of segments; the cursor is a position in the (filtered) view."""

    BINDINGS: ClassVar = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        *bindings(TABLE, "screen."),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "segment-table--header",
        "segment-table--current-language",
        "segment-table--cursor",
        "segment-table--cursor-cell",
        "segment-table--number",
        "segment-table--separator",
        "segment-table--loading",
        "segment-table--empty",
        "segment-table--machine",
        "segment-table--edited",
        "segment-table--approved",
        "segment-table--problem",
    }
    DEFAULT_CSS = """
    SegmentTable {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    """

    row_height: reactive[int] = reactive(1, init=False)

    class CursorMoved(Message):
        """The cursor is on a new row (`index` into the document, or None: empty view)."""

        def __init__(self, index: int | None) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session: ReviewSession | None = None
        self.view: list[int] = []
        self.languages: tuple[str, ...] = ()
        self.current_language = ""
        self.cursor = 0  # position in `view`
        self._lines: dict[tuple[object, ...], Strip] = {}
        self._placeholder = "Loading…"
        self.search: SearchQuery | None = None  # matches drawn in reverse video

    # --- data ------------------------------------------------------------------------------

    def show(
        self,
        session: ReviewSession | None,
        view: Sequence[int],
        languages: Sequence[str],
        current_language: str,
        *,
        keep_index: int | None = None,
    ) -> None:
        """Show `view` (document row indexes) of `session`; keep the cursor on a row if asked."""
        self.session = session
        self.view = list(view)
        self.languages = tuple(languages)
        self.current_language = current_language
        self._lines.clear()
        self._update_virtual_size()
        position = 0
        if keep_index is not None and self.view:
            position = _nearest(self.view, keep_index)
        self.set_cursor(position, force=True)
        self.refresh()

    @property
    def current_index(self) -> int | None:
        """The document row under the cursor."""
        if not self.view:
            return None
        return self.view[min(self.cursor, len(self.view) - 1)]

    def set_cursor(self, position: int, *, force: bool = False) -> None:
        if not self.view:
            self.cursor = 0
            self.post_message(self.CursorMoved(None))
            return
        position = max(0, min(position, len(self.view) - 1))
        if position == self.cursor and not force:
            return
        previous = self.cursor
        self.cursor = position
        self._refresh_row(previous)
        self._refresh_row(position)
        self.scroll_to_cursor()
        self.post_message(self.CursorMoved(self.view[position]))

    def refresh_rows(self, indexes: Sequence[int] | None = None) -> None:
        """Redraw some document rows (all when None) after the session changed them."""
        if indexes is None:
            self._lines.clear()
            self.refresh()
            return
        wanted = set(indexes)
        for position in range(*self._visible_positions()):
            if self.view[position] in wanted:
                self._refresh_row(position)

    def highlight(self, search: SearchQuery | None) -> None:
        """Show the matches of `search` (None: none) in every row."""
        if search == self.search:
            return
        self.search = search
        self._lines.clear()
        self.refresh()

    def set_current_language(self, lang: str) -> None:
        self.current_language = lang
        self._lines.clear()
        self.refresh()

    # --- geometry ----------------------------------------------------------------------------

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.size.width, 1 + len(self.view) * self.row_height)

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self._update_virtual_size()
        self.scroll_to_cursor()

    def watch_row_height(self) -> None:
        self._lines.clear()
        self._update_virtual_size()
        self.scroll_to_cursor()
        self.refresh()

    def _rows_on_screen(self) -> int:
        return max(1, (self.scrollable_content_region.height - 1) // self.row_height)

    def _visible_positions(self) -> tuple[int, int]:
        first = int(self.scroll_offset.y) // self.row_height
        return first, min(len(self.view), first + self._rows_on_screen() + 1)

    def scroll_to_cursor(self) -> None:
        top = int(self.scroll_offset.y)
        cursor_top = self.cursor * self.row_height
        room = self._rows_on_screen() * self.row_height
        if cursor_top < top:
            self.scroll_to(y=cursor_top, animate=False, immediate=True)
        elif cursor_top + self.row_height > top + room:
            self.scroll_to(y=cursor_top + self.row_height - room, animate=False, immediate=True)

    def _refresh_row(self, position: int) -> None:
        top = 1 + position * self.row_height - int(self.scroll_offset.y)
        self.refresh(Region(0, top, self.size.width, self.row_height))

    # --- keys and mouse -----------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.set_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.set_cursor(self.cursor - 1)

    def action_page_down(self) -> None:
        self.set_cursor(self.cursor + self._rows_on_screen())

    def action_page_up(self) -> None:
        self.set_cursor(self.cursor - self._rows_on_screen())

    def action_first(self) -> None:
        self.set_cursor(0)

    def action_last(self) -> None:
        self.set_cursor(len(self.view) - 1)

    def on_click(self, event: events.Click) -> None:
        line = event.y + int(self.scroll_offset.y) - 1
        if event.y >= 1 and line >= 0:
            self.set_cursor(line // self.row_height)

    # --- drawing ------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def _widths(self, width: int) -> tuple[int, int, list[int]]:
        """Widths of the number column, the source column and each language's text."""
        number = max(3, len(str(len(self.session) if self.session else 0)))
        count = len(self.languages)
        # per column: a separator and (for a language) its two-cell mark and confidence bar
        free = max(count + 1, width - number - 1 - count * 4)
        share = free // (count + 1)
        texts = [share] * count
        return number, free - share * count, texts

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._header(width)
        line = y - 1 + int(self.scroll_offset.y)
        position, part = divmod(line, self.row_height)
        if self.session is None or not self.view:
            if y == 1:
                text = self._placeholder if self.session is None else "No segment matches."
                style = self.get_component_rich_style("segment-table--number")
                return Strip([Segment(fit(f" {text}", width), style)], width)
            return Strip.blank(width, self.rich_style)
        if position >= len(self.view):
            return Strip.blank(width, self.rich_style)
        index = self.view[position]
        cursor = position == self.cursor
        key = (
            index,
            part,
            width,
            self.session.version(index),
            cursor,
            self.current_language,
            self.languages,
            self.row_height,
            self.search,
        )
        strip = self._lines.get(key)
        if strip is None:
            if len(self._lines) > _LINE_CACHE_SIZE:
                self._lines.clear()
            strip = self._row_line(index, part, width, cursor)
            self._lines[key] = strip
        return strip

    def _header(self, width: int) -> Strip:
        style = self.get_component_rich_style("segment-table--header")
        current = self.get_component_rich_style("segment-table--current-language")
        number, source_width, texts = self._widths(width)
        source = self.session.source_lang if self.session else ""
        segments = [Segment(fit("#", number) + " ", style)]
        segments.append(Segment(fit(f"Source ({source})", source_width), style))
        for lang, text_width in zip(self.languages, texts, strict=True):
            segments.append(Segment(SEPARATOR, style))
            if lang == self.current_language:
                segments.append(Segment(fit(f"▸ {lang}", text_width + 3), style + current))
            else:
                segments.append(Segment(fit(f"  {lang}", text_width + 3), style))
        return Strip(segments).adjust_cell_length(width, style)

    def _row_line(self, index: int, part: int, width: int, cursor: bool) -> Strip:
        assert self.session is not None
        base = self.rich_style
        if cursor:
            base = base + self.get_component_rich_style("segment-table--cursor")
        number_style = base + self.get_component_rich_style("segment-table--number", partial=True)
        separator = base + self.get_component_rich_style("segment-table--separator", partial=True)
        number, source_width, texts = self._widths(width)
        segment = self.session.segments[index]
        label = str(index + 1) if part == 0 else ""
        pointer = "▶" if cursor and part == 0 else " "  # the cursor row, visible without colour
        segments = [Segment(label.rjust(number) + pointer, number_style)]
        segments += self._text(segment.text, source_width, part, base)
        for lang, text_width in zip(self.languages, texts, strict=True):
            cell = self.session.cell(index, lang)
            segments.append(Segment(SEPARATOR, separator))
            if part == 0:
                state_style = base + self.get_component_rich_style(
                    _STATE_CLASSES[cell.state], partial=True
                )
                segments.append(Segment(cell.mark[0], state_style))
                problem = cell.mark[1]
                problem_style = (
                    base + self.get_component_rich_style("segment-table--problem", partial=True)
                    if cell.problems
                    else base
                )
                segments.append(Segment(problem, problem_style))
                bar = confidence_bar(self.session.confidence(index, lang))
                segments.append(Segment(bar, state_style))
            else:
                segments.append(Segment("   ", base))
            text_style = base
            if cursor and lang == self.current_language:
                text_style = base + self.get_component_rich_style(
                    "segment-table--cursor-cell", partial=True
                )
            segments += self._text(cell.text, text_width, part, text_style)
        return Strip(segments).adjust_cell_length(width, base)

    def _text(self, text: str, width: int, part: int, style: Style) -> list[Segment]:
        """Line `part` of a cell's text, a search match shown (the text starts near it when
        it would fall in the elided tail) and drawn in reverse video."""
        search = self.search
        if search is None:
            return [Segment(wrap(text, width, self.row_height)[part], style)]
        line = wrap(
            window(text, search.spans(text), width * self.row_height), width, self.row_height
        )[part]
        pieces, at = [], 0
        for start, end in search.spans(line):
            pieces += [Segment(line[at:start], style), Segment(line[start:end], style + _MATCH)]
            at = end
        pieces.append(Segment(line[at:], style))
        return [piece for piece in pieces if piece.text]


def window(text: str, spans: Sequence[tuple[int, int]], room: int) -> str:
    """`text`, or its part from a little before its first match when the match would not
    fit in `room` cells (an ellipsis marks the cut)."""
    if not spans or spans[0][1] < room - 1:
        return text
    start = spans[0][0]
    cut = max(0, start - room // 3)
    space = text.rfind(" ", 0, cut + 1)  # from a word's start
    cut = space + 1 if space > 0 and start - space < room // 2 else cut
    return ELLIPSIS + text[cut:]


def _nearest(view: Sequence[int], index: int) -> int:
    """The position in sorted `view` of `index`, or of the first row after it."""
    from bisect import bisect_left

    return min(bisect_left(view, index), len(view) - 1)
