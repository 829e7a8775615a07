"""Saving: on request, after a quiet moment (autosave), and before quitting, in a worker.

A catalog that changed on disk is not written; the question what to do with it is asked by
`disk.py`.
"""

from __future__ import annotations

from textual import work

from workbench.core.errors import WorkbenchError
from workbench.tui import messages
from workbench.tui.screens.review.part import ScreenPart


class SavingMixin(ScreenPart):
    """Starting saves, the save worker, its outcome, and what the app asks before quitting."""

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

    @property
    def saving(self) -> bool:
        return self._saving

    def unsaved_languages(self) -> tuple[str, ...]:
        self._commit_editors()
        return self.session.dirty_languages() if self.session is not None else ()
