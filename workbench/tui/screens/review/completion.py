"""Interactive MT: the model's completion of what the translator types, in a worker.

The editor's text areas (`CompletingTextArea`) ask after each pause in typing; the request
runs in an exclusive worker, so a newer one cancels the older (a cancelled worker posts
nothing), and the text area drops any answer whose generation is not its current text's.
Typing never waits: the model runs in the worker thread, the UI only shows its answer.
The completions come from `workbench.core.completer.Completer` (engine, glossary).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from workbench.core.completer import Completer
from workbench.core.errors import WorkbenchError
from workbench.tui import messages
from workbench.tui.screens.review.part import Part, SessionSource
from workbench.tui.screens.review.rows import RowCursor
from workbench.tui.widgets.completing_area import CompletingTextArea

if TYPE_CHECKING:
    from workbench.core.engines.base import Engine


class Completion(Part):
    """Asking the completer for the editor's text areas, and offering them its answers."""

    def __init__(
        self,
        session: SessionSource,
        *,
        rows: RowCursor,
        targets: Sequence[str],
        engines: dict[str, Engine],
    ) -> None:
        super().__init__(session)
        self._rows = rows
        self._targets = tuple(targets)
        self._engines = engines  # shared with MT: a model opened once serves both
        self._completer: Completer | None = None  # made on the first completion request
        self._noticed = False  # "no completion" said once

    def wanted(self, message: CompletingTextArea.CompletionWanted) -> None:
        """A text area paused in typing: complete what it holds."""
        lang = (message.area.id or "").removeprefix("text-")
        editing = self._rows.editing
        if self.session is None or editing is None or lang not in self._targets:
            return
        completer = self.completer()
        if completer.unavailable(lang):
            return
        source = self.session.segments[editing].text
        self.complete(completer, lang, source, message.prefix, message.area, message.generation)

    def completer(self) -> Completer:
        assert self.session is not None
        if self._completer is None:
            self._completer = Completer(
                self.session.source_lang, self._engines, self.session.glossary
            )
        return self._completer

    @work(thread=True, exclusive=True, group="complete")
    def complete(
        self,
        completer: Completer,
        lang: str,
        source: str,
        prefix: str,
        area: CompletingTextArea,
        generation: int,
    ) -> None:
        worker = get_current_worker()
        try:
            completions = completer.complete(lang, source, prefix)
        except WorkbenchError as error:
            self.post_message(messages.CompletionUnavailable(lang, str(error)))
            return
        if completions and not worker.is_cancelled:
            self.post_message(messages.CompletionReady(area, generation, completions[0].text))

    def on_completion_ready(self, message: messages.CompletionReady) -> None:
        message.stop()
        message.area.offer(message.generation, message.text)

    def on_completion_unavailable(self, message: messages.CompletionUnavailable) -> None:
        message.stop()
        if not self._noticed:  # one quiet notice, however many languages lack one
            self._noticed = True
            self.notify(f"No completion while typing: {message.reason}", timeout=4)
