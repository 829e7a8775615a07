"""The details of the current row: machine alternatives, glossary terms, problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from workbench.core.review import source_diff

if TYPE_CHECKING:
    from workbench.core.review import ReviewSession

_TICK, _CROSS, _PENDING = "✓", "✗", "?"
# Visible without colour: struck out, underlined.
_DIFF_STYLES = {"deleted": "strike $text-error", "inserted": "underline bold $text-success"}


class DetailsPanel(Static):
    def show(
        self,
        session: ReviewSession | None,
        index: int | None,
        current: str,
        languages: Sequence[str],
    ) -> None:
        if session is None or index is None:
            self.update("")
            return
        # Short and decisive first (problems, terms), then the long list of alternatives.
        parts: list[str | tuple[str, str] | Content] = []
        parts += _entry(session, index)
        parts += _problems(session, index, languages)
        parts += _terms(session, index, languages)
        parts += _alternatives(session, index, current)
        parts += _memory(session, index, current)
        self.update(Content.assemble(*parts))


def _entry(session: ReviewSession, index: int) -> list[str | tuple[str, str]]:
    """What a catalog entry tells its translator: context, flags, the developers' comments,
    where the string is used (nothing for a document's sentence, which has none of these)."""
    unit = session.unit(index)
    flags = [flag for flag in unit.flags if flag != "fuzzy"]
    lines = (
        [
            ("Context", unit.context),
            ("Flags", ", ".join(flags)),
            ("Comment", unit.developer_comments.replace("\n", " ")),
            (
                "Used in",
                ", ".join(f"{file}:{line}" if line else file for file, line in unit.references),
            ),
        ]
        if session.document is None
        else [("Context", unit.context)]
    )
    parts: list[str | tuple[str, str]] = []
    for label, value in lines:
        if value:
            parts += [(f"{label}: ", "bold"), f"{value}\n"]
    return parts


def _alternatives(session: ReviewSession, index: int, lang: str) -> list[str | tuple[str, str]]:
    parts: list[str | tuple[str, str]] = [(f"Alternatives ({lang})", "bold"), "\n"]
    candidates = session.alternatives(index, lang)[:9]
    if not candidates:
        return [*parts, (" none: Ctrl+T translates this segment\n", "$text-muted")]
    current = session.cell(index, lang).text
    for number, hypothesis in enumerate(candidates, 1):
        chosen = "•" if hypothesis.text == current else " "
        parts += [
            (f" {number}{chosen}", "bold $text-accent"),
            f"{hypothesis.text} ",
            (f"{hypothesis.origin or f'{hypothesis.score:.2f}'}\n", "$text-muted"),
        ]
    return parts


def _memory(session: ReviewSession, index: int, lang: str) -> list[str | tuple[str, str] | Content]:
    """Fuzzy memory matches: percent, remembered translation, and what changed in the source
    since (struck out: only in the remembered sentence; underlined: new in this one)."""
    if session.memory_path is None or not session.memory_path.is_file():
        return []  # no memory (yet): nothing to recall
    matches = session.recalled(index, lang)
    parts: list[str | tuple[str, str] | Content] = [(f"Memory ({lang})", "bold"), "\n"]
    if matches is None:
        return [*parts, (" looking…\n", "$text-muted")]
    if not matches:
        return [*parts, (" no match; F7: concordance\n", "$text-muted")]
    source = session.segments[index].text
    for match in matches:
        parts += [(f" {match.percent:>3}% ", "bold $text-accent"), f"{match.target}\n"]
        if match.source != source:
            parts += ["      ", _diff(match.source, source), "\n"]
    return parts


def _diff(remembered: str, current: str) -> Content:
    pieces = []
    for piece in source_diff(remembered, current):
        style = _DIFF_STYLES.get(piece.kind)
        pieces.append((piece.text, style) if style else piece.text)
    return Content.assemble(*pieces)


def _terms(
    session: ReviewSession, index: int, languages: Sequence[str]
) -> list[str | tuple[str, str]]:
    terms = session.terms(index)
    if not terms:
        return []
    parts: list[str | tuple[str, str]] = [("Terms", "bold"), "\n"]
    for term in terms:
        parts += [" ", (term.source, "underline"), " →"]
        for rendering in term.renderings:
            if rendering.lang not in languages:
                continue
            if rendering.present is None:
                mark, style = _PENDING, "$text-muted"
            elif rendering.present:
                mark, style = _TICK, "$text-success"
            else:
                mark, style = _CROSS, "bold $text-error"
            parts += [f" {rendering.lang} {rendering.expected} ", (mark, style)]
        parts.append("\n")
    return parts


def _problems(
    session: ReviewSession, index: int, languages: Sequence[str]
) -> list[str | tuple[str, str]]:
    found = [(lang, p) for lang in languages for p in session.problems(index, lang)]
    if not found:
        return [("Problems", "bold"), (" none\n", "$text-muted")]
    parts: list[str | tuple[str, str]] = [(f"Problems ({len(found)})", "bold"), "\n"]
    for lang, problem in found:
        parts += [
            (" ! ", "bold $text-error"),
            (f"{lang} ", "bold"),
            (f"{problem.check} ({problem.severity.value}): ", "$text-muted"),
            f"{problem.message}\n",
        ]
    return parts
