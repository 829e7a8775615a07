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

from workbench.core.catalogs.entries import has_translation, is_complete
from workbench.core.catalogs.plurals import PluralSlot
from workbench.core.catalogs.pofile import Catalog
from workbench.core.review.sources import SourceRow
from workbench.core.sources.units import UnitKey

if TYPE_CHECKING:
    from workbench.core.catalogs.plurals import PluralRule
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
    text: str  # the translation (of a plural entry: its first form)
    state: CellState
    problems: tuple[Problem, ...] = ()
    forms: tuple[str, ...] = ()  # every form of a plural entry, msgstr[0] first

    @property
    def mark(self) -> str:
        """Two characters: the state's mark, then "!" when there are problems."""
        return STATE_MARKS[self.state] + (PROBLEM_MARK if self.problems else " ")


@dataclass(frozen=True)
class Row:
    index: int  # position in the document or catalog, from 0
    segment: SourceRow
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

    forms: tuple[str, ...]
    comment: str
    flags: tuple[str, ...]
    touched: bool  # it had unsaved changes already (e.g. a fresh machine draft)


@dataclass
class LanguageState:
    """One target language's catalog as the session sees it (built off the UI thread)."""

    lang: str
    catalog: Catalog
    entries: dict[UnitKey, polib.POEntry]  # live entries by (msgctxt, msgid)
    edited: set[UnitKey]  # entries with an Edited: note
    baseline: dict[UnitKey, tuple[tuple[str, ...], bool]]  # (forms, fuzzy) as on disk
    slots: tuple[PluralSlot, ...] = ()  # the catalog's plural forms, msgstr[0] first
    plural_rule: PluralRule | None = None  # its Plural-Forms as msgfmt reads it
    touched: dict[UnitKey, int] = field(default_factory=dict)  # -> revision of my last change
    revision: int = 0
    pending_memory: dict[UnitKey, str] = field(default_factory=dict)  # approved since last save
    states: dict[UnitKey, CellState] = field(default_factory=dict)  # for the tally
    tally: Counter[CellState] = field(default_factory=Counter)  # rows per state
    flagged: set[UnitKey] = field(default_factory=set)  # translations with problems
    drafts: dict[UnitKey, DraftBefore] = field(default_factory=dict)  # before my edit

    @property
    def dirty(self) -> bool:
        return bool(self.touched)


def state_of(lane: LanguageState, key: UnitKey) -> CellState:
    """A plural entry with a form still empty is not approved, as msgfmt --statistics counts it."""
    entry = lane.entries.get(key)
    if entry is None or not has_translation(entry):
        return CellState.EMPTY
    if "fuzzy" not in entry.flags and is_complete(entry):
        return CellState.APPROVED
    return CellState.EDITED if key in lane.edited else CellState.MACHINE


def count_states(lane: LanguageState, weights: Mapping[UnitKey, int]) -> None:
    lane.states = {key: state_of(lane, key) for key in weights}
    lane.tally = Counter()
    for key, weight in weights.items():
        lane.tally[lane.states[key]] += weight


def flag_problems(lane: LanguageState, key: UnitKey, has_problems: bool) -> None:
    if has_problems:
        lane.flagged.add(key)
    else:
        lane.flagged.discard(key)
