"""A line or block of styled text in a fixed-size box, updated without a screen re-layout.

`Static.update()` asks Textual to lay the whole screen out again (its size may depend on the
text). Everything on the review screen that changes on each key (labels, the source, the
header) sits in a box whose size the stylesheet fixes, so a repaint is enough.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class Caption(Widget):
    DEFAULT_CSS = """
    Caption {
        height: 1;
    }
    """

    def __init__(
        self, content: Content | str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._content = Content(content) if isinstance(content, str) else content

    @property
    def content(self) -> Content:
        return self._content

    def show(self, content: Content | str) -> None:
        content = Content(content) if isinstance(content, str) else content
        if content == self._content:
            return
        self._content = content
        self.refresh()

    def render(self) -> Content:
        return self._content
