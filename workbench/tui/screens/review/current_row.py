"""The current row: the editor following the list cursor, and the editors' text written back.

Browsing the list redraws only the list; the editor follows once the cursor rests. Every
change goes through `_write`, then `_after_change` redraws what changed and schedules the
autosave (see `saving.py`).
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.widgets import TextArea

from workbench.core.errors import WorkbenchError
from workbench.tui import messages
from workbench.tui.screens.review.part import ScreenPart
from workbench.tui.widgets.details import DetailsPanel
from workbench.tui.widgets.editor import parse_editor_id
from workbench.tui.widgets.segment_table import SegmentTable


class CurrentRowMixin(ScreenPart):
    """Which row and language the editor shows, and keeping the session in step with it."""

    def on_segment_table_cursor_moved(self, message: SegmentTable.CursorMoved) -> None:
        # Browsing the list (holding Down) redraws only the list; the editor follows once the
        # cursor rests. From an editor, the next row must be there before the next keystroke.
        self._pending = (message.index,)
        delay = self.settings.editor_delay
        if self._follow is not None:
            self._follow.stop()
            self._follow = None
        if delay and not isinstance(self.focused, TextArea):
            self._follow = self.set_timer(delay, self._sync)
        else:
            self._sync()

    def _sync(self) -> None:
        """Save what the editors hold, then show the row under the cursor in them."""
        if self._follow is not None:
            self._follow.stop()
            self._follow = None
        self._write_editors()
        if self._pending is not None:
            (index,), self._pending = self._pending, None
            self._show_row(index)

    @property
    def editor_pending(self) -> bool:
        """The editor still shows another row than the one under the cursor."""
        return self._pending is not None

    def _show_row(self, index: int | None, *, force: bool = False) -> None:
        if self.session is None:
            return
        if index == self._editing and not force:
            return
        if index != self._editing:
            self.current_form = 0  # a new row: actions act on its first field
        self._editing = index
        table = self.table
        position = f"{table.cursor + 1}/{len(table.view)}" if table.view else "0/0"
        if index is not None and len(table.view) != len(self.session):
            position += f" (#{index + 1} of {len(self.session)})"
        with self.app.batch_update():
            self.editor.show_row(self.session, index, position, self.current_lang, self.search)
            self._show_details()

    def _show_details(self) -> None:
        session, index, lang = self.session, self._editing, self.current_lang
        self.query_one(DetailsPanel).show(session, index, lang, self.shown)
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
        if message.error:
            self.notify(f"Memory: {message.error}", severity="warning", timeout=6)
        elif (message.index, message.lang) == (self._editing, self.current_lang):
            self.query_one(DetailsPanel).show(
                self.session, self._editing, self.current_lang, self.shown
            )

    def _loaded(self, lang: str) -> bool:
        return self.session is not None and self.session.is_loaded(lang)

    def _commit_editors(self) -> None:
        """Before an action: the editors' text saved, and the editor on the cursor's row."""
        self._sync()

    def _write_editors(self) -> None:
        """Write what the editors hold to the session (keys can outrun Changed messages)."""
        if self.session is None or self._editing is None:
            return
        for lang in self.shown:
            if not self._loaded(lang):
                continue
            forms = len(self.session.plural_slots(self._editing, lang)) or 1
            for form, area in self.editor.areas(lang)[:forms]:
                # A read-only area was filled while its language loaded: it holds no row's text.
                if not area.read_only:
                    self._write(lang, area.text, form)

    def _write(self, lang: str, text: str, form: int = 0) -> None:
        assert self.session is not None and self._editing is not None
        if self.session.set_translation(self._editing, lang, text, form):
            self._after_change(self._editing)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        place = parse_editor_id(event.text_area.id or "")
        if place is None or self._editing is None or self.session is None:
            return
        lang, form = place
        if (
            lang not in self.request.targets
            or not self._loaded(lang)
            or event.text_area.read_only
            or form >= (len(self.session.plural_slots(self._editing, lang)) or 1)
        ):
            return
        self._write(lang, event.text_area.text, form)

    def _after_change(self, index: int) -> None:
        assert self.session is not None
        self.table.refresh_rows(self.session.siblings(index))
        if index == self._editing:
            self.editor.show_marks(self.session, index, self.current_lang)
            self._show_details()
        self._save_note = ""
        self._update_header()
        self._schedule_autosave()

    def on_descendant_focus(self, event: Any) -> None:
        widget = event.widget
        place = parse_editor_id(widget.id or "") if isinstance(widget, TextArea) else None
        if place is not None:
            self._set_current_language(place[0])
            self.current_form = place[1]

    def _set_current_language(self, lang: str) -> None:
        if lang == self.current_lang:
            return
        self.current_lang = lang
        self.table.set_current_language(lang)
        if self.session is not None and self._editing is not None:
            self.editor.show_marks(self.session, self._editing, lang)
        self._show_details()
