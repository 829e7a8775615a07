"""What is shown: searching the rows, filtering them by status, choosing the visible languages."""

from __future__ import annotations

from collections.abc import Sequence

from textual import work

from workbench.core.errors import WorkbenchError
from workbench.core.review import StatusFilter
from workbench.tui import messages
from workbench.tui.screens.dialogs import Choice, ChoiceDialog
from workbench.tui.screens.review.part import ScreenPart
from workbench.tui.widgets.search_bar import SearchBar

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


class FilteringMixin(ScreenPart):
    """Search, the status filter (worked out in a worker) and the visible languages."""

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()

    def on_input_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        query = self.query_one(SearchBar).query
        try:
            query.pattern  # noqa: B018 - compiled now, so a bad expression is said at once
        except WorkbenchError as error:
            self.notify(str(error), severity="error", timeout=5)
            return
        if not query.text:  # an empty search: no more highlights
            self._clear_search()
            return
        self.search = query
        self._find(+1)

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        bar = self.query_one(SearchBar)
        bar.display = False
        self.table.focus()

    def _find(self, direction: int) -> None:
        query = self.search
        if self.session is None or query is None:
            self.notify("Nothing to search for: Ctrl+F, type, Enter.", timeout=3)
            return
        session, table = self.session, self.table
        hits = [index for index in table.view if session.contains(index, query, self.shown)]
        table.highlight(query)
        if not hits:
            self._show_count("0/0")
            self.notify("No matching segment here.", timeout=3)
            return
        self._go(direction, set(hits).__contains__, "matching")
        current = table.current_index
        number = hits.index(current) + 1 if current in hits else 0
        self._show_count(f"{number}/{len(hits)}")
        self._show_row(table.current_index, force=True)

    def _show_count(self, count: str) -> None:
        self.search_count = count
        self.query_one(SearchBar).show_count(count)
        self._update_header()

    def _clear_search(self) -> None:
        self.search = None
        self.search_count = ""
        self.table.highlight(None)
        self._show_row(self._editing, force=True)
        self._update_header()

    def action_next_match(self) -> None:
        self._find(+1)

    def action_previous_match(self) -> None:
        self._find(-1)

    def action_filter(self) -> None:
        choices = [
            Choice(_FILTER_KEYS[status], status.value.capitalize(), status)
            for status in StatusFilter
        ]
        self.app.push_screen(
            ChoiceDialog("Show segments", "In any visible language:", choices),
            self._apply_filter,
        )

    def action_riskiest_first(self) -> None:
        self._apply_filter(StatusFilter.RISKY)

    def _apply_filter(self, status: StatusFilter | None) -> None:
        if status is None or self.session is None:
            return
        self._commit_editors()
        self.status = status
        self._select(status, self.shown)

    @work(thread=True, exclusive=True, group="filter")
    def _select(self, status: StatusFilter, languages: Sequence[str]) -> None:
        assert self.session is not None
        rows = self.session.select(status, languages, cancel=self._stop)
        self.post_message(messages.FilterReady(status, rows))

    def on_filter_ready(self, message: messages.FilterReady) -> None:
        if message.status is not self.status:
            return
        self._show_view(message.rows)
        self._update_header()
        if not message.rows:
            self.notify(f"No segment is {message.status.value}.", timeout=3)

    def _show_view(self, rows: Sequence[int]) -> None:
        # Riskiest first starts at the top: the least confident draft.
        keep = None if self.status is StatusFilter.RISKY else self.table.current_index
        self.table.show(self.session, rows, self.shown, self.current_lang, keep_index=keep)
        self._show_row(self.table.current_index, force=True)

    def action_languages(self) -> None:
        targets = self.request.targets
        choices: list[Choice[tuple[str, ...]]] = [
            Choice("a", "All: " + ", ".join(targets), targets)
        ]
        choices += [Choice(str(n), f"Only {lang}", (lang,)) for n, lang in enumerate(targets, 1)]
        self.app.push_screen(
            ChoiceDialog("Show languages", "", choices),
            self._set_visible,
        )

    def _set_visible(self, languages: tuple[str, ...] | None) -> None:
        if not languages or self.session is None:
            return
        self._commit_editors()
        self.shown = languages
        if self.current_lang not in languages:
            self.current_lang = languages[0]
        self.editor.set_languages(languages)
        if self.status is StatusFilter.ALL:
            self._show_view(self.table.view)
        else:
            self._select(self.status, languages)
