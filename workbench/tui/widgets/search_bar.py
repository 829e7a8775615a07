"""The search field: Enter finds the next row whose source or visible translation matches."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    BINDINGS: ClassVar = [Binding("escape", "close", "Close search", show=False)]

    class Closed(Message):
        """The translator left the search field."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search source and translations; Enter: next match", id=id)

    def action_close(self) -> None:
        self.post_message(self.Closed())
