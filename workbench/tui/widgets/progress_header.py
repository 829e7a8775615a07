"""The header: what the document is, and how far each language has come, updated live."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from workbench.core.review import PROBLEM_MARK, STATE_MARKS, CellState
from workbench.tui.widgets.caption import Caption

if TYPE_CHECKING:
    from workbench.core.review import ReviewSession


class ProgressHeader(Caption):
    """`en 8% ✓3 ~35 ·2 !4 │ az …` then the document and what the app is doing."""

    def show_progress(self, session: ReviewSession | None, title: str, status: str = "") -> None:
        parts: list[str | tuple[str, str] | Content] = []
        if session is not None:
            for lang in session.targets:
                if parts:
                    parts.append(("│", "$text-muted"))
                parts += _language_counts(session, lang)
            parts.append(("│", "$text-muted"))
        parts.append((f" {title}", "bold"))
        if status:
            parts.append((f" · {status}", "$text-warning"))
        self.show(Content.assemble(*parts))


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
