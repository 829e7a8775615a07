"""The current row: the editor following the list cursor, and the editors' text written back.

Browsing the list redraws only the list; the editor follows once the cursor rests. Every
change goes through `write`, then `changed` redraws the row and tells the screen (which
marks the work unsaved and schedules the autosave).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import work
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import TextArea

from workbench.core.errors import WorkbenchError
from workbench.core.review import ReviewSession, SearchQuery
from workbench.tui import messages
from workbench.tui.position import Position, read_position, remember_position
from workbench.tui.screens.review.part import Notice, Part, SessionSource
from workbench.tui.widgets.details import DetailsPanel
from workbench.tui.widgets.editor import SegmentEditor, parse_editor_id
from workbench.tui.widgets.segment_table import SegmentTable


class RowCursor(Part):
    """Which row and language the editor shows, and keeping the session in step with it."""

    def __init__(
        self,
        session: SessionSource,
        *,
        table: SegmentTable,
        editor: SegmentEditor,
        details: DetailsPanel,
        targets: Sequence[str],
        position_key: str,
        editor_delay: float | None,
        completion_pause: float | None,
        highlight: Callable[[], SearchQuery | None],
        edited: Notice,
    ) -> None:
        super().__init__(session)
        self._table = table
        self._editor = editor
        self._details = details
        self._targets = tuple(targets)
        self._position_key = position_key
        self._editor_delay = editor_delay
        self._completion_pause = completion_pause
        self._highlight = highlight  # what the search looks for, marked in the editor
        self._edited = edited
        self.shown: tuple[str, ...] = self._targets  # the visible target languages
        self.current_lang = self.shown[0]
        self.current_form = 0  # the plural form whose field has (or last had) the focus
        self.editing: int | None = None  # the row the editor shows
        self._pending: tuple[int | None] | None = None  # (row,) the editor is to show next
        self._follow: Timer | None = None

    # --- opening -----------------------------------------------------------------------------

    def open(self, session: ReviewSession) -> None:
        """The rows are in: show them, on the row and language of the last time."""
        place = read_position(self._position_key)
        if place is not None and place.lang in self.shown:
            self.current_lang = place.lang
        self._table.show(
            session,
            range(len(session)),
            self.shown,
            self.current_lang,
            keep_index=place.row if place is not None else None,
        )

    async def language_loaded(self, lang: str) -> None:
        """A catalog is in: its field becomes editable and the current row is redrawn."""
        self._editor.area(lang).read_only = False
        assert self.session is not None
        forms = self.session.plural_form_count(lang)
        if forms > 1:  # a catalog with plural entries: one field per form
            await self._editor.target(lang).prepare_forms(
                forms, read_only=False, pause=self._completion_pause
            )
        self._table.refresh_rows()
        self.show(self._table.current_index, force=True)

    def remember_place(self) -> None:
        """Where the translator is, for the next time this document is opened."""
        index = self.editing  # the editor's row: the widgets may be gone already
        if self.session is not None and index is not None:
            remember_position(self._position_key, Position(index, self.current_lang))

    # --- following the list cursor -----------------------------------------------------------

    def cursor_moved(self, index: int | None) -> None:
        # Browsing the list (holding Down) redraws only the list; the editor follows once the
        # cursor rests. From an editor, the next row must be there before the next keystroke.
        self._pending = (index,)
        if self._follow is not None:
            self._follow.stop()
            self._follow = None
        if self._editor_delay and not isinstance(self.screen.focused, TextArea):
            self._follow = self.set_timer(self._editor_delay, self.commit)
        else:
            self.commit()

    def commit(self) -> None:
        """Before an action: the editors' text saved, and the editor on the cursor's row."""
        if self._follow is not None:
            self._follow.stop()
            self._follow = None
        self._write_editors()
        if self._pending is not None:
            (index,), self._pending = self._pending, None
            self.show(index)

    @property
    def pending(self) -> bool:
        """The editor still shows another row than the one under the cursor."""
        return self._pending is not None

    def show(self, index: int | None, *, force: bool = False) -> None:
        if self.session is None:
            return
        if index == self.editing and not force:
            return
        if index != self.editing:
            self.current_form = 0  # a new row: actions act on its first field
        self.editing = index
        table = self._table
        position = f"{table.cursor + 1}/{len(table.view)}" if table.view else "0/0"
        if index is not None and len(table.view) != len(self.session):
            position += f" (#{index + 1} of {len(self.session)})"
        with self.app.batch_update():
            self._editor.show_row(
                self.session, index, position, self.current_lang, self._highlight()
            )
            self.show_details()

    def redraw(self) -> None:
        """The session changed under the editor (MT, reload, restore): show its row afresh."""
        self.show(self.editing, force=True)

    def show_details(self) -> None:
        session, index, lang = self.session, self.editing, self.current_lang
        self._details.show(session, index, lang, self.shown)
        if (
            session is not None
            and index is not None
            and session.memory_path is not None
            and session.memory_path.is_file()
            and session.recalled(index, lang) is None
        ):
            self._recall(index, lang)

    @work(thread=True, group="recall")
    def _recall(self, index: int, lang: str) -> None:
        assert self.session is not None
        try:
            self.session.memory_matches(index, lang)
        except WorkbenchError as error:
            self.post_message(messages.MemoryRecalled(index, lang, str(error)))
            return
        self.post_message(messages.MemoryRecalled(index, lang))

    def on_memory_recalled(self, message: messages.MemoryRecalled) -> None:
        message.stop()
        if message.error:
            self.notify(f"Memory: {message.error}", severity="warning", timeout=6)
        elif (message.index, message.lang) == (self.editing, self.current_lang):
            self._details.show(self.session, self.editing, self.current_lang, self.shown)

    # --- writing the editors back ------------------------------------------------------------

    def is_loaded(self, lang: str) -> bool:
        return self.session is not None and self.session.is_loaded(lang)

    def _write_editors(self) -> None:
        """Write what the editors hold to the session (keys can outrun Changed messages)."""
        if self.session is None or self.editing is None:
            return
        for lang in self.shown:
            if not self.is_loaded(lang):
                continue
            forms = len(self.session.plural_slots(self.editing, lang)) or 1
            for form, area in self._editor.areas(lang)[:forms]:
                # A read-only area was filled while its language loaded: it holds no row's text.
                if not area.read_only:
                    self.write(lang, area.text, form)

    def write(self, lang: str, text: str, form: int = 0) -> None:
        assert self.session is not None and self.editing is not None
        if self.session.set_translation(self.editing, lang, text, form):
            self.changed(self.editing)

    def text_changed(self, area: TextArea) -> None:
        """An editor's text changed (typing, undo): the session follows it."""
        place = parse_editor_id(area.id or "")
        if place is None or self.editing is None or self.session is None:
            return
        lang, form = place
        if (
            lang not in self._targets
            or not self.is_loaded(lang)
            or area.read_only
            or form >= (len(self.session.plural_slots(self.editing, lang)) or 1)
        ):
            return
        self.write(lang, area.text, form)

    def changed(self, index: int) -> None:
        """Row `index` changed in the session: redraw it and its siblings, tell the screen."""
        assert self.session is not None
        self._table.refresh_rows(self.session.siblings(index))
        if index == self.editing:
            self._editor.show_marks(self.session, index, self.current_lang)
            self.show_details()
        self._edited()

    # --- the current field and language ------------------------------------------------------

    def current_field(self) -> tuple[int, TextArea]:
        """The current language's field being edited: the focused plural form, else the first."""
        areas = self._editor.areas(self.current_lang)
        for form, area in areas:
            if form == self.current_form:
                return form, area
        return areas[0]

    def replace_text(self, text: str) -> None:
        """Replace the current field's text through its editor, so Ctrl+Z undoes it."""
        form, area = self.current_field()
        if area.read_only:
            return
        area.replace(text, (0, 0), area.document.end, maintain_selection_offset=False)
        self.write(self.current_lang, area.text, form)

    def insert(self, text: str) -> None:
        """Type `text` into the current field at its cursor."""
        form, area = self.current_field()
        if area.read_only:
            return
        area.insert(text)
        area.focus()
        self.write(self.current_lang, area.text, form)

    def focus_moved(self, widget: Widget) -> None:
        """The focus went to `widget`: an editor's field makes its language and form current."""
        place = parse_editor_id(widget.id or "") if isinstance(widget, TextArea) else None
        if place is not None:
            self.set_language(place[0])
            self.current_form = place[1]

    def set_language(self, lang: str) -> None:
        if lang == self.current_lang:
            return
        self.current_lang = lang
        self._table.set_current_language(lang)
        if self.session is not None and self.editing is not None:
            self._editor.show_marks(self.session, self.editing, lang)
        self.show_details()

    def next_language(self) -> None:
        languages = self.shown
        self.set_language(languages[(languages.index(self.current_lang) + 1) % len(languages)])

    def set_visible(self, languages: tuple[str, ...]) -> None:
        """Show only `languages` (the list's rows are shown again by the caller)."""
        self.shown = languages
        if self.current_lang not in languages:
            self.current_lang = languages[0]
        self._editor.set_languages(languages)

    def edit(self) -> None:
        """Into the current language's field."""
        self._editor.area(self.current_lang).focus()
