"""Machine translation from the screen: one segment or every empty one, in a worker, cancellable."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import work

from workbench.core.errors import Cancelled, WorkbenchError
from workbench.tui import messages
from workbench.tui.screens.review.part import Notice, Part, SessionSource
from workbench.tui.screens.review.rows import RowCursor
from workbench.tui.widgets.segment_table import SegmentTable

if TYPE_CHECKING:
    from workbench.core.engines.base import Engine
    from workbench.core.sources.units import UnitKey


class MachineRunner(Part):
    """The MT worker, its cancel switch, and what it says in the header while it runs."""

    def __init__(
        self,
        session: SessionSource,
        *,
        table: SegmentTable,
        rows: RowCursor,
        engines: dict[str, Engine],
        status_changed: Notice,
        drafts_applied: Notice,
    ) -> None:
        super().__init__(session)
        self._table = table
        self._rows = rows
        self.engines = engines  # the engines opened so far, by language (shared with completion)
        self._status_changed = status_changed
        self._drafts_applied = drafts_applied
        self._cancel: threading.Event | None = None
        self.note = ""  # "MT 3/17": for the header while a job runs

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def translate_segment(self) -> None:
        rows = self._rows
        rows.commit()
        if self.session is None or rows.editing is None:
            return
        key = self.session.segments[rows.editing].key
        requests = {lang: [key] for lang in rows.shown if rows.is_loaded(lang)}
        self._start(requests, "this segment")

    def translate_empty(self) -> None:
        rows = self._rows
        rows.commit()
        if self.session is None:
            return
        requests = self.session.empty_units([lang for lang in rows.shown if rows.is_loaded(lang)])
        if not any(requests.values()):
            self.notify("Every visible segment has a translation.", timeout=3)
            return
        total = sum(len(keys) for keys in requests.values())
        self._start(requests, f"{total} empty segment(s)")

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def on_unmount(self) -> None:
        self.cancel()  # the screen goes: a running job stops at its next batch

    def _start(self, requests: dict[str, list[UnitKey]], what: str) -> None:
        if self._cancel is not None:
            self.notify("Machine translation is already running (Esc in the list stops it).")
            return
        self._cancel = threading.Event()
        self.note = f"MT {what}…"
        self._status_changed()
        self._translate(requests, self._cancel)

    @work(thread=True, exclusive=True, group="mt")
    def _translate(self, requests: dict[str, list[UnitKey]], cancel: threading.Event) -> None:
        assert self.session is not None
        rows = tuple(
            index
            for keys in requests.values()
            for key in keys
            for index in self.session.rows_of_unit(key)
        )
        try:
            result = self.session.machine_translate(
                requests,
                engines=self.engines,
                cancel=cancel,
                on_progress=lambda progress: self.post_message(
                    messages.TranslationProgress(progress)
                ),
            )
        except Cancelled:
            self.post_message(messages.TranslationFailed("machine translation stopped"))
        except WorkbenchError as error:
            self.post_message(messages.TranslationFailed(str(error)))
        except Exception as error:  # a worker that raises takes the app down (WorkerFailed)
            self.post_message(messages.TranslationFailed(f"machine translation failed: {error!r}"))
        else:
            self.post_message(messages.TranslationDone(result, rows))

    def on_translation_progress(self, message: messages.TranslationProgress) -> None:
        message.stop()
        progress = message.progress
        self.note = f"MT {progress.stage} {progress.done}/{progress.total}"
        self._status_changed()

    def on_translation_done(self, message: messages.TranslationDone) -> None:
        message.stop()
        self._cancel = None
        self.note = ""
        assert self.session is not None
        changed = self.session.apply_drafts(message.result)
        self._table.refresh_rows()
        if self._rows.editing is not None and self._rows.editing in message.rows:
            self._rows.redraw()
        self._status_changed()
        if changed:
            self._drafts_applied()
        self.notify(
            f"Machine translation done: {changed} entr{'y' if changed == 1 else 'ies'} updated.",
            timeout=3,
        )

    def on_translation_failed(self, message: messages.TranslationFailed) -> None:
        message.stop()
        self._cancel = None
        self.note = ""
        self._status_changed()
        self.notify(message.message, severity="error", timeout=8)
