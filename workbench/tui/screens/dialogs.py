"""Small dialogs: one question, a few answers, each with its own key.

`ChoiceDialog` returns the value of the chosen answer (or None on Escape) to the callback
given to `push_screen`. Quitting with unsaved work, a catalog changed on disk, the status
filter, the visible languages and glossary-term insertion all use it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

Value = TypeVar("Value")


@dataclass(frozen=True)
class Choice(Generic[Value]):
    key: str  # a single character that picks this answer
    label: str
    value: Value


class ChoiceDialog(ModalScreen[Value | None], Generic[Value]):
    BINDINGS: ClassVar = [Binding("escape", "dismiss_none", "Cancel", show=False)]

    def __init__(
        self, title: str, message: str, choices: Sequence[Choice[Value]], *, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="dialog-screen")
        self.title_text = title
        self.message = message
        self.choices = tuple(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Content.styled(self.title_text, "bold"), classes="dialog-title")
            if self.message:
                yield Static(self.message, classes="dialog-message")
            yield OptionList(
                *[
                    Option(
                        Content.assemble((f"[{c.key}] ", "bold $text-accent"), c.label), id=str(i)
                    )
                    for i, c in enumerate(self.choices)
                ],
                classes="dialog-choices",
            )
            yield Label(Content.styled("Esc: cancel", "$text-muted"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        for choice in self.choices:
            if event.character and event.character == choice.key:
                event.stop()
                self.dismiss(choice.value)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option.id or 0)].value)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
