"""`ReviewScreen`: the parts of the review screen put together, its layout and its life cycle."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen

from workbench.core.review import SearchQuery, StatusFilter
from workbench.tui.keys import ANYWHERE, bindings
from workbench.tui.screens.review.completion import CompletionMixin
from workbench.tui.screens.review.current_row import CurrentRowMixin
from workbench.tui.screens.review.disk import DiskMixin
from workbench.tui.screens.review.filtering import FilteringMixin
from workbench.tui.screens.review.loading import LoadingMixin
from workbench.tui.screens.review.machine import MachineMixin
from workbench.tui.screens.review.navigation import NavigationMixin
from workbench.tui.screens.review.request import OpenRequest, ReviewSettings
from workbench.tui.screens.review.reviewing import ReviewingMixin
from workbench.tui.screens.review.saving import SavingMixin
from workbench.tui.widgets.details import DetailsPanel
from workbench.tui.widgets.editor import SegmentEditor
from workbench.tui.widgets.footer import FittingFooter
from workbench.tui.widgets.progress_header import ProgressHeader
from workbench.tui.widgets.search_bar import SearchBar
from workbench.tui.widgets.segment_table import SegmentTable

if TYPE_CHECKING:
    from textual.timer import Timer

    from workbench.core.completer import Completer
    from workbench.core.engines.base import Engine
    from workbench.core.review import ReviewSession
    from workbench.core.textio import FileStamp

_TALL = 40  # terminal lines from which rows show two lines of text


class ReviewScreen(
    LoadingMixin,
    CurrentRowMixin,
    NavigationMixin,
    ReviewingMixin,
    MachineMixin,
    CompletionMixin,
    FilteringMixin,
    SavingMixin,
    DiskMixin,
    Screen[None],
):
    BINDINGS: ClassVar = bindings(ANYWHERE)
    AUTO_FOCUS = "#table"

    def __init__(self, request: OpenRequest, settings: ReviewSettings) -> None:
        super().__init__(id="review")
        self.request = request
        self.settings = settings
        self.session: ReviewSession | None = None
        self.shown: tuple[str, ...] = tuple(request.targets)
        self.current_lang = self.shown[0]
        self.current_form = 0
        self.status = StatusFilter.ALL
        self.search: SearchQuery | None = None
        self.search_count = ""
        self.checked = False  # every row checked: the problem counts are complete
        self._editing: int | None = None  # the row the editor shows
        self._pending: tuple[int | None] | None = None  # (row,) the editor is to show next
        self._follow: Timer | None = None
        self._stop = threading.Event()  # set when the screen goes: long work stops early
        self._rows_shown = threading.Event()
        self._mt_cancel: threading.Event | None = None
        self._mt_status = ""
        self._engines: dict[str, Engine] = {}
        self._saving = False
        self.quit_after_save = False  # asked to quit while a save was writing
        self._save_note = ""
        self._autosave: Timer | None = None
        self._asking: set[str] = set()  # languages whose disk-change question is on screen
        self._declined: dict[str, FileStamp] = {}  # "keep mine for now" for this disk version
        self._completer: Completer | None = None  # made on the first completion request
        self._completion_noticed = False  # "no completion" said once

    # --- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ProgressHeader(id="header")
        yield SegmentTable(id="table")
        with Horizontal(id="editor-panel"):
            yield SegmentEditor(self.request.targets, id="editor")
            with VerticalScroll(id="details-scroll"):
                yield DetailsPanel(id="details")
        yield SearchBar(id="search")
        yield FittingFooter(compact=True)

    def on_mount(self) -> None:
        if self.app.size.height >= _TALL:
            self.table.row_height = 2
        self.query_one(SearchBar).display = False
        for lang in self.request.targets:
            self.editor.area(lang).read_only = True
            self.editor.area(lang).pause = self.settings.completion_pause
        self._update_header()
        # The first frame goes out before the heavy reading starts.
        self.call_after_refresh(self._load)
        if self.settings.disk_check_interval:
            self.set_interval(self.settings.disk_check_interval, self._watch_disk)

    def on_screen_suspend(self) -> None:
        self.app.hold_toasts()  # type: ignore[attr-defined]

    def on_screen_resume(self) -> None:
        self.app.show_held_toasts()  # type: ignore[attr-defined]

    def on_unmount(self) -> None:
        self.remember_place()
        if self.session is not None:
            self.session.close_memory()
        self._stop.set()
        self._rows_shown.set()
        if self._mt_cancel is not None:
            self._mt_cancel.set()

    # --- for the app ---------------------------------------------------------------
