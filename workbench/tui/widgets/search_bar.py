"""The search field: Enter finds the next row whose source or visible translation matches.

Alt+R makes the text a regular expression, Alt+C makes case matter; the field's title shows
both options and, once searching, which match of how many the cursor is on ("3/17").
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from workbench.core.review import SearchQuery


class SearchBar(Input):
    BINDINGS: ClassVar = [
        Binding("escape", "close", "Close search", show=False),
        Binding("alt+r", "toggle_regex", "Regex", show=False),
        Binding("alt+c", "toggle_case", "Case", show=False),
    ]

    class Closed(Message):
        """The translator left the search field."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search source and translations; Enter: next match", id=id)
        self.regex = False
        self.match_case = False
        self._show_options()

    @property
    def query(self) -> SearchQuery:
        return SearchQuery(self.value, regex=self.regex, match_case=self.match_case)

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def action_toggle_regex(self) -> None:
        self.regex = not self.regex
        self._show_options()

    def action_toggle_case(self) -> None:
        self.match_case = not self.match_case
        self._show_options()

    def show_count(self, count: str) -> None:
        self.border_subtitle = count

    def _show_options(self) -> None:
        regex = "x" if self.regex else " "
        case = "x" if self.match_case else " "
        self.border_title = f"Search · [{regex}] regex Alt+R · [{case}] match case Alt+C"
