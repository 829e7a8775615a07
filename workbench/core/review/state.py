"""The values a review is made of: cell states, rows, counts, and one language's catalog state.

Plain data, plus the three small functions that keep a language's state tally in step with
its entries.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import polib

from workbench.core.catalogs.pofile import Catalog
from workbench.core.sources.document import Segment

if TYPE_CHECKING:
    from workbench.core.checks import Problem


class CellState(enum.Enum):
    LOADING = "loading"  # the language's catalog is still being read
    EMPTY = "empty"
    MACHINE = "machine"
    EDITED = "edited"
    APPROVED = "approved"


# One character per state, distinguishable without colour; "!" follows when checks complain.
STATE_MARKS: dict[CellState, str] = {
    CellState.LOADING: "…",
    CellState.EMPTY: "·",
    CellState.MACHINE: "~",
    CellState.EDITED: "✎",
    CellState.APPROVED: "✓",
}
PROBLEM_MARK = "!"


class StatusFilter(enum.Enum):
    """Which rows to show: a row matches when any of the languages looked at matches."""

    ALL = "all"
    PENDING = "to do"  # empty, machine or edited: not approved yet
    EMPTY = "empty"
    MACHINE = "machine"
    EDITED = "edited"
    APPROVED = "approved"
    PROBLEMS = "problems"
    RISKY = "riskiest first"  # machine drafts, the model's least confident first


@dataclass(frozen=True)
class Cell:
    """One row in one target language."""

    lang: str
    text: str
    state: CellState
    problems: tuple[Problem, ...] = ()

    @property
    def mark(self) -> str:
        """Two characters: the state's mark, then "!" when there are problems."""
        return STATE_MARKS[self.state] + (PROBLEM_MARK if self.problems else " ")


@dataclass(frozen=True)
class Row:
    index: int  # position in the document, from 0
    segment: Segment
    cells: Mapping[str, Cell]

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def source(self) -> str:
        return self.segment.text


@dataclass(frozen=True)
class Counts:
    """Rows of one language by state (a sentence that appears twice counts twice)."""

    lang: str
    total: int
    approved: int = 0
    machine: int = 0  # awaiting review: machine drafts and edited drafts
    edited: int = 0  # of which edited by a person
    empty: int = 0
    problems: int = 0
    loading: bool = False

    @property
    def percent(self) -> float:
        return 100.0 * self.approved / self.total if self.total else 100.0


@dataclass(frozen=True)
class TermRendering:
    lang: str
    expected: str  # the target term the glossary requires
    present: bool | None  # None while the cell has no translation


@dataclass(frozen=True)
class TermInfo:
    """A glossary term found in a row's source, and its required rendering per target."""

    concept_id: str
    source: str  # as written in the source
    spans: tuple[tuple[int, int], ...]  # where the source holds it
    renderings: tuple[TermRendering, ...]


@dataclass(frozen=True)
class DraftBefore:
    """An entry as it was before a person first changed it, so undoing the edit restores it."""

    msgstr: str
    comment: str
    flags: tuple[str, ...]
    touched: bool  # it had unsaved changes already (e.g. a fresh machine draft)


@dataclass
class LanguageState:
    """One target language's catalog as the session sees it (built off the UI thread)."""

    lang: str
    catalog: Catalog
    entries: dict[str, polib.POEntry]  # live entries by msgid
    edited: set[str]  # msgids with an Edited: note
    baseline: dict[str, tuple[str, bool]]  # msgid -> (msgstr, fuzzy) as on disk
    touched: dict[str, int] = field(default_factory=dict)  # msgid -> revision of my last change
    revision: int = 0
    pending_memory: dict[str, str] = field(default_factory=dict)  # approved since last save
    states: dict[str, CellState] = field(default_factory=dict)  # msgid -> state, for the tally
    tally: Counter[CellState] = field(default_factory=Counter)  # rows per state
    flagged: set[str] = field(default_factory=set)  # msgids whose translation has problems
    drafts: dict[str, DraftBefore] = field(default_factory=dict)  # msgid -> before my edit

    @property
    def dirty(self) -> bool:
        return bool(self.touched)


def state_of(lane: LanguageState, msgid: str) -> CellState:
    entry = lane.entries.get(msgid)
    if entry is None or not entry.msgstr:
        return CellState.EMPTY
    if "fuzzy" not in entry.flags:
        return CellState.APPROVED
    return CellState.EDITED if msgid in lane.edited else CellState.MACHINE


def count_states(lane: LanguageState, weights: Mapping[str, int]) -> None:
    lane.states = {msgid: state_of(lane, msgid) for msgid in weights}
    lane.tally = Counter()
    for msgid, weight in weights.items():
        lane.tally[lane.states[msgid]] += weight


def flag_problems(lane: LanguageState, msgid: str, has_problems: bool) -> None:
    if has_problems:
        lane.flagged.add(msgid)
    else:
        lane.flagged.discard(msgid)
