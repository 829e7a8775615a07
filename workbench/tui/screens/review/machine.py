"""Machine translation from the screen: one segment or every empty one, in a worker, cancellable."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import work

from workbench.core.errors import Cancelled, WorkbenchError
from workbench.tui import messages
from workbench.tui.screens.review.part import ScreenPart

if TYPE_CHECKING:
    from workbench.core.sources.units import UnitKey


class MachineMixin(ScreenPart):
    """The MT actions, the MT worker and the messages it posts back."""

    def action_translate_segment(self) -> None:
        self._commit_editors()
        if self.session is None or self._editing is None:
            return
        key = self.session.segments[self._editing].key
        requests = {lang: [key] for lang in self.shown if self._loaded(lang)}
        self._start_mt(requests, "this segment")

    def action_translate_empty(self) -> None:
        self._commit_editors()
        if self.session is None:
            return
        requests = self.session.empty_units([lang for lang in self.shown if self._loaded(lang)])
        if not any(requests.values()):
            self.notify("Every visible segment has a translation.", timeout=3)
            return
        total = sum(len(keys) for keys in requests.values())
        self._start_mt(requests, f"{total} empty segment(s)")

    def _start_mt(self, requests: dict[str, list[UnitKey]], what: str) -> None:
        if self._mt_cancel is not None:
            self.notify("Machine translation is already running (Esc in the list stops it).")
            return
        self._mt_cancel = threading.Event()
        self._mt_status = f"MT {what}…"
        self._update_header()
        self._translate(requests, self._mt_cancel)

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
        except Exception as error:  # a worker that raises takes the app down (WorkerFailed)
            self.post_message(messages.TranslationFailed(f"machine translation failed: {error!r}"))
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
