"""Concordance: a word or phrase of the source language in its remembered contexts, as
OmegaT shows them; the memory is searched in a worker, the phrase drawn in reverse video."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from workbench.core.errors import WorkbenchError
from workbench.core.review import SearchQuery

if TYPE_CHECKING:
    from workbench.core.memory import MemoryUnit
    from workbench.core.review import ReviewSession

MATCH_STYLE = "reverse bold"


class ConcordanceScreen(ModalScreen[None]):
    BINDINGS: ClassVar = [Binding("escape", "dismiss_none", "Close", show=False)]

    class Found(Message):
        def __init__(self, phrase: str, units: list[MemoryUnit], error: str = "") -> None:
            super().__init__()
            self.phrase = phrase
            self.units = units
            self.error = error

    def __init__(self, session: ReviewSession, lang: str, phrase: str = "") -> None:
        super().__init__(id="concordance", classes="dialog-screen")
        self.session = session
        self.lang = lang
        self.phrase = phrase

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog concordance"):
            yield Label(
                Content.styled(
                    f"Concordance: the memory, {self.session.source_lang} → {self.lang}", "bold"
                ),
                classes="dialog-title",
            )
            yield Input(self.phrase, placeholder="A word or phrase; Enter: search", id="phrase")
            with VerticalScroll(id="concordance-results"):
                yield Static("", id="concordance-list")
            yield Label(Content.styled("Esc: close", "$text-muted"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#phrase", Input).focus()
        if self.phrase:
            self._search(self.phrase)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._search(event.value)

    @work(thread=True, exclusive=True, group="concordance")
    def _search(self, phrase: str) -> None:
        try:
            units = self.session.concordance(phrase, self.lang)
        except WorkbenchError as error:
            self.post_message(self.Found(phrase, [], str(error)))
            return
        self.post_message(self.Found(phrase, units))

    def on_concordance_screen_found(self, message: Found) -> None:
        results = self.query_one("#concordance-list", Static)
        if message.error:
            results.update(Content.styled(message.error, "$text-error"))
            return
        if not message.units:
            what = "no memory" if self.session.memory_path is None else "nothing"
            results.update(
                Content.styled(f"{what} remembered with “{message.phrase}”", "$text-muted")
            )
            return
        search = SearchQuery(" ".join(message.phrase.split()))
        parts: list[Content | str | tuple[str, str]] = [
            (f"{len(message.units)} remembered context(s)\n", "$text-muted")
        ]
        for unit in message.units:
            parts += [_marked(unit.source, search), "\n  → ", _marked(unit.target, search)]
            parts.append((f"   {unit.origin}\n", "$text-muted"))
        results.update(Content.assemble(*parts))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


def _marked(text: str, search: SearchQuery) -> Content:
    content = Content(text)
    for start, end in search.spans(text):
        content = content.stylize(MATCH_STYLE, start, end)
    return content
