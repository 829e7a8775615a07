"""What is shown: searching the rows, filtering them by status, choosing the visible languages."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from textual import work

from workbench.core.errors import WorkbenchError
from workbench.core.review import SearchQuery, StatusFilter
from workbench.tui import messages
from workbench.tui.screens.dialogs import Choice, ChoiceDialog
from workbench.tui.screens.review.part import Notice, Part, SessionSource
from workbench.tui.screens.review.request import OpenRequest
from workbench.tui.screens.review.rows import RowCursor
from workbench.tui.widgets.search_bar import SearchBar
from workbench.tui.widgets.segment_table import SegmentTable

_FILTER_KEYS = {
    StatusFilter.ALL: "a",
    StatusFilter.PENDING: "t",
    StatusFilter.EMPTY: "e",
    StatusFilter.MACHINE: "m",
    StatusFilter.EDITED: "d",
    StatusFilter.APPROVED: "v",
    StatusFilter.PROBLEMS: "p",
    StatusFilter.RISKY: "r",
}

Go = Callable[[int, Callable[[int], bool], str], None]  # `Navigator.go`


class Finder(Part):
    """Search, the status filter (worked out in a worker) and the visible languages."""

    def __init__(
        self,
        session: SessionSource,
        *,
        request: OpenRequest,
        table: SegmentTable,
        bar: SearchBar,
        rows: RowCursor,
        go: Go,
        status_changed: Notice,
        stop: threading.Event,
    ) -> None:
        super().__init__(session)
        self._targets = request.targets
        self._table = table
        self._bar = bar
        self._rows = rows
        self._go = go
        self._status_changed = status_changed
        self._stop = stop  # set when the screen goes: a long selection stops early
        self.status = StatusFilter.ALL
        self.search: SearchQuery | None = None  # what the last search looked for (None: none)
        self.search_count = ""  # "3/17": which match of how many

    @property
    def notes(self) -> list[str]:
        """What the header says about the filter and the search."""
        notes = []
        if self.status is not StatusFilter.ALL:
            notes.append(f"filter: {self.status.value}")
        if self.search is not None and self.search_count:
            notes.append(f"“{self.search.text}” {self.search_count}")
        return notes

    # --- search ------------------------------------------------------------------------------

    def open_bar(self) -> None:
        self._bar.display = True
        self._bar.focus()

    def close_bar(self) -> None:
        self._bar.display = False
        self._table.focus()

    def submitted(self) -> None:
        """Enter in the search field: search for what it holds."""
        query = self._bar.query
        try:
            query.pattern  # noqa: B018 - compiled now, so a bad expression is said at once
        except WorkbenchError as error:
            self.notify(str(error), severity="error", timeout=5)
            return
        if not query.text:  # an empty search: no more highlights
            self._clear_search()
            return
        self.search = query
        self.find(+1)

    def find(self, direction: int) -> None:
        """To the next (+1) or previous (-1) row the search matches."""
        query = self.search
        if self.session is None or query is None:
            self.notify("Nothing to search for: Ctrl+F, type, Enter.", timeout=3)
            return
        session, table, shown = self.session, self._table, self._rows.shown
        hits = [index for index in table.view if session.contains(index, query, shown)]
        table.highlight(query)
        if not hits:
            self._show_count("0/0")
            self.notify("No matching segment here.", timeout=3)
            return
        self._go(direction, set(hits).__contains__, "matching")
        current = table.current_index
        number = hits.index(current) + 1 if current in hits else 0
        self._show_count(f"{number}/{len(hits)}")
        self._rows.show(table.current_index, force=True)

    def _show_count(self, count: str) -> None:
        self.search_count = count
        self._bar.show_count(count)
        self._status_changed()

    def _clear_search(self) -> None:
        self.search = None
        self.search_count = ""
        self._table.highlight(None)
        self._rows.redraw()
        self._status_changed()

    # --- the status filter -------------------------------------------------------------------

    def choose_filter(self) -> None:
        choices = [
            Choice(_FILTER_KEYS[status], status.value.capitalize(), status)
            for status in StatusFilter
        ]
        self.app.push_screen(
            ChoiceDialog("Show segments", "In any visible language:", choices),
            self.apply_filter,
        )

    def apply_filter(self, status: StatusFilter | None) -> None:
        if status is None or self.session is None:
            return
        self._rows.commit()
        self.status = status
        self._select(status, self._rows.shown)

    @work(thread=True, exclusive=True, group="filter")
    def _select(self, status: StatusFilter, languages: Sequence[str]) -> None:
        assert self.session is not None
        rows = self.session.select(status, languages, cancel=self._stop)
        self.post_message(messages.FilterReady(status, rows))

    def on_filter_ready(self, message: messages.FilterReady) -> None:
        message.stop()
        if message.status is not self.status:
            return
        self._show_view(message.rows)
        self._status_changed()
        if not message.rows:
            self.notify(f"No segment is {message.status.value}.", timeout=3)

    def _show_view(self, rows: Sequence[int]) -> None:
        # Riskiest first starts at the top: the least confident draft.
        keep = None if self.status is StatusFilter.RISKY else self._table.current_index
        cursor = self._rows
        self._table.show(self.session, rows, cursor.shown, cursor.current_lang, keep_index=keep)
        cursor.show(self._table.current_index, force=True)

    # --- the visible languages ---------------------------------------------------------------

    def choose_languages(self) -> None:
        targets = self._targets
        choices: list[Choice[tuple[str, ...]]] = [
            Choice("a", "All: " + ", ".join(targets), targets)
        ]
        choices += [Choice(str(n), f"Only {lang}", (lang,)) for n, lang in enumerate(targets, 1)]
        self.app.push_screen(ChoiceDialog("Show languages", "", choices), self._set_visible)

    def _set_visible(self, languages: tuple[str, ...] | None) -> None:
        if not languages or self.session is None:
            return
        self._rows.commit()
        self._rows.set_visible(languages)
        if self.status is StatusFilter.ALL:
            self._show_view(self._table.view)
        else:
            self._select(self.status, languages)
