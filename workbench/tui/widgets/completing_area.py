"""A text area that proposes the rest of the translation, dimmed after the cursor.

After a pause in typing (`pause` seconds) with the cursor at the end of the text, it posts
`CompletionWanted` with the text and a generation number; whoever answers (the screen, from
a worker) calls `offer()` with the same number, and an answer for text that has changed since
is dropped. The completion is Textual's `suggestion`: typing what it shows keeps the rest of
it, typing anything else drops it.

Keys while a completion shows: Tab accepts its next word, End or Ctrl+Right accepts all of it
(→ too, as in any Textual text area). Without one they do what they always do.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.timer import Timer
from textual.widgets import TextArea

PAUSE = 0.2  # seconds of quiet before a completion is asked for
_NEXT_WORD = re.compile(r"\s*\S+")


class CompletingTextArea(TextArea):
    """A TextArea whose `suggestion` is a model's completion of what is typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "accept_word", "Accept word", show=False),
        Binding("end", "accept_all", "Accept completion", show=False),
        Binding("ctrl+right", "accept_all", "Accept completion", show=False),
    ]

    class CompletionWanted(Message):
        """The translator paused after typing `prefix`; answer with `offer(generation, …)`."""

        def __init__(self, area: CompletingTextArea, prefix: str, generation: int) -> None:
            super().__init__()
            self.area = area
            self.prefix = prefix
            self.generation = generation

    def __init__(self, text: str = "", *, pause: float | None = PAUSE, **options: Any) -> None:
        super().__init__(text, **options)
        self.pause = pause  # None: never ask
        self.generation = 0  # counts changes of the text: an answer for an older one is stale
        self._ask_timer: Timer | None = None

    # --- asking -------------------------------------------------------------------------------

    def update_suggestion(self) -> None:
        """Textual's hook after every change of the text: ask again after the next pause."""
        self.generation += 1
        if self._ask_timer is not None:
            self._ask_timer.stop()
            self._ask_timer = None
        if self.pause is not None and self.has_focus and not self.read_only:
            self._ask_timer = self.set_timer(self.pause, self._ask)

    def _at_end(self) -> bool:
        return self.selection.is_empty and self.cursor_location == self.document.end

    def _ask(self) -> None:
        self._ask_timer = None
        if self.has_focus and not self.read_only and self._at_end():
            self.post_message(self.CompletionWanted(self, self.text, self.generation))

    def offer(self, generation: int, completion: str) -> bool:
        """Show `completion` if the text is still what it was asked for; True if shown."""
        if generation != self.generation or not self._at_end() or not self.has_focus:
            return False
        self.suggestion = completion
        return True

    def load_text(self, text: str) -> None:
        self.suggestion = ""  # it belonged to the other text
        super().load_text(text)

    def watch_selection(self) -> None:
        # The completion continues the end of the text: moving away from it drops it.
        if self.suggestion and not self._at_end():
            self.suggestion = ""

    def on_focus(self) -> None:
        self.update_suggestion()  # ask for the text the cursor arrives at

    # --- accepting ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept_word", "accept_all"):
            return bool(self.suggestion) and self._at_end()  # else the key does its usual job
        return super().check_action(action, parameters)

    def action_accept_word(self) -> None:
        match = _NEXT_WORD.match(self.suggestion)
        self.insert(match.group(0) if match else self.suggestion)

    def action_accept_all(self) -> None:
        self.insert(self.suggestion)
