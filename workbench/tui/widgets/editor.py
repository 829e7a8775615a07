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
from textual.widgets.text_area import Selection

from workbench.core.languages import language_name
from workbench.tui.widgets.caption import Caption
from workbench.tui.widgets.completing_area import CompletingTextArea
from workbench.tui.widgets.confidence import confidence_label

if TYPE_CHECKING:
    from workbench.core.review import ReviewSession, SearchQuery

MATCH_STYLE = "reverse bold"  # a search match: visible without colour


def editor_id(lang: str, form: int = 0) -> str:
    """The text area of `lang`'s translation (of its plural form `form`)."""
    return f"text-{lang}" if form == 0 else f"text-{lang}-{form}"


def parse_editor_id(area_id: str) -> tuple[str, int] | None:
    """(lang, form) of a text area made by `editor_id`, None for another widget."""
    if not area_id.startswith("text-"):
        return None
    lang, _, form = area_id.removeprefix("text-").partition("-")
    if form and not form.isdigit():
        return None
    return lang, int(form or 0)


class FormEditor(Horizontal):
    """One form of a translation: its label (for plural rows only) and its text."""

    def __init__(
        self, lang: str, form: int, pause: float | None = None, *, read_only: bool = False
    ) -> None:
        super().__init__(id=f"form-{lang}-{form}", classes="form-row")
        self.lang = lang
        self.form = form
        self.pause = pause
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        label = Caption("", classes="form-label")
        label.display = False
        yield label
        area = CompletingTextArea(
            "",
            id=editor_id(self.lang, self.form),
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            compact=True,
            placeholder=f"{language_name(self.lang)} translation",
        )
        area.border_title = self.lang
        area.read_only = self.read_only
        if self.form:
            area.pause = self.pause
        yield area

    @property
    def area(self) -> TextArea:
        return self.query_one(TextArea)

    def show(self, text: str, label: str) -> None:
        caption = self.query_one(".form-label", Caption)
        caption.display = bool(label)
        caption.show(label)
        area = self.area
        if area.text != text:
            # A load is not the translator's edit: its Changed message, handled after the screen
            # moved on (or after the language finished loading), would write this text over
            # another row's or erase a draft, so it is not posted at all.
            with area.prevent(TextArea.Changed):
                area.load_text(text)  # also clears the undo history: it belongs to one row
            area.move_cursor((0, 0))


class TargetEditor(Horizontal):
    """One target language: its state mark and its text, one field per plural form."""

    def __init__(self, lang: str) -> None:
        super().__init__(id=f"target-{lang}", classes="target")
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Caption(self.lang, classes="target-label")
        with Vertical(classes="target-forms"):
            yield FormEditor(self.lang, 0)

    @property
    def area(self) -> TextArea:
        """The first form's text area (the only one of a singular row)."""
        return self.query_one(f"#{editor_id(self.lang)}", TextArea)

    def forms(self) -> list[FormEditor]:
        return list(self.query(FormEditor))

    async def prepare_forms(self, count: int, *, read_only: bool, pause: float | None) -> None:
        """Have a field for each of `count` plural forms (fields are only ever added)."""
        have = len(self.forms())
        if count <= have:
            return
        extra = [
            FormEditor(self.lang, form, pause, read_only=read_only) for form in range(have, count)
        ]
        for editor in extra:
            editor.display = False
        await self.query_one(".target-forms", Vertical).mount_all(extra)

    def show(self, forms: Sequence[str], labels: Sequence[str], mark: str, current: bool) -> None:
        """`forms` one text per form (one for a singular row), `labels` the forms' names
        (none for a singular row)."""
        self.show_mark(mark, current)
        for editor in self.forms():
            shown = editor.form < len(forms)
            if editor.form:
                editor.display = shown
            if shown:
                label = labels[editor.form] if editor.form < len(labels) else ""
                editor.show(forms[editor.form], label)

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
        """`lang`'s first (for a singular row, only) text area."""
        return self.target(lang).area

    def areas(self, lang: str) -> list[tuple[int, TextArea]]:
        """(form, area) of every field `lang` shows for the current row."""
        return [
            (editor.form, editor.area)
            for editor in self.target(lang).forms()
            if editor.form == 0 or editor.display
        ]

    def set_languages(self, visible: Sequence[str]) -> None:
        for lang in self.targets:
            self.target(lang).display = lang in visible

    def show_row(
        self,
        session: ReviewSession,
        index: int | None,
        position: str,
        current: str,
        search: SearchQuery | None = None,
    ) -> None:
        title = self.query_one("#source-title", Caption)
        source = self.query_one("#source", Static)
        if index is None:
            title.show("No segment")
            source.update("")
            for lang in self.targets:
                self.target(lang).show(("",), (), "  ", lang == current)
            return
        segment = session.segments[index]
        context = f" · context “{segment.unit.context}”" if segment.unit.context else ""
        heading = Content.assemble(
            (f"Segment {position}", "bold"),
            (f" · {segment.id}{context} · {language_name(session.source_lang)}", "$text-muted"),
        )
        title.show(heading)
        source.update(highlight_terms(session, index, search))
        scroll = self.query_one("#source-scroll", VerticalScroll)
        scroll.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(self._hint_more, heading)
        for lang in self.targets:
            cell = session.cell(index, lang)
            mark = cell.mark + confidence_label(session.confidence(index, lang))
            labels = tuple(slot.label for slot in session.plural_slots(index, lang))
            forms = cell.forms or (cell.text,)
            self.target(lang).show(forms, labels, mark, lang == current)
        if search is not None:
            self._show_match(segment.text, search, current)

    def _show_match(self, source: str, search: SearchQuery, current: str) -> None:
        """The first match made visible: selected in the current editor, else the source
        scrolled to it."""
        area = self.area(current)
        spans = search.spans(area.text)
        if spans:
            start, end = spans[0]
            document = area.document
            area.selection = Selection(
                document.get_location_from_index(start), document.get_location_from_index(end)
            )
            return
        spans = search.spans(source)
        if spans and source:
            scroll = self.query_one("#source-scroll", VerticalScroll)
            self.call_after_refresh(
                lambda: scroll.scroll_to(
                    y=int(scroll.virtual_size.height * spans[0][0] / len(source)),
                    animate=False,
                )
            )

    def _hint_more(self, heading: Content) -> None:
        """Say so when the source is longer than its pane (a small terminal)."""
        if self.query_one("#source-scroll", VerticalScroll).max_scroll_y > 0:
            heading = heading + Content.styled(" · more: Alt+PgDn", "$text-warning")
        self.query_one("#source-title", Caption).show(heading)

    def scroll_source(self, direction: int) -> None:
        scroll = self.query_one("#source-scroll", VerticalScroll)
        step = max(1, scroll.scrollable_content_region.height - 1)
        scroll.scroll_relative(y=direction * step, animate=False)

    def show_marks(self, session: ReviewSession, index: int, current: str) -> None:
        """Update the state marks only (the text is what the translator is typing)."""
        for lang in self.targets:
            mark = session.cell(index, lang).mark + confidence_label(
                session.confidence(index, lang)
            )
            self.target(lang).show_mark(mark, lang == current)


def highlight_terms(
    session: ReviewSession, index: int, search: SearchQuery | None = None
) -> Content:
    """The source with glossary terms underlined (visible without colour) and coloured, and
    the search matches in reverse video."""
    unit = session.segments[index].unit
    content = Content(unit.source)
    for term in session.terms(index):
        for start, end in term.spans:
            content = content.stylize("underline bold $text-accent", start, end)
    for start, end in search.spans(unit.source) if search is not None else ():
        content = content.stylize(MATCH_STYLE, start, end)
    if unit.plural_source is not None:  # the plural source: what the other forms translate
        plural = Content(unit.plural_source)
        for start, end in search.spans(unit.plural_source) if search is not None else ():
            plural = plural.stylize(MATCH_STYLE, start, end)
        content = Content.assemble(content, ("\nplural: ", "$text-muted"), plural)
    return content
