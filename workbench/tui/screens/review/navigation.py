"""Moving: row by row, to the next row of a kind, between list and editor and languages."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import TextArea

from workbench.core.review import ReviewSession, StatusFilter
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.review.part import ScreenPart

_ROW_HEIGHTS = (1, 2, 3)


class NavigationMixin(ScreenPart):
    """The moving actions, the row height and the help screen."""

    def action_next_row(self) -> None:
        self._commit_editors()
        self.table.set_cursor(self.table.cursor + 1)

    def action_previous_row(self) -> None:
        self._commit_editors()
        self.table.set_cursor(self.table.cursor - 1)

    def _go(self, direction: int, test: Callable[[int], bool], what: str) -> None:
        self._commit_editors()
        table = self.table
        if self.session is None or not table.view:
            return
        found = ReviewSession.step(table.view, table.cursor, direction, test)
        if found is None:
            self.notify(f"No {what} segment here.", timeout=3)
            return
        table.set_cursor(found)

    def _status_test(self, status: StatusFilter) -> Callable[[int], bool]:
        session = self.session
        assert session is not None
        return lambda index: session.matches(index, status, self.shown)

    def action_next_todo(self) -> None:
        if self.session is not None:
            self._go(+1, self._status_test(StatusFilter.PENDING), "unapproved")

    def action_next_untranslated(self) -> None:
        if self.session is not None:
            self._go(+1, self._status_test(StatusFilter.EMPTY), "untranslated")

    def action_previous_untranslated(self) -> None:
        if self.session is not None:
            self._go(-1, self._status_test(StatusFilter.EMPTY), "untranslated")

    def action_next_fuzzy(self) -> None:
        if self.session is not None:
            self._go(+1, self._status_test(StatusFilter.MACHINE), "fuzzy")

    def action_previous_fuzzy(self) -> None:
        if self.session is not None:
            self._go(-1, self._status_test(StatusFilter.MACHINE), "fuzzy")

    def action_next_problem(self) -> None:
        if self.session is not None:
            self._go(+1, self._status_test(StatusFilter.PROBLEMS), "problem")

    def action_previous_problem(self) -> None:
        if self.session is not None:
            self._go(-1, self._status_test(StatusFilter.PROBLEMS), "problem")

    def action_scroll_source_down(self) -> None:
        self.editor.scroll_source(+1)

    def action_scroll_source_up(self) -> None:
        self.editor.scroll_source(-1)

    def action_edit(self) -> None:
        self.editor.area(self.current_lang).focus()

    def action_leave_editor(self) -> None:
        if isinstance(self.focused, TextArea):
            self.table.focus()
        elif self._mt_cancel is not None:
            self.action_cancel_mt()

    def action_next_language(self) -> None:
        languages = self.shown
        following = languages[(languages.index(self.current_lang) + 1) % len(languages)]
        self._set_current_language(following)

    def action_row_height(self) -> None:
        table = self.table
        table.row_height = _ROW_HEIGHTS[
            (_ROW_HEIGHTS.index(table.row_height) + 1) % len(_ROW_HEIGHTS)
        ]

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())
