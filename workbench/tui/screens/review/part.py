"""What every part of the review screen shares: its state, the widgets it talks to, the header.

`ReviewScreen` is one Textual screen put together from plain mixins, one job each (loading,
the current row, moving, reviewing, MT, finding, saving, outside changes). At run time the
mixins are plain classes, not widgets, so the screen's bindings and CSS are exactly what
`ReviewScreen` and `Screen` define; Textual finds the parts' actions, workers and message
handlers through the class's MRO. Type checkers see each part as a `Screen` with the state
`ReviewScreen.__init__` sets, declared here. The parts call each other through `self` (e.g.
every change schedules the autosave of `saving.py`).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from workbench.core.review import SearchQuery, StatusFilter
from workbench.tui.widgets.editor import SegmentEditor
from workbench.tui.widgets.progress_header import ProgressHeader
from workbench.tui.widgets.segment_table import SegmentTable

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from workbench.core.completer import Completer
    from workbench.core.engines.base import Engine
    from workbench.core.review import ReviewSession
    from workbench.core.textio import FileStamp
    from workbench.tui.screens.review.request import OpenRequest, ReviewSettings

    _Base = Screen[None]
else:
    _Base = object


class ScreenPart(_Base):
    """The base of every part: the screen's shared state and its most used widgets."""

    request: OpenRequest
    settings: ReviewSettings
    session: ReviewSession | None
    shown: tuple[str, ...]  # the visible target languages
    current_lang: str
    current_form: int  # the plural form whose field has (or last had) the focus
    status: StatusFilter
    search: SearchQuery | None  # what the last search looked for (None: no search)
    search_count: str  # "3/17": which match of how many
    checked: bool
    quit_after_save: bool
    _editing: int | None
    _pending: tuple[int | None] | None
    _follow: Timer | None
    _stop: threading.Event
    _rows_shown: threading.Event
    _mt_cancel: threading.Event | None
    _mt_status: str
    _engines: dict[str, Engine]
    _saving: bool
    _save_note: str
    _autosave: Timer | None
    _asking: set[str]
    _declined: dict[str, FileStamp]
    _completer: Completer | None
    _completion_noticed: bool

    @property
    def table(self) -> SegmentTable:
        return self.query_one(SegmentTable)

    @property
    def editor(self) -> SegmentEditor:
        return self.query_one(SegmentEditor)

    def _title(self) -> str:
        if self.session is None:
            return f"{self.request.document.name} (loading)"
        return f"{self.session.domain} ({self.session.source_lang})"

    def _update_header(self) -> None:
        notes = []
        if self._mt_status:
            notes.append(self._mt_status)
        if self._saving:
            notes.append("saving…")
        elif self.session is not None and self.session.dirty:
            notes.append("unsaved")
        elif self._save_note:
            notes.append(self._save_note)
        if self.status is not StatusFilter.ALL:
            notes.append(f"filter: {self.status.value}")
        if self.search is not None and self.search_count:
            notes.append(f"“{self.search.text}” {self.search_count}")
        self.query_one(ProgressHeader).show_progress(self.session, self._title(), " · ".join(notes))
