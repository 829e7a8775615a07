"""The help screen: every key of the review screen, from the same table as the bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from workbench.core.review import PROBLEM_MARK, STATE_MARKS, CellState
from workbench.tui.keys import EDITOR_KEYS, KEYS, TABLE

_GROUPS = ("Move", "Review", "Find", "File")


def key_table() -> Table:
    table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
    table.add_column("Keys", no_wrap=True, min_width=14, max_width=24)
    table.add_column("Does", ratio=1, overflow="fold")
    table.add_column("Where", no_wrap=True, width=8)
    group = ""
    for key in sorted(KEYS, key=lambda key: _GROUPS.index(key.group)):
        if key.group != group:
            group = key.group
            table.add_row(f"[b]{group}[/b]", "", "")
        where = "list" if key.scope == TABLE else "anywhere"
        table.add_row(key.display, key.help, where)
    table.add_row("[b]Editor[/b]", "", "")
    for keys, does in EDITOR_KEYS:
        table.add_row(keys, does, "anywhere")
    return table


def legend() -> str:
    names = {
        CellState.EMPTY: "empty",
        CellState.MACHINE: "machine draft (fuzzy)",
        CellState.EDITED: "edited, not approved",
        CellState.APPROVED: "approved",
        CellState.LOADING: "loading",
    }
    marks = "   ".join(f"{STATE_MARKS[state]} {name}" for state, name in names.items())
    return f"Marks: {marks}   {PROBLEM_MARK} the checks found problems"


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar = [
        Binding("escape,f1,q,question_mark", "dismiss", "Close help", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Label("[b]Keys[/b] (Esc closes; Ctrl+P finds any action by name)")
            yield Static(legend(), classes="legend", markup=False)
            yield Static(key_table())
