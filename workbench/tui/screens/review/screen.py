"""`ReviewScreen`: its parts, its layout, and the messages and actions it routes to them.

The widgets draw; the parts (invisible widgets, see `part.py`) own the state and the workers
of one job each. The screen makes them, hands each what it works with, and is the only one
that knows them all: a part tells the others something through a callable the screen gave
it (e.g. the `RowCursor`'s `edited` is `_edited` here: the `Saver` notes the change and the
header is redrawn). Key bindings and the command palette call the `action_*` methods below.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widgets import TextArea

from workbench.core.review import StatusFilter
from workbench.tui import messages
from workbench.tui.keys import ANYWHERE, bindings
from workbench.tui.position import position_key
from workbench.tui.screens.review.completion import Completion
from workbench.tui.screens.review.disk import DiskWatcher
from workbench.tui.screens.review.finder import Finder
from workbench.tui.screens.review.loader import Loader
from workbench.tui.screens.review.machine import MachineRunner
from workbench.tui.screens.review.navigator import Navigator
from workbench.tui.screens.review.request import OpenRequest, ReviewSettings
from workbench.tui.screens.review.reviewer import Reviewer
from workbench.tui.screens.review.rows import RowCursor
from workbench.tui.screens.review.saver import Saver
from workbench.tui.widgets.completing_area import CompletingTextArea
from workbench.tui.widgets.details import DetailsPanel
from workbench.tui.widgets.editor import SegmentEditor
from workbench.tui.widgets.footer import FittingFooter
from workbench.tui.widgets.progress_header import ProgressHeader
from workbench.tui.widgets.search_bar import SearchBar
from workbench.tui.widgets.segment_table import SegmentTable

if TYPE_CHECKING:
    from workbench.core.engines.base import Engine
    from workbench.core.review import ReviewSession

_TALL = 40  # terminal lines from which rows show two lines of text


class ReviewScreen(Screen[None]):
    BINDINGS: ClassVar = bindings(ANYWHERE)
    AUTO_FOCUS = "#table"

    def __init__(self, request: OpenRequest, settings: ReviewSettings) -> None:
        super().__init__(id="review")
        self.request = request
        self.settings = settings
        self.session: ReviewSession | None = None
        self.checked = False  # every row checked: the problem counts are complete
        closing = threading.Event()  # set when the screen goes: long work stops early
        self._going = closing
        engines: dict[str, Engine] = {}  # opened once, used by MT and completion alike

        # The widgets.
        self.header = ProgressHeader(id="header")
        self.table = SegmentTable(id="table")
        self.editor = SegmentEditor(request.targets, id="editor")
        self.details = DetailsPanel(id="details")
        self.search_bar = SearchBar(id="search")

        # The parts.
        session = self._session
        self.loader = Loader(request, check_all=settings.check_all, stop=closing)
        self.rows = RowCursor(
            session,
            table=self.table,
            editor=self.editor,
            details=self.details,
            targets=request.targets,
            position_key=position_key(request.document, request.locales),
            editor_delay=settings.editor_delay,
            completion_pause=settings.completion_pause,
            highlight=lambda: self.finder.search,
            edited=self._edited,
        )
        self.navigator = Navigator(session, table=self.table, editor=self.editor, rows=self.rows)
        self.reviewer = Reviewer(session, table=self.table, rows=self.rows)
        self.saver = Saver(
            session,
            settings=settings,
            commit=self.rows.commit,
            status_changed=self._update_header,
            redraw=self._redraw,
            conflict=self._ask_about_disk,
        )
        self.machine = MachineRunner(
            session,
            table=self.table,
            rows=self.rows,
            engines=engines,
            status_changed=self._update_header,
            drafts_applied=self.saver.schedule_autosave,
        )
        self.completion = Completion(
            session, rows=self.rows, targets=request.targets, engines=engines
        )
        self.finder = Finder(
            session,
            request=request,
            table=self.table,
            bar=self.search_bar,
            rows=self.rows,
            go=self.navigator.go,
            status_changed=self._update_header,
            stop=closing,
        )
        self.disk = DiskWatcher(
            session,
            interval=settings.disk_check_interval,
            saving=lambda: self.saver.saving,
            redraw=self._redraw,
            merged=self.saver.schedule_autosave,
        )

    # --- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.table
        with Horizontal(id="editor-panel"):
            yield self.editor
            with VerticalScroll(id="details-scroll"):
                yield self.details
        yield self.search_bar
        yield FittingFooter(compact=True)
        yield self.loader
        yield self.rows
        yield self.navigator
        yield self.reviewer
        yield self.machine
        yield self.completion
        yield self.finder
        yield self.saver
        yield self.disk

    def on_mount(self) -> None:
        if self.app.size.height >= _TALL:
            self.table.row_height = 2
        self.search_bar.display = False
        for lang in self.request.targets:
            self.editor.area(lang).read_only = True
            self.editor.area(lang).pause = self.settings.completion_pause
        self._update_header()
        # The first frame goes out before the heavy reading starts.
        self.call_after_refresh(self.loader.load)

    def on_screen_suspend(self) -> None:
        self.app.hold_toasts()  # type: ignore[attr-defined]

    def on_screen_resume(self) -> None:
        self.app.show_held_toasts()  # type: ignore[attr-defined]

    def on_unmount(self) -> None:
        self.rows.remember_place()
        if self.session is not None:
            self.session.close_memory()
        self._going.set()

    # --- what the parts tell each other ------------------------------------------------------

    def _session(self) -> ReviewSession | None:
        return self.session

    def _update_header(self) -> None:
        if self.session is None:
            title = f"{self.request.document.name} (loading)"
        else:
            title = f"{self.session.domain} ({self.session.source_lang})"
        notes = [note for note in (self.machine.note, self.saver.note) if note]
        notes += self.finder.notes
        self.header.show_progress(self.session, title, " · ".join(notes))

    def _edited(self) -> None:
        self.saver.edited()
        self._update_header()

    def _redraw(self) -> None:
        """The session changed under the list and the editor (restored, reread)."""
        self.table.refresh_rows()
        self.rows.redraw()
        self._update_header()

    def _ask_about_disk(self, lang: str) -> None:
        self.disk.ask(lang, after_save=True)

    # --- messages ----------------------------------------------------------------------------

    def on_session_ready(self, message: messages.SessionReady) -> None:
        self.session = message.session
        self.rows.open(message.session)
        self._update_header()
        self.call_after_refresh(self.loader.rows_shown)

    async def on_language_loaded(self, message: messages.LanguageLoaded) -> None:
        await self.rows.language_loaded(message.lang)
        self._update_header()

    def on_recovery_found(self, message: messages.RecoveryFound) -> None:
        self.saver.offer_recovery(message.languages)

    def on_load_failed(self, message: messages.LoadFailed) -> None:
        self.app.exit(return_code=2, message=message.message)

    def on_checks_done(self, message: messages.ChecksDone) -> None:
        self.checked = True
        self.table.refresh_rows()
        self.rows.show_details()
        self._update_header()

    def on_segment_table_cursor_moved(self, message: SegmentTable.CursorMoved) -> None:
        self.rows.cursor_moved(message.index)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.rows.text_changed(event.text_area)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        self.rows.focus_moved(event.widget)

    def on_completing_text_area_completion_wanted(
        self, message: CompletingTextArea.CompletionWanted
    ) -> None:
        message.stop()
        self.completion.wanted(message)

    def on_input_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        self.finder.submitted()

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        self.finder.close_bar()

    # --- actions: moving ---------------------------------------------------------------------

    def action_next_row(self) -> None:
        self.navigator.step(+1)

    def action_previous_row(self) -> None:
        self.navigator.step(-1)

    def action_next_todo(self) -> None:
        self.navigator.go_to_status(StatusFilter.PENDING, +1)

    def action_next_untranslated(self) -> None:
        self.navigator.go_to_status(StatusFilter.EMPTY, +1)

    def action_previous_untranslated(self) -> None:
        self.navigator.go_to_status(StatusFilter.EMPTY, -1)

    def action_next_fuzzy(self) -> None:
        self.navigator.go_to_status(StatusFilter.MACHINE, +1)

    def action_previous_fuzzy(self) -> None:
        self.navigator.go_to_status(StatusFilter.MACHINE, -1)

    def action_next_problem(self) -> None:
        self.navigator.go_to_status(StatusFilter.PROBLEMS, +1)

    def action_previous_problem(self) -> None:
        self.navigator.go_to_status(StatusFilter.PROBLEMS, -1)

    def action_scroll_source_down(self) -> None:
        self.navigator.scroll_source(+1)

    def action_scroll_source_up(self) -> None:
        self.navigator.scroll_source(-1)

    def action_edit(self) -> None:
        self.rows.edit()

    def action_leave_editor(self) -> None:
        if isinstance(self.focused, TextArea):
            self.table.focus()
        elif self.machine.running:
            self.machine.cancel()

    def action_next_language(self) -> None:
        self.rows.next_language()

    def action_row_height(self) -> None:
        self.navigator.next_row_height()

    def action_help(self) -> None:
        self.navigator.help()

    # --- actions: reviewing ------------------------------------------------------------------

    def action_approve(self) -> None:
        self.reviewer.approve((self.rows.current_lang,))

    def action_approve_all(self) -> None:
        self.reviewer.approve(self.rows.shown)

    def action_approve_next(self) -> None:
        self.reviewer.approve_and_move((self.rows.current_lang,))

    def action_approve_all_next(self) -> None:
        self.reviewer.approve_and_move(self.rows.shown)

    def action_unapprove(self) -> None:
        self.reviewer.unapprove()

    def action_choose(self, number: int) -> None:
        self.reviewer.choose(number)

    def action_copy_source(self) -> None:
        self.reviewer.copy_source()

    def action_insert_term(self) -> None:
        self.reviewer.insert_term()

    def action_concordance(self) -> None:
        self.reviewer.concordance()

    # --- actions: machine translation --------------------------------------------------------

    def action_translate_segment(self) -> None:
        self.machine.translate_segment()

    def action_translate_empty(self) -> None:
        self.machine.translate_empty()

    def action_cancel_mt(self) -> None:
        self.machine.cancel()

    # --- actions: finding --------------------------------------------------------------------

    def action_search(self) -> None:
        self.finder.open_bar()

    def action_next_match(self) -> None:
        self.finder.find(+1)

    def action_previous_match(self) -> None:
        self.finder.find(-1)

    def action_filter(self) -> None:
        self.finder.choose_filter()

    def action_riskiest_first(self) -> None:
        self.finder.apply_filter(StatusFilter.RISKY)

    def action_languages(self) -> None:
        self.finder.choose_languages()

    # --- actions: saving and the disk --------------------------------------------------------

    def action_save(self) -> None:
        self.saver.start_save()

    def action_check_disk(self) -> None:
        self.disk.look()

    # --- for the app and the tests -----------------------------------------------------------

    @property
    def shown(self) -> tuple[str, ...]:
        """The visible target languages."""
        return self.rows.shown

    @property
    def current_lang(self) -> str:
        return self.rows.current_lang

    @property
    def current_form(self) -> int:
        return self.rows.current_form

    @property
    def editor_pending(self) -> bool:
        """The editor still shows another row than the one under the cursor."""
        return self.rows.pending

    @property
    def status(self) -> StatusFilter:
        """The status filter of the list."""
        return self.finder.status

    @property
    def saving(self) -> bool:
        return self.saver.saving

    @property
    def quit_after_save(self) -> bool:
        return self.saver.quit_after_save

    @quit_after_save.setter
    def quit_after_save(self, value: bool) -> None:
        self.saver.quit_after_save = value

    def start_save(self, *, quit_after: bool = False, quiet: bool = False) -> None:
        self.saver.start_save(quit_after=quit_after, quiet=quiet)

    def discard_unsaved(self) -> None:
        self.saver.discard_unsaved()

    def unsaved_languages(self) -> tuple[str, ...]:
        return self.saver.unsaved_languages()
