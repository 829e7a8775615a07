"""Changes made outside: watching the catalogs on disk, then reloading or merging them.

A catalog with nothing of mine unsaved is reloaded quietly; otherwise the translator chooses
between merging, reloading and keeping their version for now.
"""

from __future__ import annotations

from textual import work

from workbench.core.errors import WorkbenchError
from workbench.core.textio import FileStamp
from workbench.tui import messages
from workbench.tui.screens.dialogs import Choice, ChoiceDialog
from workbench.tui.screens.review.part import ScreenPart


class DiskMixin(ScreenPart):
    """The disk watcher, the question about a changed catalog, and rereading it."""

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
