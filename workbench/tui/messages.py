"""Messages the review screen's workers post back to the UI thread.

Workers never touch widgets: they post one of these, and the screen updates the view. A
progress report replaces the one before it in the queue, so a slow UI never falls behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from workbench.core.pipeline import PipelineResult, Progress
    from workbench.core.review import MergeReport, ReviewSession, SaveReport, StatusFilter
    from workbench.tui.widgets.completing_area import CompletingTextArea


class SessionReady(Message):
    """The document is read: rows can be shown while the catalogs load."""

    def __init__(self, session: ReviewSession) -> None:
        super().__init__()
        self.session = session


class LanguageLoaded(Message):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang


class LoadFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class RecoveryFound(Message):
    """Unsaved work an earlier run left in the recovery journal: language -> entries."""

    def __init__(self, languages: dict[str, int]) -> None:
        super().__init__()
        self.languages = languages


class JournalFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class MemoryRecalled(Message):
    """The memory's matches for a row are in (`session.recalled`)."""

    def __init__(self, index: int, lang: str, error: str = "") -> None:
        super().__init__()
        self.index = index
        self.lang = lang
        self.error = error


class ChecksDone(Message):
    """Every row has been checked: counts and marks are complete."""


class SaveDone(Message):
    def __init__(self, report: SaveReport, *, quit_after: bool, quiet: bool) -> None:
        super().__init__()
        self.report = report
        self.quit_after = quit_after
        self.quiet = quiet  # an autosave: no toast


class SaveFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class DiskChanged(Message):
    """Catalogs whose file changed on disk since the session read or wrote it."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        super().__init__()
        self.langs = langs


class LanguageReread(Message):
    """A catalog was reloaded (report None) or merged with the disk version."""

    def __init__(self, lang: str, report: MergeReport | None) -> None:
        super().__init__()
        self.lang = lang
        self.report = report


class TranslationProgress(Message):
    def __init__(self, progress: Progress) -> None:
        super().__init__()
        self.progress = progress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TranslationProgress)


class TranslationDone(Message):
    def __init__(self, result: PipelineResult, rows: tuple[int, ...]) -> None:
        super().__init__()
        self.result = result
        self.rows = rows


class TranslationFailed(Message):
    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class FilterReady(Message):
    def __init__(self, status: StatusFilter, rows: list[int]) -> None:
        super().__init__()
        self.status = status
        self.rows = rows


class CompletionReady(Message):
    """The model's completion of the text `area` held at `generation`."""

    def __init__(self, area: CompletingTextArea, generation: int, text: str) -> None:
        super().__init__()
        self.area = area
        self.generation = generation
        self.text = text


class CompletionUnavailable(Message):
    """A language cannot be completed (no model installed)."""

    def __init__(self, lang: str, reason: str) -> None:
        super().__init__()
        self.lang = lang
        self.reason = reason
