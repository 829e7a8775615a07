"""Changes made outside: watching the catalogs on disk, then reloading or merging them.

A catalog with nothing of mine unsaved is reloaded quietly; otherwise the translator chooses
between merging, reloading and keeping their version for now.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work

from workbench.core.errors import WorkbenchError
from workbench.core.textio import FileStamp
from workbench.tui import messages
from workbench.tui.screens.dialogs import Choice, ChoiceDialog
from workbench.tui.screens.review.part import Notice, Part, SessionSource


class DiskWatcher(Part):
    """Watching the catalogs on disk, the question about a changed one, and rereading it."""

    def __init__(
        self,
        session: SessionSource,
        *,
        interval: float | None,
        saving: Callable[[], bool],
        redraw: Notice,
        merged: Notice,
    ) -> None:
        super().__init__(session)
        self._interval = interval
        self._saving = saving  # a save is writing: the files are ours for the moment
        self._redraw = redraw  # a catalog was reread: the list and the editor show it
        self._merged = merged  # a merge left changes to save: the autosave is due
        self._asking: set[str] = set()  # languages whose disk-change question is on screen
        self._declined: dict[str, FileStamp] = {}  # "keep mine for now" for this disk version

    def on_mount(self) -> None:
        if self._interval:
            self.set_interval(self._interval, self.look)

    def look(self) -> None:
        """Look for catalogs changed on disk (in a worker), unless a save is writing them."""
        if self.session is not None and not self._saving():
            self._look_at_disk()

    @work(thread=True, exclusive=True, group="disk")
    def _look_at_disk(self) -> None:
        assert self.session is not None
        changed = self.session.changed_on_disk()
        if changed:
            self.post_message(messages.DiskChanged(changed))

    def on_disk_changed(self, message: messages.DiskChanged) -> None:
        message.stop()
        assert self.session is not None
        for lang in message.langs:
            if lang in self._asking or self._saving():
                continue
            path = self.session.catalog_path(lang)
            if lang not in self.session.dirty_languages():
                self._reread(lang, merge=False)  # nothing of mine to lose: take theirs
                self.notify(f"{path} changed on disk; reloaded it.", timeout=4)
                continue
            if self._declined.get(lang) == FileStamp.of(path):
                continue
            self.ask(lang)

    def ask(self, lang: str, *, after_save: bool = False) -> None:
        """Ask what to do with `lang`'s catalog, changed on disk under unsaved work."""
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

    def on_save_failed(self, message: messages.SaveFailed) -> None:
        message.stop()  # rereading failed: the session keeps what it had
        self.notify(f"Not saved: {message.message}", severity="error", timeout=10)

    def on_language_reread(self, message: messages.LanguageReread) -> None:
        message.stop()
        self._declined.pop(message.lang, None)
        self._redraw()
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
        self._merged()
