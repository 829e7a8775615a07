"""Every key of the review screen, in one table.

The bindings, the footer, the help screen and the command palette are all made from this
table, so they cannot disagree. "anywhere" keys work while typing in an editor (they are
priority bindings, so they avoid the keys a text area uses); "table" keys work when the
segment list has the focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

ANYWHERE = "anywhere"
TABLE = "table"
EDITOR = "editor"  # handled by the text area itself; listed for the help screen only


@dataclass(frozen=True)
class KeyAction:
    keys: str  # Textual key names, comma separated: the first is the one shown
    action: str  # an action of the review screen
    title: str  # short: the footer and the command palette
    help: str  # one sentence: the help screen and the palette's description
    group: str
    scope: str = ANYWHERE
    footer: int = 0  # position in the footer (1 first); 0: not in the footer
    palette: bool = True

    @property
    def display(self) -> str:
        keys = self.keys.split(",")
        if self.action == "choose":  # nine digits: "Alt+1…9"
            return f"{display_key(keys[0])}…{keys[-1][-1]}"
        return ", ".join(display_key(key) for key in keys)


_NAMES = {
    "ctrl": "Ctrl",
    "alt": "Alt",
    "shift": "Shift",
    "enter": "Enter",
    "escape": "Esc",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "slash": "/",
    "question_mark": "?",
}


def display_key(key: str) -> str:
    """`ctrl+s` -> `Ctrl+S`, `f8` -> `F8`, `u` -> `u`, `U` -> `Shift+U`."""
    if len(key) == 1:
        return f"Shift+{key}" if key.isupper() else key
    parts = key.split("+")
    shown = [_NAMES.get(part, part.upper() if len(part) <= 3 else part.title()) for part in parts]
    return "+".join(shown)


KEYS: tuple[KeyAction, ...] = (
    # --- moving ---
    KeyAction("ctrl+down,alt+down", "next_row", "Next row", "Go to the next segment.", "Move"),
    KeyAction(
        "ctrl+up,alt+up", "previous_row", "Previous row", "Go to the previous segment.", "Move"
    ),
    KeyAction(
        "ctrl+n",
        "next_todo",
        "Next to do",
        "Go to the next segment not yet approved in a visible language.",
        "Move",
        footer=5,
    ),
    KeyAction(
        "u",
        "next_untranslated",
        "Next untranslated",
        "Go to the next empty segment.",
        "Move",
        TABLE,
    ),
    KeyAction(
        "U",
        "previous_untranslated",
        "Previous untranslated",
        "Go to the previous empty segment.",
        "Move",
        TABLE,
    ),
    KeyAction(
        "f", "next_fuzzy", "Next fuzzy", "Go to the next machine or edited draft.", "Move", TABLE
    ),
    KeyAction(
        "F",
        "previous_fuzzy",
        "Previous fuzzy",
        "Go to the previous machine or edited draft.",
        "Move",
        TABLE,
    ),
    KeyAction(
        "p",
        "next_problem",
        "Next problem",
        "Go to the next segment the checks complain about.",
        "Move",
        TABLE,
    ),
    KeyAction(
        "P",
        "previous_problem",
        "Previous problem",
        "Go to the previous segment with problems.",
        "Move",
        TABLE,
    ),
    KeyAction(
        "alt+pagedown",
        "scroll_source_down",
        "Source: more",
        "Scroll the source pane down (a long sentence on a small terminal).",
        "Move",
    ),
    KeyAction(
        "alt+pageup", "scroll_source_up", "Source: back", "Scroll the source pane up.", "Move"
    ),
    KeyAction(
        "enter,e", "edit", "Edit", "Put the cursor in the current language's editor.", "Move", TABLE
    ),
    KeyAction(
        "escape",
        "leave_editor",
        "Back to list",
        "Leave the editor for the segment list (or stop MT).",
        "Move",
        palette=False,
    ),
    KeyAction(
        "left,right",
        "next_language",
        "Switch language",
        "Make the next visible language the current one.",
        "Move",
        TABLE,
    ),
    # --- reviewing ---
    # Ctrl+Enter needs extended keys (tmux without them sends plain Enter): Alt+Enter and F8
    # work everywhere.
    KeyAction(
        "f8,ctrl+enter,alt+enter",
        "approve_next",
        "Approve+next",
        "Approve the current language's translation, then go to the next segment.",
        "Review",
        footer=2,
    ),
    KeyAction(
        "shift+f8",
        "approve_all_next",
        "Approve all+next",
        "Approve the segment in every visible language that has a translation, then go to the next one.",
        "Review",
    ),
    KeyAction(
        "a",
        "approve",
        "Approve",
        "Approve the current language's translation without moving.",
        "Review",
        TABLE,
    ),
    KeyAction(
        "A",
        "approve_all",
        "Approve all",
        "Approve the segment in every visible language without moving.",
        "Review",
        TABLE,
    ),
    KeyAction(
        "ctrl+r",
        "unapprove",
        "Needs review",
        "Mark the current language's translation as needing review again.",
        "Review",
    ),
    KeyAction(
        "alt+1,alt+2,alt+3,alt+4,alt+5,alt+6,alt+7,alt+8,alt+9",
        "choose",
        "Use alternative",
        "Replace the current language's translation with machine alternative 1-9.",
        "Review",
        palette=False,
    ),
    KeyAction(
        "1,2,3,4,5,6,7,8,9",
        "choose",
        "Use alternative",
        "Use machine alternative 1-9 (from the list).",
        "Review",
        TABLE,
        palette=False,
    ),
    KeyAction(
        "ctrl+b",
        "copy_source",
        "Copy source",
        "Copy the source text into the current language's editor.",
        "Review",
        footer=8,
    ),
    KeyAction(
        "ctrl+g",
        "insert_term",
        "Insert term",
        "Insert a glossary term's required rendering at the cursor.",
        "Review",
        footer=9,
    ),
    KeyAction(
        "ctrl+t",
        "translate_segment",
        "MT again",
        "Machine-translate this segment again, in the background.",
        "Review",
        footer=4,
    ),
    KeyAction(
        "f9",
        "translate_empty",
        "MT empty",
        "Machine-translate every empty segment, in the background.",
        "Review",
    ),
    # --- finding ---
    KeyAction(
        "ctrl+f",
        "search",
        "Search",
        "Search the source and the visible translations.",
        "Find",
        footer=6,
    ),
    KeyAction("f3", "next_match", "Next match", "Go to the next search match.", "Find"),
    KeyAction(
        "shift+f3", "previous_match", "Previous match", "Go to the previous search match.", "Find"
    ),
    KeyAction(
        "f7",
        "concordance",
        "Concordance",
        "Search the translation memory for a word or phrase (the editor's selection, if any).",
        "Find",
    ),
    KeyAction(
        "c",
        "concordance",
        "Concordance",
        "Concordance search of the memory (as F7).",
        "Find",
        TABLE,
        palette=False,
    ),
    KeyAction(
        "ctrl+l",
        "filter",
        "Filter",
        "Show only segments in a given state (to do, empty, problems...).",
        "Find",
        footer=7,
    ),
    KeyAction(
        "f6",
        "riskiest_first",
        "Riskiest first",
        "Show the machine drafts only, the model's least confident first (the bar beside each).",
        "Find",
    ),
    KeyAction(
        "ctrl+o",
        "languages",
        "Languages",
        "Choose which target languages are shown.",
        "Find",
        footer=10,
    ),
    KeyAction(
        "w",
        "row_height",
        "Row height",
        "Show one, two or three lines per segment in the list.",
        "Find",
        TABLE,
    ),
    # --- files ---
    KeyAction(
        "ctrl+s",
        "save",
        "Save",
        "Write every changed catalog now (unsaved work is journalled after a short pause).",
        "File",
        footer=3,
    ),
    KeyAction(
        "f5",
        "check_disk",
        "Check disk",
        "Look for catalogs changed by another program and offer reload or merge.",
        "File",
    ),
    KeyAction("f1", "help", "Help", "Show every key.", "File", footer=1),
    # Printable keys only where no text is typed: the list.
    KeyAction("slash", "search", "Search", "Search (as Ctrl+F).", "Find", TABLE, palette=False),
    KeyAction(
        "n", "next_match", "Next match", "Next search match (as F3).", "Find", TABLE, palette=False
    ),
    KeyAction(
        "N",
        "previous_match",
        "Previous match",
        "Previous search match.",
        "Find",
        TABLE,
        palette=False,
    ),
    KeyAction(
        "question_mark", "help", "Help", "Show every key (as F1).", "File", TABLE, palette=False
    ),
)

EDITOR_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab", "Accept the next word of the model's completion (shown dimmed)"),
    ("End / Ctrl+Right", "Accept all of the model's completion"),
    ("Ctrl+Z", "Undo in the editor"),
    ("Ctrl+Y", "Redo in the editor"),
    ("Tab / Shift+Tab", "Move between the list and the editors"),
    ("Alt+R / Alt+C", "In the search field: regular expression / match case, on or off"),
    ("Ctrl+P", "Command palette: every action by name"),
    ("Ctrl+Q", "Quit (asks first when work is unsaved)"),
)


def _digit_bindings(key: KeyAction, namespace: str, priority: bool) -> list[Binding]:
    return [
        Binding(
            name, f"{namespace}{key.action}({name[-1]})", key.title, show=False, priority=priority
        )
        for name in key.keys.split(",")
    ]


def bindings(scope: str, namespace: str = "") -> list[Binding]:
    """The Textual bindings of one scope; `namespace` prefixes actions ("screen.")."""
    made: list[Binding] = []
    priority = scope == ANYWHERE
    # The footer shows bindings in order: the most used first, so narrow terminals keep them.
    ordered = sorted(KEYS, key=lambda key: key.footer or len(KEYS) + 1)
    for key in ordered:
        if key.scope != scope:
            continue
        if key.action == "choose":
            made += _digit_bindings(key, namespace, priority)
            continue
        if key.action == "leave_editor":
            priority = False  # escape must reach dialogs and inputs first
        first, *others = key.keys.split(",")
        made.append(
            Binding(
                first,
                namespace + key.action,
                key.title,
                show=bool(key.footer),
                key_display=display_key(first),
                priority=priority,
                tooltip=key.help,
            )
        )
        made += [
            Binding(other, namespace + key.action, key.title, show=False, priority=priority)
            for other in others
        ]
        priority = scope == ANYWHERE
    return made


def palette_entries() -> list[KeyAction]:
    return [key for key in KEYS if key.palette]
