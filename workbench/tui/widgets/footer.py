"""The footer, showing only the keys that fit whole (Textual's cuts the last one mid-word and
lets it show through beside the palette key on a narrow terminal)."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class FittingFooter(Footer):
    _composed_for = 0  # the width the keys were chosen for

    def compose(self) -> ComposeResult:
        made = list(super().compose())
        palette = [widget for widget in made if widget.has_class("-command-palette")]
        room = self._composed_for = self.size.width or self.app.size.width
        room -= sum(_width(key) + 2 for key in palette if isinstance(key, FooterKey))
        for widget in made:
            if widget in palette:
                continue
            needed = _width(widget) + 1 if isinstance(widget, FooterKey) else 0
            if needed > room:
                break
            room -= needed
            yield widget
        yield from palette

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._composed_for:
            self.call_later(self.recompose)


def _width(key: FooterKey) -> int:
    """Cells a compact key takes: its key, a space, its description."""
    return cell_len(key.key_display) + 1 + cell_len(key.description)
