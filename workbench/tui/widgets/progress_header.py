"""The header: what the document is, and how far each language has come, updated live."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from textual.content import Content

from workbench.core.review import PROBLEM_MARK, STATE_MARKS, CellState
from workbench.tui.widgets.caption import Caption

if TYPE_CHECKING:
    from workbench.core.review import ReviewSession


class ProgressHeader(Caption):
    """`en 8% ✓3 ~35 ·2 !4 │ az …` then the document and what the app is doing.

    On a narrow terminal the document's name gives way (elided) so the counts and the status
    ("unsaved · filter: to do") are never cut.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._last: tuple[ReviewSession | None, str, str] = (None, "", "")

    def show_progress(self, session: ReviewSession | None, title: str, status: str = "") -> None:
        self._last = (session, title, status)
        parts: list[str | tuple[str, str] | Content] = []
        if session is not None:
            for lang in session.targets:
                if parts:
                    parts.append(("│", "$text-muted"))
                parts += _language_counts(session, lang)
            parts.append(("│", "$text-muted"))
        tail = f" · {status}" if status else ""
        width = self.size.width
        if width:
            room = width - Content.assemble(*parts).cell_length - cell_len(tail)
            title = _elide(f" {title}", max(room, 0))
        else:
            title = f" {title}"
        parts.append((title, "bold"))
        if tail:
            parts.append((tail, "$text-warning"))
        self.show(Content.assemble(*parts))

    def on_resize(self) -> None:
        self.show_progress(*self._last)


def _elide(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…" if width > 1 else ""


def _language_counts(session: ReviewSession, lang: str) -> list[str | tuple[str, str]]:
    counts = session.counts(lang)
    if counts.loading:
        return [(f" {lang} ", "bold"), ("loading… ", "$text-muted")]
    return [
        (f" {lang} ", "bold"),
        (f"{counts.percent:.0f}% ", "bold"),
        (f"{STATE_MARKS[CellState.APPROVED]}{counts.approved} ", "$text-success"),
        (f"{STATE_MARKS[CellState.MACHINE]}{counts.machine} ", "$text-warning"),
        (f"{STATE_MARKS[CellState.EMPTY]}{counts.empty} ", "$text-muted"),
        (f"{PROBLEM_MARK}{counts.problems} ", "$text-error" if counts.problems else "$text-muted"),
    ]
