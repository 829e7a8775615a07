"""Saving: on request and before quitting, in a worker; after a quiet moment, the recovery
journal (or, with the project's `autosave = true`, the catalogs).

Only an explicit save writes catalogs unless the project opts in: "quit without saving" must
leave them as they were. A catalog that changed on disk is not written; the question what to
do with it is asked by `disk.py`. Unsaved work found in the journal at start is offered back.
"""

from __future__ import annotations

from textual import work

from workbench.core.errors import WorkbenchError
from workbench.tui import messages
from workbench.tui.screens.dialogs import Choice, ChoiceDialog
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
        if self.session is None or not self.session.dirty or self._saving:
            return
        if self.app.screen is not self:  # a dialog is open (quit?): its answer comes first
            self._schedule_autosave()
            return
        if self.settings.autosave:
            self.start_save(quiet=True)
        else:
            self._write_journal()

    def stop_autosave(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None

    @work(thread=True, group="journal")
    def _write_journal(self) -> None:
        assert self.session is not None
        try:
            self.session.write_recovery()
        except WorkbenchError as error:
            self.post_message(messages.JournalFailed(str(error)))

    def on_journal_failed(self, message: messages.JournalFailed) -> None:
        self.notify(f"Recovery journal not written: {message.message}", severity="warning")

    def discard_unsaved(self) -> None:
        """Quitting without saving: the journal goes too, so nothing comes back next time."""
        self.stop_autosave()
        if self.session is not None:
            self.session.discard_recovery()

    def on_recovery_found(self, message: messages.RecoveryFound) -> None:
        found = ", ".join(f"{lang} ({count})" for lang, count in message.languages.items())
        choices = [
            Choice("r", "Restore it (unsaved until you save)", "restore"),
            Choice("d", "Discard it", "discard"),
        ]

        def answer(choice: str | None) -> None:
            if self.session is None:
                return
            if choice == "restore":
                reports = [self.session.restore_recovery(lang) for lang in message.languages]
                self.table.refresh_rows()
                self._show_row(self._editing, force=True)
                self._update_header()
                self.notify(f"Restored unsaved work: {found}.", timeout=4)
                changed = sum(len(report.changed_on_disk) for report in reports)
                if changed:
                    self.notify(
                        f"{changed} restored entr{'y' if changed == 1 else 'ies'} changed on disk "
                        "since; yours were kept. Review them before saving.",
                        severity="warning",
                        timeout=10,
                    )
            elif choice == "discard":
                self.session.discard_recovery()

        self.app.push_screen(
            ChoiceDialog(
                "Unsaved work from last time",
                f"The last session ended without saving (entries per language: {found}).",
                choices,
                id="recovery-dialog",
            ),
            answer,
        )

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
        for refusal in report.invalid:  # kept in the session and the journal: fix, save again
            self.notify(refusal, severity="error", timeout=10)
        self._update_header()
        for lang in report.conflicts:
            self._ask_about_disk(lang, after_save=True)
        if (message.quit_after or self.quit_after_save) and not (
            report.conflicts or report.invalid
        ):
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
