"""The segment editor: the source with its glossary terms, and an editable target per language.

The text areas keep their own undo history (Ctrl+Z / Ctrl+Y) for the row being edited;
changes reach the screen as `TextArea.Changed` messages, and the screen writes them to the
session. Programmatic changes (choosing an alternative, copying the source, inserting a
term) go through the text area too, so they can be undone like typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static, TextArea

from workbench.core.languages import language_name
from workbench.tui.widgets.caption import Caption
from workbench.tui.widgets.completing_area import CompletingTextArea
from workbench.tui.widgets.confidence import confidence_label

if TYPE_CHECKING:
    from workbench.core.review import ReviewSession


def editor_id(lang: str) -> str:
    return f"text-{lang}"


class TargetEditor(Horizontal):
    """One target language: its state mark and its text."""

    def __init__(self, lang: str) -> None:
        super().__init__(id=f"target-{lang}", classes="target")
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Caption(self.lang, classes="target-label")
        area = CompletingTextArea(
            "",
            id=editor_id(self.lang),
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            compact=True,
            placeholder=f"{language_name(self.lang)} translation",
        )
        area.border_title = self.lang
        yield area

    @property
    def area(self) -> TextArea:
        return self.query_one(TextArea)

    def show(self, text: str, mark: str, current: bool) -> None:
        self.show_mark(mark, current)
        area = self.area
        if area.text != text:
            area.load_text(text)  # also clears the undo history: it belongs to one row
            area.move_cursor((0, 0))

    def show_mark(self, mark: str, current: bool) -> None:
        pointer = "▸" if current else " "
        self.query_one(".target-label", Caption).show(f"{pointer}{self.lang} {mark}")
        self.set_class(current, "-current")


class SegmentEditor(Vertical):
    """Source and targets of the row under the cursor."""

    def __init__(self, targets: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.targets = tuple(targets)

    def compose(self) -> ComposeResult:
        yield Caption("", id="source-title")
        with VerticalScroll(id="source-scroll"):
            yield Static("", id="source")
        for lang in self.targets:
            yield TargetEditor(lang)

    def target(self, lang: str) -> TargetEditor:
        return self.query_one(f"#target-{lang}", TargetEditor)

    def area(self, lang: str) -> TextArea:
        return self.target(lang).area

    def set_languages(self, visible: Sequence[str]) -> None:
        for lang in self.targets:
            self.target(lang).display = lang in visible

    def show_row(
        self,
        session: ReviewSession,
        index: int | None,
        position: str,
        current: str,
    ) -> None:
        title = self.query_one("#source-title", Caption)
        source = self.query_one("#source", Static)
        if index is None:
            title.show("No segment")
            source.update("")
            for lang in self.targets:
                self.target(lang).show("", "  ", lang == current)
            return
        segment = session.segments[index]
        title.show(
            Content.assemble(
                (f"Segment {position}", "bold"),
                (f" · {segment.id} · {language_name(session.source_lang)}", "$text-muted"),
            )
        )
        source.update(highlight_terms(session, index))
        for lang in self.targets:
            cell = session.cell(index, lang)
            mark = cell.mark + confidence_label(session.confidence(index, lang))
            self.target(lang).show(cell.text, mark, lang == current)

    def show_marks(self, session: ReviewSession, index: int, current: str) -> None:
        """Update the state marks only (the text is what the translator is typing)."""
        for lang in self.targets:
            mark = session.cell(index, lang).mark + confidence_label(
                session.confidence(index, lang)
            )
            self.target(lang).show_mark(mark, lang == current)


def highlight_terms(session: ReviewSession, index: int) -> Content:
    """The source with glossary terms underlined (visible without colour) and coloured."""
    text = session.segments[index].text
    content = Content(text)
    for term in session.terms(index):
        for start, end in term.spans:
            content = content.stylize("underline bold $text-accent", start, end)
    return content
