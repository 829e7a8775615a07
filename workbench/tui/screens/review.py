"""The review screen: the aligned list on top, the editor of the current row below.

The screen turns keys into calls on the `ReviewSession` and redraws what changed. Everything
slow runs in thread workers that post messages back (see `messages.py`): reading the document
and catalogs, checking every row, machine translation, saving, watching the files on disk.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, TextArea

from workbench.core.errors import Cancelled, WorkbenchError
from workbench.core.review import ReviewSession, StatusFilter
from workbench.core.textio import FileStamp
from workbench.tui import messages
from workbench.tui.keys import ANYWHERE, bindings
from workbench.tui.screens.dialogs import Choice, ChoiceDialog
from workbench.tui.screens.help import HelpScreen
from workbench.tui.widgets.details import DetailsPanel
from workbench.tui.widgets.editor import SegmentEditor, editor_id
from workbench.tui.widgets.progress_header import ProgressHeader
from workbench.tui.widgets.search_bar import SearchBar
from workbench.tui.widgets.segment_table import SegmentTable

if TYPE_CHECKING:
    from workbench.core.engines.base import Engine


@dataclass(frozen=True)
class OpenRequest:
    """What to open: the arguments of `workbench open`."""

    document: Path
    targets: tuple[str, ...]
    locales: Path
    source_lang: str | None = None
    domain: str | None = None
    glossaries: tuple[Path, ...] = ()
    memory: Path | None = None  # the translation memory approvals feed (None: none)


@dataclass(frozen=True)
class ReviewSettings:
    autosave_delay: float | None = 3.0  # seconds of quiet before changes are saved
    disk_check_interval: float | None = 2.0  # how often to look for outside changes
    check_all: bool = True  # run every check after loading (counts problems in the header)
    editor_delay: float | None = 0.05  # the editor follows the list cursor once it rests


_ROW_HEIGHTS = (1, 2, 3)
_TALL = 40  # terminal lines from which rows show two lines of text
_FILTER_KEYS = {
    StatusFilter.ALL: "a",
    StatusFilter.TODO: "t",
    StatusFilter.EMPTY: "e",
    StatusFilter.MACHINE: "m",
    StatusFilter.EDITED: "d",
    StatusFilter.APPROVED: "v",
    StatusFilter.PROBLEMS: "p",
}


class ReviewScreen(Screen[None]):
    BINDINGS: ClassVar = bindings(ANYWHERE)
    AUTO_FOCUS = "#table"

    def __init__(self, request: OpenRequest, settings: ReviewSettings) -> None:
        super().__init__(id="review")
        self.request = request
        self.settings = settings
        self.session: ReviewSession | None = None
        self.shown: tuple[str, ...] = tuple(request.targets)
        self.current_lang = self.shown[0]
        self.status = StatusFilter.ALL
        self.search_text = ""
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

    # --- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield ProgressHeader(id="header")
        yield SegmentTable(id="table")
        with Horizontal(id="editor-panel"):
            yield SegmentEditor(self.request.targets, id="editor")
            with VerticalScroll(id="details-scroll"):
                yield DetailsPanel(id="details")
        yield SearchBar(id="search")
        yield Footer(compact=True)

    @property
    def table(self) -> SegmentTable:
        return self.query_one(SegmentTable)

    @property
    def editor(self) -> SegmentEditor:
        return self.query_one(SegmentEditor)

    def on_mount(self) -> None:
        if self.app.size.height >= _TALL:
            self.table.row_height = 2
        self.query_one(SearchBar).display = False
        for lang in self.request.targets:
            self.editor.area(lang).read_only = True
        self._update_header()
        # The first frame goes out before the heavy reading starts.
        self.call_after_refresh(self._load)
        if self.settings.disk_check_interval:
            self.set_interval(self.settings.disk_check_interval, self._watch_disk)

    def on_unmount(self) -> None:
        self._stop.set()
        self._rows_shown.set()
        if self._mt_cancel is not None:
            self._mt_cancel.set()

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
        self.query_one(ProgressHeader).show_progress(self.session, self._title(), " · ".join(notes))

    # --- loading -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        request = self.request
        try:
            from workbench.core.document import load_document

            document = load_document(request.document, request.source_lang)
            glossary = None
            if request.glossaries:
                from workbench.core.glossary import load_glossaries

                glossary = load_glossaries(list(request.glossaries))
            session = ReviewSession(
                document,
                request.targets,
                request.locales,
                domain=request.domain,
                glossary=glossary,
                memory_path=request.memory,
            )
            self.post_message(messages.SessionReady(session))
            # Let the rows reach the screen before the catalogs take the interpreter.
            self._rows_shown.wait(timeout=2.0)
            for lang in session.targets:
                session.attach(session.read_language(lang))
                self.post_message(messages.LanguageLoaded(lang))
        except WorkbenchError as error:
            self.post_message(messages.LoadFailed(str(error)))
            return
        if self.settings.check_all:
            session.check_all(cancel=self._stop)
            if not self._stop.is_set():
                self.post_message(messages.ChecksDone())

    def on_session_ready(self, message: messages.SessionReady) -> None:
        self.session = message.session
        self.table.show(self.session, range(len(self.session)), self.shown, self.current_lang)
        self._update_header()
        self.call_after_refresh(self._rows_shown.set)

    def on_language_loaded(self, message: messages.LanguageLoaded) -> None:
        self.editor.area(message.lang).read_only = False
        self.table.refresh_rows()
        self._show_row(self.table.current_index, force=True)
        self._update_header()

    def on_load_failed(self, message: messages.LoadFailed) -> None:
        self.app.exit(return_code=2, message=message.message)

    def on_checks_done(self, message: messages.ChecksDone) -> None:
        self.checked = True
        self.table.refresh_rows()
        self._show_details()
        self._update_header()

    # --- the current row -------------------------------------------------------------------

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
        self._editing = index
        table = self.table
        position = f"{table.cursor + 1}/{len(table.view)}" if table.view else "0/0"
        if index is not None and len(table.view) != len(self.session):
            position += f" (#{index + 1} of {len(self.session)})"
        with self.app.batch_update():
            self.editor.show_row(self.session, index, position, self.current_lang)
            self._show_details()

    def _show_details(self) -> None:
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
            if self._loaded(lang):
                self._write(lang, self.editor.area(lang).text)

    def _write(self, lang: str, text: str) -> None:
        assert self.session is not None and self._editing is not None
        if self.session.set_translation(self._editing, lang, text):
            self._after_change(self._editing)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        area_id = event.text_area.id or ""
        lang = area_id.removeprefix("text-")
        if self._editing is None or lang not in self.request.targets or not self._loaded(lang):
            return
        self._write(lang, event.text_area.text)

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
        if isinstance(widget, TextArea) and (widget.id or "").startswith("text-"):
            self._set_current_language(widget.id.removeprefix("text-"))

    def _set_current_language(self, lang: str) -> None:
        if lang == self.current_lang:
            return
        self.current_lang = lang
        self.table.set_current_language(lang)
        if self.session is not None and self._editing is not None:
            self.editor.show_marks(self.session, self._editing, lang)
        self._show_details()

    # --- moving --------------------------------------------------------------------------------

    def action_next_row(self) -> None:
        self._commit_editors()
        self.table.set_cursor(self.table.cursor + 1)

    def action_previous_row(self) -> None:
        self._commit_editors()
        self.table.set_cursor(self.table.cursor - 1)

    def _go(self, direction: int, test: Callable[[int], bool], what: str) -> None:
        self._commit_editors()
        table = self.table
        if self.session is None or not table.view:
            return
        found = ReviewSession.step(table.view, table.cursor, direction, test)
        if found is None:
            self.notify(f"No {what} segment here.", timeout=3)
            return
        table.set_cursor(found)

    def _status_test(self, status: StatusFilter) -> Callable[[int], bool]:
        session = self.session
        assert session is not None
        return lambda index: session.matches(index, status, self.shown)

    def action_next_todo(self) -> None:
        if self.session is not None:
            self._go(+1, self._status_test(StatusFilter.TODO), "unapproved")

    def action_next_untranslated(self) -> None:
        if self.session is not None:
            self._go(+1, self._status_test(StatusFilter.EMPTY), "untranslated")

    def action_previous_untranslated(self) -> None:
        if self.session is not None:
            self._go(-1, self._status_test(StatusFilter.EMPTY), "untranslated")

    def action_next_fuzzy(self) -> None:
        if self.session is not None:
            self._go(+1, self._status_test(StatusFilter.MACHINE), "fuzzy")

    def action_previous_fuzzy(self) -> None:
        if self.session is not None:
            self._go(-1, self._status_test(StatusFilter.MACHINE), "fuzzy")

    def action_next_problem(self) -> None:
        if self.session is not None:
            self._go(+1, self._status_test(StatusFilter.PROBLEMS), "problem")

    def action_previous_problem(self) -> None:
        if self.session is not None:
            self._go(-1, self._status_test(StatusFilter.PROBLEMS), "problem")

    def action_edit(self) -> None:
        self.editor.area(self.current_lang).focus()

    def action_leave_editor(self) -> None:
        if isinstance(self.focused, TextArea):
            self.table.focus()
        elif self._mt_cancel is not None:
            self.action_cancel_mt()

    def action_next_language(self) -> None:
        languages = self.shown
        following = languages[(languages.index(self.current_lang) + 1) % len(languages)]
        self._set_current_language(following)

    # --- reviewing -----------------------------------------------------------------------------

    def _approve_row(self) -> bool:
        self._commit_editors()
        if self.session is None or self._editing is None:
            return False
        changed = False
        for lang in self.shown:
            if self._loaded(lang) and self.session.approve(self._editing, lang):
                changed = True
        if changed:
            self._after_change(self._editing)
        return True

    def action_approve(self) -> None:
        self._approve_row()

    def action_approve_next(self) -> None:
        if not self._approve_row():
            return
        table = self.table
        if table.cursor >= len(table.view) - 1:
            self.notify("Last segment: nothing after this one.", timeout=3)
            return
        table.set_cursor(table.cursor + 1)

    def action_unapprove(self) -> None:
        self._commit_editors()
        if self.session is None or self._editing is None or not self._loaded(self.current_lang):
            return
        if self.session.unapprove(self._editing, self.current_lang):
            self._after_change(self._editing)

    def _replace_text(self, text: str) -> None:
        """Replace the current language's text through its editor, so Ctrl+Z undoes it."""
        area = self.editor.area(self.current_lang)
        if area.read_only:
            return
        area.replace(text, (0, 0), area.document.end, maintain_selection_offset=False)
        self._write(self.current_lang, area.text)

    def action_choose(self, number: int) -> None:
        if self.session is None or self._editing is None:
            return
        candidates = self.session.alternatives(self._editing, self.current_lang)
        if not 1 <= number <= len(candidates):
            self.notify(f"No alternative {number} for {self.current_lang}.", timeout=3)
            return
        self._replace_text(candidates[number - 1].text)

    def action_copy_source(self) -> None:
        if self.session is not None and self._editing is not None:
            self._replace_text(self.session.segments[self._editing].text)

    def action_insert_term(self) -> None:
        if self.session is None or self._editing is None:
            return
        renderings = [
            (term.source, rendering.expected)
            for term in self.session.terms(self._editing)
            for rendering in term.renderings
            if rendering.lang == self.current_lang
        ]
        if not renderings:
            self.notify("No glossary term in this segment.", timeout=3)
            return
        if len(renderings) == 1:
            self._insert(renderings[0][1])
            return
        choices = [
            Choice(str(number), f"{source} → {expected}", expected)
            for number, (source, expected) in enumerate(renderings[:9], 1)
        ]
        self.app.push_screen(
            ChoiceDialog("Insert a glossary term", "", choices),
            lambda chosen: self._insert(chosen) if chosen else None,
        )

    def _insert(self, text: str) -> None:
        area = self.editor.area(self.current_lang)
        if area.read_only:
            return
        area.insert(text)
        area.focus()
        self._write(self.current_lang, area.text)

    # --- machine translation --------------------------------------------------------------------

    def action_translate_segment(self) -> None:
        self._commit_editors()
        if self.session is None or self._editing is None:
            return
        text = self.session.segments[self._editing].text
        requests = {lang: [text] for lang in self.shown if self._loaded(lang)}
        self._start_mt(requests, "this segment")

    def action_translate_empty(self) -> None:
        self._commit_editors()
        if self.session is None:
            return
        requests = self.session.empty_sentences([lang for lang in self.shown if self._loaded(lang)])
        if not any(requests.values()):
            self.notify("Every visible segment has a translation.", timeout=3)
            return
        total = sum(len(sentences) for sentences in requests.values())
        self._start_mt(requests, f"{total} empty segment(s)")

    def _start_mt(self, requests: dict[str, list[str]], what: str) -> None:
        if self._mt_cancel is not None:
            self.notify("Machine translation is already running (Esc in the list stops it).")
            return
        self._mt_cancel = threading.Event()
        self._mt_status = f"MT {what}…"
        self._update_header()
        self._translate(requests, self._mt_cancel)

    @work(thread=True, exclusive=True, group="mt")
    def _translate(self, requests: dict[str, list[str]], cancel: threading.Event) -> None:
        assert self.session is not None
        rows = tuple(
            index
            for sentences in requests.values()
            for sentence in sentences
            for index in self.session.rows_with(sentence)
        )
        try:
            result = self.session.machine_translate(
                requests,
                engines=self._engines,
                cancel=cancel,
                on_progress=lambda progress: self.post_message(
                    messages.TranslationProgress(progress)
                ),
            )
        except Cancelled:
            self.post_message(messages.TranslationFailed("machine translation stopped"))
        except WorkbenchError as error:
            self.post_message(messages.TranslationFailed(str(error)))
        else:
            self.post_message(messages.TranslationDone(result, rows))

    def action_cancel_mt(self) -> None:
        if self._mt_cancel is not None:
            self._mt_cancel.set()

    def on_translation_progress(self, message: messages.TranslationProgress) -> None:
        progress = message.progress
        self._mt_status = f"MT {progress.stage} {progress.done}/{progress.total}"
        self._update_header()

    def on_translation_done(self, message: messages.TranslationDone) -> None:
        self._mt_cancel = None
        self._mt_status = ""
        assert self.session is not None
        changed = self.session.apply_drafts(message.result)
        self.table.refresh_rows()
        if self._editing is not None and self._editing in message.rows:
            self._show_row(self._editing, force=True)
        self._update_header()
        if changed:
            self._schedule_autosave()
        self.notify(
            f"Machine translation done: {changed} entr{'y' if changed == 1 else 'ies'} updated.",
            timeout=3,
        )

    def on_translation_failed(self, message: messages.TranslationFailed) -> None:
        self._mt_cancel = None
        self._mt_status = ""
        self._update_header()
        self.notify(message.message, severity="error", timeout=8)

    # --- finding -------------------------------------------------------------------------------

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()

    def on_input_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        self.search_text = event.value
        self._find(+1)

    def on_search_bar_closed(self, message: SearchBar.Closed) -> None:
        bar = self.query_one(SearchBar)
        bar.display = False
        self.table.focus()

    def _find(self, direction: int) -> None:
        if self.session is None or not self.search_text:
            self.notify("Nothing to search for: Ctrl+F, type, Enter.", timeout=3)
            return
        session, query = self.session, self.search_text
        self._go(direction, lambda index: session.contains(index, query, self.shown), "matching")

    def action_next_match(self) -> None:
        self._find(+1)

    def action_previous_match(self) -> None:
        self._find(-1)

    def action_filter(self) -> None:
        choices = [
            Choice(_FILTER_KEYS[status], status.value.capitalize(), status)
            for status in StatusFilter
        ]
        self.app.push_screen(
            ChoiceDialog("Show segments", "In any visible language:", choices),
            self._apply_filter,
        )

    def _apply_filter(self, status: StatusFilter | None) -> None:
        if status is None or self.session is None:
            return
        self._commit_editors()
        self.status = status
        self._select(status, self.shown)

    @work(thread=True, exclusive=True, group="filter")
    def _select(self, status: StatusFilter, languages: Sequence[str]) -> None:
        assert self.session is not None
        rows = self.session.select(status, languages, cancel=self._stop)
        self.post_message(messages.FilterReady(status, rows))

    def on_filter_ready(self, message: messages.FilterReady) -> None:
        if message.status is not self.status:
            return
        self._show_view(message.rows)
        self._update_header()
        if not message.rows:
            self.notify(f"No segment is {message.status.value}.", timeout=3)

    def _show_view(self, rows: Sequence[int]) -> None:
        keep = self.table.current_index
        self.table.show(self.session, rows, self.shown, self.current_lang, keep_index=keep)
        self._show_row(self.table.current_index, force=True)

    def action_languages(self) -> None:
        targets = self.request.targets
        choices: list[Choice[tuple[str, ...]]] = [
            Choice("a", "All: " + ", ".join(targets), targets)
        ]
        choices += [Choice(str(n), f"Only {lang}", (lang,)) for n, lang in enumerate(targets, 1)]
        self.app.push_screen(
            ChoiceDialog("Show languages", "", choices),
            self._set_visible,
        )

    def _set_visible(self, languages: tuple[str, ...] | None) -> None:
        if not languages or self.session is None:
            return
        self._commit_editors()
        self.shown = languages
        if self.current_lang not in languages:
            self.current_lang = languages[0]
        self.editor.set_languages(languages)
        if self.status is StatusFilter.ALL:
            self._show_view(self.table.view)
        else:
            self._select(self.status, languages)

    def action_row_height(self) -> None:
        table = self.table
        table.row_height = _ROW_HEIGHTS[
            (_ROW_HEIGHTS.index(table.row_height) + 1) % len(_ROW_HEIGHTS)
        ]

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    # --- saving ----------------------------------------------------------------------------------

    def _schedule_autosave(self) -> None:
        delay = self.settings.autosave_delay
        if delay is None:
            return
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(delay, self._autosave_now)

    def _autosave_now(self) -> None:
        self._autosave = None
        if self.session is not None and self.session.dirty and not self._saving:
            self.start_save(quiet=True)

    def action_save(self) -> None:
        self.start_save()

    def start_save(self, *, quit_after: bool = False, quiet: bool = False) -> None:
        self._commit_editors()
        if self.session is None:
            return
        if not self.session.dirty:
            if quit_after:
                self.app.exit()
            elif not quiet:
                self.notify("Nothing to save.", timeout=2)
            return
        self._saving = True
        self._update_header()
        self._save(quit_after, quiet)

    @work(thread=True, group="save")
    def _save(self, quit_after: bool, quiet: bool) -> None:
        assert self.session is not None
        try:
            report = self.session.save()
        except WorkbenchError as error:
            self.post_message(messages.SaveFailed(str(error)))
            return
        self.post_message(messages.SaveDone(report, quit_after=quit_after, quiet=quiet))

    def on_save_done(self, message: messages.SaveDone) -> None:
        self._saving = False
        report = message.report
        if report.saved:
            self._save_note = "saved " + ", ".join(report.saved)
            if not message.quiet:
                self.notify(f"Saved {', '.join(report.saved)}.", timeout=2)
        if report.memory_error:
            self.notify(report.memory_error, severity="warning", timeout=8)
        self._update_header()
        for lang in report.conflicts:
            self._ask_about_disk(lang, after_save=True)
        if (message.quit_after or self.quit_after_save) and not report.conflicts:
            self.app.exit()

    def on_save_failed(self, message: messages.SaveFailed) -> None:
        self._saving = False
        self._update_header()
        self.notify(f"Not saved: {message.message}", severity="error", timeout=10)

    # --- changes made outside -------------------------------------------------------------------

    def action_check_disk(self) -> None:
        self._watch_disk()

    def _watch_disk(self) -> None:
        if self.session is not None and not self._saving:
            self._look_at_disk()

    @work(thread=True, exclusive=True, group="disk")
    def _look_at_disk(self) -> None:
        assert self.session is not None
        changed = self.session.changed_on_disk()
        if changed:
            self.post_message(messages.DiskChanged(changed))

    def on_disk_changed(self, message: messages.DiskChanged) -> None:
        assert self.session is not None
        for lang in message.langs:
            if lang in self._asking or self._saving:
                continue
            path = self.session.catalog_path(lang)
            if lang not in self.session.dirty_languages():
                self._reread(lang, merge=False)  # nothing of mine to lose: take theirs
                self.notify(f"{path} changed on disk; reloaded it.", timeout=4)
                continue
            if self._declined.get(lang) == FileStamp.of(path):
                continue
            self._ask_about_disk(lang)

    def _ask_about_disk(self, lang: str, *, after_save: bool = False) -> None:
        if lang in self._asking or self.session is None:
            return
        self._asking.add(lang)
        path = self.session.catalog_path(lang)
        what = "Nothing was written to it. " if after_save else ""
        message = (
            f"{path} changed on disk since it was loaded (edited in another program?). "
            f"{what}You have unsaved changes in it."
        )
        choices = [
            Choice("m", "Merge: keep my edits, take theirs for everything else", "merge"),
            Choice("r", f"Reload: discard my changes to {lang}", "reload"),
            Choice("k", "Keep mine for now (ask again when saving)", "keep"),
        ]

        def answer(choice: str | None) -> None:
            self._asking.discard(lang)
            if choice in ("merge", "reload"):
                self._reread(lang, merge=choice == "merge")
            else:
                self._declined[lang] = FileStamp.of(path)

        self.app.push_screen(
            ChoiceDialog(f"{lang}: catalog changed on disk", message, choices), answer
        )

    @work(thread=True, group="disk-reread")
    def _reread(self, lang: str, merge: bool) -> None:
        assert self.session is not None
        try:
            if merge:
                report = self.session.merge(lang)
                self.post_message(messages.LanguageReread(lang, report))
            else:
                self.session.reload(lang)
                self.post_message(messages.LanguageReread(lang, None))
        except WorkbenchError as error:
            self.post_message(messages.SaveFailed(str(error)))

    def on_language_reread(self, message: messages.LanguageReread) -> None:
        self._declined.pop(message.lang, None)
        self.table.refresh_rows()
        self._show_row(self._editing, force=True)
        self._update_header()
        report = message.report
        if report is None:
            return
        if report.both_changed:
            self.notify(
                f"{message.lang}: {len(report.both_changed)} entr{'y' if len(report.both_changed) == 1 else 'ies'} "
                f"changed both here and on disk; yours were kept. Review them before saving.",
                severity="warning",
                timeout=10,
            )
        else:
            self.notify(f"{message.lang}: merged with the version on disk.", timeout=4)
        self._schedule_autosave()

    # --- for the app ------------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        return self._saving

    def unsaved_languages(self) -> tuple[str, ...]:
        self._commit_editors()
        return self.session.dirty_languages() if self.session is not None else ()

    def editor_of(self, lang: str) -> TextArea:
        return self.query_one(f"#{editor_id(lang)}", TextArea)
