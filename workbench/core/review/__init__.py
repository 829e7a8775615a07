"""A review session: a document or a catalog, its catalog in each target language, and a
translator's work.

The TUI is a view on this model and holds no domain logic. A *row* is a sentence of a
document or an entry of a template or catalog (`sources.py`); entries are found by their unit
key (msgctxt, msgid), and sentences with identical text share one entry, so changing one
changes them all. A plural entry's translation is edited form by form. A *cell* is a row in
one target language, in one of these states:

- empty: no translation;
- machine: a draft (machine or memory) awaiting review (fuzzy);
- edited: a draft a person changed, still awaiting approval (fuzzy, with an `Edited:` note);
- approved: translated and not fuzzy.

Edits never lose the machine output: before a person changes or approves a draft, every
machine candidate is written to the entry's comments as an alternative ("pinned"), so the
n-best list survives in the catalog.

Catalogs are read and written off the UI thread: `read_language()` builds a language's state
without touching the session, `attach()` / `merge_from()` install it in one step, and
`save()` writes every changed catalog atomically, refusing (per language) when the file
changed on disk since it was read.

The parts, one job each: `sources` (what the rows are), `state` (the values), `model` (the
shared state and reading it), `checking` (a translation's problems), `terms`, `finding`,
`editing`, `machine`, `saving`, `merging`, `recovery` (the journal of unsaved work), `recall`
(the memory in the editor), and `session`, which puts them together as `ReviewSession`. Import from this package, not from the parts.

Threads: the UI thread edits; workers load, check, translate, save, reload and merge. Which
thread may touch what, and under which lock, is the rule written at the top of `model.py`.
"""

from workbench.core.catalogs.comments import EDITED_LABEL, EDITED_NOTE
from workbench.core.review.finding import SearchQuery
from workbench.core.review.merging import MergeReport
from workbench.core.review.recall import DiffPiece, source_diff
from workbench.core.review.recovery import RecoveryReport
from workbench.core.review.saving import SaveReport
from workbench.core.review.session import ReviewSession
from workbench.core.review.state import (
    PROBLEM_MARK,
    STATE_MARKS,
    Cell,
    CellState,
    Counts,
    LanguageState,
    Row,
    StatusFilter,
    TermInfo,
    TermRendering,
)

__all__ = [
    "EDITED_LABEL",
    "EDITED_NOTE",
    "PROBLEM_MARK",
    "STATE_MARKS",
    "Cell",
    "CellState",
    "Counts",
    "DiffPiece",
    "LanguageState",
    "MergeReport",
    "RecoveryReport",
    "ReviewSession",
    "Row",
    "SaveReport",
    "SearchQuery",
    "StatusFilter",
    "TermInfo",
    "TermRendering",
    "source_diff",
]
