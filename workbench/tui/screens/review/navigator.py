"""Moving: row by row, to the next row of a kind, the row height and the help screen."""

from __future__ import annotations

from collections.abc import Callable

from workbench.core.review import ReviewSession, StatusFilter
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.review.part import Part, SessionSource
from workbench.tui.screens.review.rows import RowCursor
from workbench.tui.widgets.editor import SegmentEditor
from workbench.tui.widgets.segment_table import SegmentTable

_ROW_HEIGHTS = (1, 2, 3)

# What "No … segment here." calls the rows each status stops at.
_KINDS = {
    StatusFilter.PENDING: "unapproved",
    StatusFilter.EMPTY: "untranslated",
    StatusFilter.MACHINE: "fuzzy",
    StatusFilter.PROBLEMS: "problem",
}


class Navigator(Part):
    """Moves the list cursor; the editor follows it through the `RowCursor`."""

    def __init__(
        self,
        session: SessionSource,
        *,
        table: SegmentTable,
        editor: SegmentEditor,
        rows: RowCursor,
    ) -> None:
        super().__init__(session)
        self._table = table
        self._editor = editor
        self._rows = rows

    def step(self, offset: int) -> None:
        """The next (+1) or previous (-1) row."""
        self._rows.commit()
        self._table.set_cursor(self._table.cursor + offset)

    def go(self, direction: int, test: Callable[[int], bool], what: str) -> None:
        """To the nearest row in `direction` that passes `test` (else say there is none)."""
        self._rows.commit()
        table = self._table
        if self.session is None or not table.view:
            return
        found = ReviewSession.step(table.view, table.cursor, direction, test)
        if found is None:
            self.notify(f"No {what} segment here.", timeout=3)
            return
        table.set_cursor(found)

    def go_to_status(self, status: StatusFilter, direction: int) -> None:
        """To the nearest row in `direction` that is `status` in a visible language."""
        session = self.session
        if session is None:
            return
        shown = self._rows.shown
        self.go(direction, lambda index: session.matches(index, status, shown), _KINDS[status])

    def scroll_source(self, lines: int) -> None:
        self._editor.scroll_source(lines)

    def next_row_height(self) -> None:
        table = self._table
        table.row_height = _ROW_HEIGHTS[
            (_ROW_HEIGHTS.index(table.row_height) + 1) % len(_ROW_HEIGHTS)
        ]

    def help(self) -> None:
        self.app.push_screen(HelpScreen())
