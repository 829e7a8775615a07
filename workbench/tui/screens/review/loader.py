"""Loading: the document and catalogs read in a worker, shown as they arrive, then checked.

The worker's messages (`SessionReady`, `LanguageLoaded`, `RecoveryFound`, `LoadFailed`,
`ChecksDone`) bubble up to the screen, which hands them to the parts they concern.
"""

from __future__ import annotations

import threading

from textual import work

from workbench.core.errors import WorkbenchError
from workbench.core.review import ReviewSession
from workbench.tui import messages
from workbench.tui.screens.review.part import Part
from workbench.tui.screens.review.request import OpenRequest


class Loader(Part):
    """The load worker: opens the session, attaches each catalog, then checks every row."""

    def __init__(self, request: OpenRequest, *, check_all: bool, stop: threading.Event) -> None:
        super().__init__()
        self._request = request
        self._check_all = check_all
        self._stop = stop  # set when the screen goes: the checks stop early
        self._rows_shown = threading.Event()

    def rows_shown(self) -> None:
        """The first rows are on screen: the catalogs may take the interpreter now."""
        self._rows_shown.set()

    def on_unmount(self) -> None:
        self._rows_shown.set()  # a worker still waiting for the rows stops waiting

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        request = self._request
        try:
            session = ReviewSession.open(
                request.document,
                request.targets,
                request.locales,
                source_lang=request.source_lang,
                domain=request.domain,
                glossary_paths=list(request.glossaries),
                memory_path=request.memory,
                translator=request.translator,
                recovery_folder=request.recovery,
                load=False,
            )
            self.post_message(messages.SessionReady(session))
            # Let the rows reach the screen before the catalogs take the interpreter.
            self._rows_shown.wait(timeout=2.0)
            for lang in session.targets:
                session.attach(session.read_language(lang))
                self.post_message(messages.LanguageLoaded(lang))
            recoverable = session.recoverable()
            if recoverable:
                self.post_message(messages.RecoveryFound(recoverable))
        except WorkbenchError as error:
            self.post_message(messages.LoadFailed(str(error)))
            return
        if self._check_all:
            session.check_all(cancel=self._stop)
            if not self._stop.is_set():
                self.post_message(messages.ChecksDone())
