"""Interactive MT: the model's completion of what the translator types, in a worker.

The editor's text areas (`CompletingTextArea`) ask after each pause in typing; the request
runs in an exclusive worker, so a newer one cancels the older (a cancelled worker posts
nothing), and the text area drops any answer whose generation is not its current text's.
Typing never waits: the model runs in the worker thread, the UI only shows its answer.
The completions come from `workbench.core.completer.Completer` (engine, glossary).
"""

from __future__ import annotations

from textual import work
from textual.worker import get_current_worker

from workbench.core.completer import Completer
from workbench.core.errors import WorkbenchError
from workbench.tui import messages
from workbench.tui.screens.review.part import ScreenPart
from workbench.tui.widgets.completing_area import CompletingTextArea


class CompletionMixin(ScreenPart):
    """Asking the completer for the editor, and showing its answers."""

    def on_completing_text_area_completion_wanted(
        self, message: CompletingTextArea.CompletionWanted
    ) -> None:
        message.stop()
        lang = (message.area.id or "").removeprefix("text-")
        if self.session is None or self._editing is None or lang not in self.request.targets:
            return
        completer = self._the_completer()
        if completer.unavailable(lang):
            return
        source = self.session.segments[self._editing].text
        self._complete(completer, lang, source, message.prefix, message.area, message.generation)

    def _the_completer(self) -> Completer:
        assert self.session is not None
        if self._completer is None:
            self._completer = Completer(
                self.session.source_lang, self._engines, self.session.glossary
            )
        return self._completer

    @work(thread=True, exclusive=True, group="complete")
    def _complete(
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
        message.area.offer(message.generation, message.text)

    def on_completion_unavailable(self, message: messages.CompletionUnavailable) -> None:
        if not self._completion_noticed:  # one quiet notice, however many languages lack one
            self._completion_noticed = True
            self.notify(f"No completion while typing: {message.reason}", timeout=4)
