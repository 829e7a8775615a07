"""A review session: one document, its catalog in each target language, and a translator's work.

The TUI is a view on this model and holds no domain logic. A *row* is a segment of the
document; segments with identical text share one catalog entry (one msgid), so changing one
changes them all. A *cell* is a row in one target language, in one of these states:

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
changed on disk since it was read. Rendering a catalog reuses the text of unchanged entries,
so saving a 10,000-entry catalog after one edit takes milliseconds, not seconds.
"""

from __future__ import annotations

import enum
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polib

from workbench.core.catalog import (
    EDITED_LABEL,
    EDITED_NOTE,
    WRAP_WIDTH,
    Catalog,
    Draft,
    build_template,
    catalog_path,
    is_human_edited,
    load_catalog,
    machine_comment,
    machine_record,
    merge_catalog,
    strip_machine_comment,
)
from workbench.core.document import Document, Paragraph, Segment, load_document
from workbench.core.engines.base import Hypothesis
from workbench.core.errors import ConflictError, InputError, WorkbenchError
from workbench.core.languages import normalise_language
from workbench.core.textio import FileStamp, atomic_write

if TYPE_CHECKING:
    from workbench.core.checks import Problem
    from workbench.core.engines.base import Engine
    from workbench.core.glossary import Glossary
    from workbench.core.pipeline import PipelineOptions, PipelineResult, Progress

MEMORY_ORIGIN = "catalog"  # what the memory records approvals made here as (see memory.py)


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
    TODO = "to do"  # empty, machine or edited: not approved yet
    EMPTY = "empty"
    MACHINE = "machine"
    EDITED = "edited"
    APPROVED = "approved"
    PROBLEMS = "problems"


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
class SaveReport:
    saved: tuple[str, ...] = ()  # languages written
    conflicts: tuple[str, ...] = ()  # languages whose file changed on disk: nothing written
    memory_added: int = 0
    memory_error: str = ""  # the memory could not be fed (the catalogs are saved anyway)


@dataclass(frozen=True)
class MergeReport:
    lang: str
    kept_mine: int  # my changed entries written over the disk version
    took_theirs: int  # entries changed on disk that I had not touched
    both_changed: tuple[str, ...]  # msgids changed on disk *and* by me: mine kept, check them


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

    @property
    def dirty(self) -> bool:
        return bool(self.touched)


ProblemFinder = Callable[..., list[Any]]


def _problem_finder() -> ProblemFinder | None:
    """`run_checks` if the checks are installed; the review works without them."""
    try:
        from workbench.core.checks import run_checks
    except ImportError:
        return None
    return run_checks


class ReviewSession:
    """A document under review in several target languages."""

    def __init__(
        self,
        document: Document,
        targets: Sequence[str],
        locales: Path,
        *,
        domain: str | None = None,
        glossary: Glossary | None = None,
        memory_path: Path | None = None,
    ) -> None:
        self.document = document
        self.source_lang = document.lang
        self.targets = tuple(dict.fromkeys(normalise_language(code) for code in targets))
        if not self.targets:
            raise InputError("give at least one target language, e.g. --to en,az")
        if self.source_lang in self.targets:
            raise InputError(f"the document is already in '{self.source_lang}'; drop it from --to")
        self.locales = Path(locales)
        self.domain = domain or document.name
        self.glossary = glossary
        self.memory_path = memory_path
        self.segments: tuple[Segment, ...] = document.segments
        self._weight: Counter[str] = Counter(segment.text for segment in self.segments)
        self._rows_of: dict[str, list[int]] = {}
        for index, segment in enumerate(self.segments):
            self._rows_of.setdefault(segment.text, []).append(index)
        self._template: polib.POFile | None = None
        self._template_entries: dict[str, polib.POEntry] = {}
        self._lanes: dict[str, LanguageState] = {}
        self._lock = threading.RLock()  # guards the in-memory state: held briefly
        self._io_lock = threading.Lock()  # one save, reload or merge at a time
        self._problems: dict[tuple[str, str, str], tuple[Problem, ...]] = {}
        self._alternatives: dict[tuple[str, str], tuple[Hypothesis, ...]] = {}
        self._versions: Counter[str] = Counter()  # msgid -> changes, for views that cache rows
        self._find_problems: ProblemFinder | bool | None = False  # False: not imported yet
        self._render_cache: dict[int, tuple[tuple[Any, ...], str]] = {}

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        document_path: Path,
        targets: Sequence[str],
        locales: Path,
        *,
        source_lang: str | None = None,
        domain: str | None = None,
        glossary_paths: Sequence[Path] = (),
        memory_path: Path | None = None,
    ) -> ReviewSession:
        """Read the document, the glossaries and every target's catalog."""
        document = load_document(Path(document_path), source_lang)
        glossary = None
        if glossary_paths:
            from workbench.core.glossary import load_glossaries

            glossary = load_glossaries(list(glossary_paths))
        session = cls(
            document,
            targets,
            locales,
            domain=domain,
            glossary=glossary,
            memory_path=memory_path,
        )
        session.load()
        return session

    def catalog_path(self, lang: str) -> Path:
        return catalog_path(self.locales, lang, self.domain)

    def load(self) -> None:
        for lang in self.targets:
            self.attach(self.read_language(lang))

    def read_language(self, lang: str) -> LanguageState:
        """Read `lang`'s catalog (or start an empty one); safe to call from any thread."""
        path = self.catalog_path(lang)
        if FileStamp.of(path).exists:
            catalog = load_catalog(path)
        else:  # nothing translated yet: a catalog in memory, written on the first save
            po, _ = merge_catalog(None, self.template(), lang, {}, path=path)
            catalog = Catalog(path=path, po=po, stamp=FileStamp(None))
        entries: dict[str, polib.POEntry] = {}
        for entry in catalog.po:
            if not entry.obsolete and entry.msgid and not entry.msgid_plural:
                entries.setdefault(entry.msgid, entry)
        state = LanguageState(
            lang=lang,
            catalog=catalog,
            entries=entries,
            edited={msgid for msgid, entry in entries.items() if is_human_edited(entry)},
            baseline={msgid: _value(entry) for msgid, entry in entries.items()},
        )
        _count_states(state, self._weight)
        return state

    def attach(self, state: LanguageState) -> None:
        """Install a language read by `read_language`, replacing what the session had."""
        with self._lock:
            self._lanes[state.lang] = state
            for key in [key for key in self._alternatives if key[0] == state.lang]:
                del self._alternatives[key]
            self._versions.update(self._weight.keys())

    def template(self) -> polib.POFile:
        if self._template is None:
            self._template = build_template([self.document], self.domain)
            self._template_entries = {entry.msgid: entry for entry in self._template}
        return self._template

    def is_loaded(self, lang: str | None = None) -> bool:
        languages = [lang] if lang else self.targets
        return all(code in self._lanes for code in languages)

    # --- reading rows ------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.segments)

    def row(self, index: int) -> Row:
        segment = self.segments[index]
        return Row(index, segment, {lang: self.cell(index, lang) for lang in self.targets})

    def rows(self) -> Iterable[Row]:
        return (self.row(index) for index in range(len(self.segments)))

    def cell(self, index: int, lang: str) -> Cell:
        msgid = self.segments[index].text
        lane = self._lanes.get(lang)
        if lane is None:
            return Cell(lang, "", CellState.LOADING)
        entry = lane.entries.get(msgid)
        text = entry.msgstr if entry is not None else ""
        return Cell(lang, text, _state_of(lane, msgid), self._problems_of(lang, msgid, text))

    def version(self, index: int) -> int:
        """Changes so far to the row's entry in any language: a cache key for views."""
        return self._versions[self.segments[index].text]

    def siblings(self, index: int) -> tuple[int, ...]:
        """Every row that shares this row's entry (identical source text), this one included."""
        return tuple(self._rows_of[self.segments[index].text])

    def rows_with(self, text: str) -> tuple[int, ...]:
        """The rows whose source is exactly `text`."""
        return tuple(self._rows_of.get(text, ()))

    def problems(self, index: int, lang: str) -> tuple[Problem, ...]:
        return self.cell(index, lang).problems

    def alternatives(self, index: int, lang: str) -> tuple[Hypothesis, ...]:
        """The machine candidates recorded for the row, best first, without duplicates."""
        msgid = self.segments[index].text
        key = (lang, msgid)
        cached = self._alternatives.get(key)
        if cached is not None:
            return cached
        lane = self._lanes.get(lang)
        entry = lane.entries.get(msgid) if lane else None
        found: tuple[Hypothesis, ...] = ()
        if entry is not None and lane is not None:
            record = machine_record(entry)
            if record is not None:
                candidates = list(record.alternatives)
                if msgid in lane.edited and candidates and "fuzzy" in entry.flags and entry.msgstr:
                    candidates = candidates[1:]  # machine_record's first is the edited text
                found = _unique(candidates)
        self._alternatives[key] = found
        return found

    def machine_notes(self, index: int, lang: str) -> tuple[str, ...]:
        """The engine signature and the glossary/memory notes recorded on the entry."""
        lane = self._lanes.get(lang)
        entry = lane.entries.get(self.segments[index].text) if lane else None
        record = machine_record(entry) if entry is not None else None
        if record is None:
            return ()
        return ((record.signature,) if record.signature else ()) + record.notes

    def terms(self, index: int) -> tuple[TermInfo, ...]:
        """The glossary terms in the row's source with their required renderings."""
        if self.glossary is None:
            return ()
        from workbench.core.term_check import MISSING, TermChecker, find_terms

        source = self.segments[index].text
        spans: dict[str, list[tuple[int, int]]] = {}
        written: dict[str, str] = {}
        for match in find_terms(self.glossary, source, self.source_lang, inflected=False):
            spans.setdefault(match.concept.id, []).append((match.start, match.end))
            written.setdefault(match.concept.id, match.text)
        renderings: dict[str, list[TermRendering]] = {concept: [] for concept in spans}
        for lang in self.targets:
            checker = TermChecker(self.glossary, self.source_lang, lang)
            requirements = checker.requirements(source)
            text = self.cell(index, lang).text
            missing = set()
            if text:
                missing = {
                    problem.concept_id
                    for problem in checker.problems(requirements, text)
                    if problem.kind == MISSING
                }
            for requirement in requirements:
                concept = requirement.concept.id
                present = None if not text else concept not in missing
                renderings.setdefault(concept, []).append(
                    TermRendering(lang, requirement.expected.text, present)
                )
        return tuple(
            TermInfo(concept, written.get(concept, ""), tuple(spans[concept]), tuple(found))
            for concept, found in renderings.items()
            if concept in spans
        )

    def _flagged(self, lane: LanguageState) -> list[str]:
        with self._lock:
            return list(lane.flagged)

    def counts(self, lang: str) -> Counts:
        lane = self._lanes.get(lang)
        total = len(self.segments)
        if lane is None:
            return Counts(lang, total, empty=total, loading=True)
        tally = lane.tally
        return Counts(
            lang,
            total,
            approved=tally[CellState.APPROVED],
            machine=tally[CellState.MACHINE] + tally[CellState.EDITED],
            edited=tally[CellState.EDITED],
            empty=tally[CellState.EMPTY],
            problems=sum(self._weight[msgid] for msgid in self._flagged(lane)),
        )

    # --- finding rows ------------------------------------------------------------------

    def matches(self, index: int, status: StatusFilter, langs: Sequence[str]) -> bool:
        """Does the row match `status` in any of `langs`?"""
        if status is StatusFilter.ALL:
            return True
        for lang in langs:
            cell = self.cell(index, lang)
            if status is StatusFilter.PROBLEMS:
                if cell.problems:
                    return True
            elif cell.state is CellState.LOADING:
                continue
            elif status is StatusFilter.TODO:
                if cell.state is not CellState.APPROVED:
                    return True
            elif status is StatusFilter.MACHINE:
                if cell.state in (CellState.MACHINE, CellState.EDITED):
                    return True
            elif cell.state.value == status.value:
                return True
        return False

    def contains(self, index: int, query: str, langs: Sequence[str]) -> bool:
        """Does the row's source or a translation in `langs` contain `query` (ignoring case)?"""
        needle = query.casefold()
        if not needle:
            return False
        if needle in self.segments[index].text.casefold():
            return True
        return any(needle in self.cell(index, lang).text.casefold() for lang in langs)

    def select(
        self,
        status: StatusFilter,
        langs: Sequence[str],
        query: str = "",
        cancel: threading.Event | None = None,
    ) -> list[int]:
        """The rows matching `status` (and containing `query`, if given), in document order."""
        found = []
        for index in range(len(self.segments)):
            if cancel is not None and cancel.is_set():
                break
            if self.matches(index, status, langs) and (
                not query or self.contains(index, query, langs)
            ):
                found.append(index)
        return found

    @staticmethod
    def step(
        order: Sequence[int], position: int, direction: int, test: Callable[[int], bool]
    ) -> int | None:
        """The position in `order` of the next row (after `position`, wrapping) passing `test`."""
        count = len(order)
        for offset in range(1, count + 1):
            candidate = (position + direction * offset) % count
            if test(order[candidate]):
                return candidate
        return None

    # --- changing translations ---------------------------------------------------------

    def set_translation(self, index: int, lang: str, text: str) -> bool:
        """A person's translation for the row: kept as a draft (fuzzy) until approved."""
        msgid = self.segments[index].text
        with self._lock:
            lane = self._lane(lang)
            entry = lane.entries.get(msgid)
            if text == (entry.msgstr if entry is not None else ""):
                return False
            entry = self._ensure_entry(lane, msgid)
            self._pin_alternatives(lane, entry)
            entry.msgstr = text
            _set_fuzzy(entry, bool(text))
            if msgid not in lane.edited:
                # first: a line after our labelled lines would read as their continuation
                entry.comment = _join_lines(EDITED_NOTE, entry.comment)
                lane.edited.add(msgid)
            lane.pending_memory.pop(msgid, None)
            self._changed(lane, msgid)
            return True

    def approve(self, index: int, lang: str) -> bool:
        """Clear the fuzzy flag of a translated row; False if it is empty or already approved."""
        msgid = self.segments[index].text
        with self._lock:
            lane = self._lane(lang)
            entry = lane.entries.get(msgid)
            if entry is None or not entry.msgstr or "fuzzy" not in entry.flags:
                return False
            self._pin_alternatives(lane, entry)
            _set_fuzzy(entry, False)
            lane.pending_memory[msgid] = entry.msgstr
            self._changed(lane, msgid)
            return True

    def unapprove(self, index: int, lang: str) -> bool:
        """Mark an approved row as needing review again (fuzzy)."""
        msgid = self.segments[index].text
        with self._lock:
            lane = self._lane(lang)
            entry = lane.entries.get(msgid)
            if entry is None or not entry.msgstr or "fuzzy" in entry.flags:
                return False
            _set_fuzzy(entry, True)
            lane.pending_memory.pop(msgid, None)
            self._changed(lane, msgid)
            return True

    def choose_alternative(self, index: int, lang: str, number: int) -> str | None:
        """Use machine candidate `number` (from 1) as the translation; None if there is none."""
        candidates = self.alternatives(index, lang)
        if not 1 <= number <= len(candidates):
            return None
        text = candidates[number - 1].text
        self.set_translation(index, lang, text)
        return text

    def copy_source(self, index: int, lang: str) -> str:
        text = self.segments[index].text
        self.set_translation(index, lang, text)
        return text

    def apply_drafts(self, result: PipelineResult) -> int:
        """Put machine drafts (from MT run in the UI) into the catalogs.

        A draft fills empty and machine cells; a person's work (edited or approved) keeps its
        text and gets the new candidates as alternatives. Returns how many entries changed.
        """
        changed = 0
        with self._lock:
            for lang, drafts in result.drafts.items():
                lane = self._lanes.get(lang)
                if lane is None:
                    continue
                for msgid, draft in drafts.items():
                    if msgid in self._weight and self._apply_draft(lane, msgid, draft):
                        changed += 1
        return changed

    def _apply_draft(self, lane: LanguageState, msgid: str, draft: Draft) -> bool:
        if not draft.hypotheses and not draft.notes:
            return False
        entry = self._ensure_entry(lane, msgid)
        human = bool(entry.msgstr) and (msgid in lane.edited or "fuzzy" not in entry.flags)
        kept = strip_machine_comment(entry.comment)
        if human:
            pinned = replace(draft, hypotheses=draft.hypotheses[:1] + draft.hypotheses)
            entry.comment = _join_lines(kept, machine_comment(pinned))
        else:
            if draft.best:
                entry.msgstr = draft.best
                if msgid in lane.edited:  # a person emptied it; the machine fills it again
                    lane.edited.discard(msgid)
                    kept = "\n".join(
                        line for line in kept.splitlines() if not line.startswith(EDITED_LABEL)
                    )
            entry.comment = _join_lines(kept, machine_comment(draft))
            _set_fuzzy(entry, bool(entry.msgstr) and not draft.approved)
        self._changed(lane, msgid)
        return True

    # --- machine translation from the review --------------------------------------------

    def empty_sentences(self, langs: Sequence[str]) -> dict[str, list[str]]:
        """Per language, the distinct source sentences that have no translation yet."""
        return {
            lang: [
                msgid
                for msgid in self._weight
                if self.cell(self._rows_of[msgid][0], lang).state is CellState.EMPTY
            ]
            for lang in langs
        }

    def machine_translate(
        self,
        requests: Mapping[str, Sequence[str]],
        *,
        engines: MutableMapping[str, Engine],
        options: PipelineOptions | None = None,
        cancel: threading.Event | None = None,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> PipelineResult:
        """Translate `requests` (language -> sentences) through the pipeline; slow, so call
        it from a worker, then give the result to `apply_drafts` on the UI thread.

        `engines` is the caller's cache: engines opened here are added to it, so the next
        request does not load the models again.
        """
        from workbench.core.pipeline import (
            PipelineOptions,
            PipelineResult,
            open_engines,
            translate_documents,
        )

        options = options or PipelineOptions(install_missing=False)
        result = PipelineResult(source_lang=self.source_lang)
        for lang, sentences in requests.items():
            if not sentences:
                continue
            if lang not in engines:
                engines.update(open_engines(self.source_lang, [lang], options))
            part = translate_documents(
                [document_of(sentences, self.source_lang)],
                [lang],
                options=options,
                engines={lang: engines[lang]},
                glossary=self.glossary,
                cancel=cancel,
                on_progress=on_progress,
            )
            result.drafts[lang] = part.drafts[lang]
            result.counts[lang] = part.counts[lang]
        return result

    # --- problems ----------------------------------------------------------------------

    def _problems_of(self, lang: str, msgid: str, text: str) -> tuple[Problem, ...]:
        if self._find_problems is False:  # imported on first use: opening stays fast
            self._find_problems = _problem_finder()
        if not text or not callable(self._find_problems):
            return ()
        key = (lang, msgid, text)
        found = self._problems.get(key)
        if found is None:
            found = tuple(
                self._find_problems(msgid, text, self.source_lang, lang, glossary=self.glossary)
            )
            self._problems[key] = found
        lane = self._lanes.get(lang)
        entry = lane.entries.get(msgid) if lane is not None else None
        if lane is not None and entry is not None and entry.msgstr == text:
            with self._lock:
                _flag(lane, msgid, bool(found))
        return found

    def check_all(self, cancel: threading.Event | None = None) -> int:
        """Run the checks on every translated row (slow for big documents: use a worker).

        Returns how many entries were checked; views should redraw afterwards.
        """
        checked = 0
        for lang in self.targets:
            lane = self._lanes.get(lang)
            if lane is None:
                continue
            for msgid in list(self._weight):
                if cancel is not None and cancel.is_set():
                    return checked
                entry = lane.entries.get(msgid)
                if entry is not None and entry.msgstr:
                    self._problems_of(lang, msgid, entry.msgstr)
                    checked += 1
        with self._lock:
            self._versions.update(self._weight.keys())
        return checked

    # --- saving ------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return any(lane.dirty for lane in self._lanes.values())

    def dirty_languages(self) -> tuple[str, ...]:
        return tuple(lang for lang, lane in self._lanes.items() if lane.dirty)

    def save(self) -> SaveReport:
        """Write every changed catalog atomically; a language whose file changed on disk
        since it was read is not written and is reported in `conflicts`."""
        with self._io_lock:
            return self._save()

    def _save(self) -> SaveReport:
        saved, conflicts = [], []
        approved: dict[str, dict[str, str]] = {}
        for lang in self.dirty_languages():
            lane = self._lanes[lang]
            with self._lock:
                lane.catalog.po.metadata["PO-Revision-Date"] = _now()
                text = self.render(lane.catalog.po)
                written = dict(lane.touched)
                values = {msgid: _value(lane.entries[msgid]) for msgid in written}
                memory = dict(lane.pending_memory)
                stamp = lane.catalog.stamp
            try:
                new_stamp = atomic_write(lane.catalog.path, text, expected=stamp)
            except ConflictError:
                conflicts.append(lang)
                continue
            with self._lock:
                if self._lanes.get(lang) is not lane:
                    continue  # reloaded meanwhile: the new state has its own stamp
                lane.catalog.stamp = new_stamp
                for msgid, changed_at in written.items():
                    lane.baseline[msgid] = values[msgid]
                    if lane.touched.get(msgid) == changed_at:
                        del lane.touched[msgid]
                for msgid, msgstr in memory.items():
                    if lane.pending_memory.get(msgid) == msgstr:
                        del lane.pending_memory[msgid]
            saved.append(lang)
            approved[lang] = memory
        added, error = self._feed_memory(approved)
        return SaveReport(tuple(saved), tuple(conflicts), added, error)

    def _feed_memory(self, approved: Mapping[str, Mapping[str, str]]) -> tuple[int, str]:
        units = [
            (msgid, msgstr, lang)
            for lang, pairs in approved.items()
            for msgid, msgstr in pairs.items()
        ]
        if not units or self.memory_path is None:
            return 0, ""
        try:
            from workbench.core.memory import MemoryUnit, TranslationMemory
        except ImportError:
            return 0, ""
        try:
            with TranslationMemory(self.memory_path) as memory:
                added = memory.add_many(
                    MemoryUnit(msgid, msgstr, self.source_lang, lang, MEMORY_ORIGIN, self.domain)
                    for msgid, msgstr, lang in units
                )
        except WorkbenchError as error:
            return 0, str(error)
        return added, ""

    def render(self, po: polib.POFile) -> str:
        """`str(po)` as `catalog.render` writes it, reusing the text of unchanged entries."""
        po.wrapwidth = WRAP_WIDTH
        head = polib.POFile(wrapwidth=WRAP_WIDTH)
        head.header = po.header
        head.metadata = po.metadata
        head.metadata_is_fuzzy = po.metadata_is_fuzzy
        pieces = [str(head)]
        cache = self._render_cache
        ordered = [e for e in po if not e.obsolete] + [e for e in po if e.obsolete]
        for entry in ordered:
            key = _render_key(entry)
            cached = cache.get(id(entry))
            if cached is None or cached[0] != key:
                cached = (key, entry.__unicode__(WRAP_WIDTH))
                cache[id(entry)] = cached
            pieces.append(cached[1])
        return "\n".join(pieces)

    def changed_on_disk(self) -> tuple[str, ...]:
        """Languages whose catalog file is no longer what the session read or last wrote."""
        return tuple(
            lang
            for lang, lane in list(self._lanes.items())
            if FileStamp.of(lane.catalog.path) != lane.catalog.stamp
        )

    def reload(self, lang: str) -> None:
        """Discard my changes to `lang` and take the catalog as it is on disk."""
        with self._io_lock:
            self.attach(self.read_language(lang))

    def merge(self, lang: str) -> MergeReport:
        """Take the catalog on disk, keeping the entries I changed since it was read."""
        with self._io_lock:
            return self.merge_from(self.read_language(lang))

    def merge_from(self, theirs: LanguageState) -> MergeReport:
        """Merge a freshly read state (see `merge`) into the session; fast, in one step."""
        lang = theirs.lang
        with self._lock:
            mine = self._lane(lang)
            both_changed = []
            for msgid in mine.touched:
                my_entry = mine.entries[msgid]
                their_entry = theirs.entries.get(msgid)
                if their_entry is None:
                    their_entry = _copy_entry(my_entry)
                    theirs.catalog.po.append(their_entry)
                    theirs.entries[msgid] = their_entry
                else:
                    their_value = _value(their_entry)
                    if their_value != mine.baseline.get(
                        msgid, ("", False)
                    ) and their_value != _value(my_entry):
                        both_changed.append(msgid)
                    their_entry.msgstr = my_entry.msgstr
                    their_entry.flags = list(my_entry.flags)
                    their_entry.comment = my_entry.comment
                if msgid in mine.edited:
                    theirs.edited.add(msgid)
            took_theirs = sum(
                1
                for msgid, value in theirs.baseline.items()
                if msgid not in mine.touched and mine.baseline.get(msgid) != value
            )
            theirs.touched = dict(mine.touched)
            theirs.revision = mine.revision
            theirs.pending_memory = dict(mine.pending_memory)
            _count_states(theirs, self._weight)
            self.attach(theirs)
        return MergeReport(lang, len(theirs.touched), took_theirs, tuple(both_changed))

    # --- internals ---------------------------------------------------------------------

    def _lane(self, lang: str) -> LanguageState:
        lane = self._lanes.get(lang)
        if lane is None:
            raise InputError(f"the {lang} catalog is still loading; try again in a moment")
        return lane

    def _ensure_entry(self, lane: LanguageState, msgid: str) -> polib.POEntry:
        entry = lane.entries.get(msgid)
        if entry is not None:
            return entry
        for old in lane.catalog.po:  # a sentence that came back: revive its obsolete entry
            if old.obsolete and old.msgid == msgid:
                entry = old
                entry.obsolete = False
                break
        else:
            entry = polib.POEntry(msgid=msgid, msgstr="")
            lane.catalog.po.append(entry)
        self.template()
        template_entry = self._template_entries.get(msgid)
        entry.occurrences = list(template_entry.occurrences) if template_entry else []
        lane.entries[msgid] = entry
        lane.baseline.setdefault(msgid, ("", False))
        return entry

    def _pin_alternatives(self, lane: LanguageState, entry: polib.POEntry) -> None:
        """Before a person changes a draft, record the machine's best as an alternative too."""
        msgid = entry.msgid
        if msgid in lane.edited or not entry.msgstr or "fuzzy" not in entry.flags:
            return  # already pinned, or nothing machine-made in msgstr
        record = machine_record(entry)
        if record is None or not record.alternatives:
            return
        draft = Draft(record.alternatives, record.signature, record.notes)
        pinned = replace(draft, hypotheses=draft.hypotheses[:1] + draft.hypotheses)
        entry.comment = _join_lines(strip_machine_comment(entry.comment), machine_comment(pinned))

    def _changed(self, lane: LanguageState, msgid: str) -> None:
        lane.revision += 1
        lane.touched[msgid] = lane.revision
        self._versions[msgid] += 1
        self._alternatives.pop((lane.lang, msgid), None)
        weight = self._weight[msgid]
        now = _state_of(lane, msgid)
        lane.tally[lane.states.get(msgid, CellState.EMPTY)] -= weight
        lane.tally[now] += weight
        lane.states[msgid] = now
        entry = lane.entries.get(msgid)
        text = entry.msgstr if entry is not None else ""
        if text:
            self._problems_of(lane.lang, msgid, text)
        else:
            lane.flagged.discard(msgid)


def document_of(sentences: Sequence[str], lang: str) -> Document:
    """A document of one-sentence paragraphs, so the pipeline translates exactly `sentences`."""
    paragraphs = []
    offset = 0
    for number, sentence in enumerate(sentences):
        end = offset + len(sentence)
        segment = Segment(f"{number + 1}.1", number, offset, end, 2 * number + 1, sentence)
        paragraphs.append(Paragraph(number, offset, end, (segment,)))
        offset = end + 2
    return Document(None, lang, "\n\n".join(sentences), tuple(paragraphs))


def _state_of(lane: LanguageState, msgid: str) -> CellState:
    entry = lane.entries.get(msgid)
    if entry is None or not entry.msgstr:
        return CellState.EMPTY
    if "fuzzy" not in entry.flags:
        return CellState.APPROVED
    return CellState.EDITED if msgid in lane.edited else CellState.MACHINE


def _count_states(lane: LanguageState, weights: Mapping[str, int]) -> None:
    lane.states = {msgid: _state_of(lane, msgid) for msgid in weights}
    lane.tally = Counter()
    for msgid, weight in weights.items():
        lane.tally[lane.states[msgid]] += weight


def _flag(lane: LanguageState, msgid: str, has_problems: bool) -> None:
    if has_problems:
        lane.flagged.add(msgid)
    else:
        lane.flagged.discard(msgid)


def _value(entry: polib.POEntry) -> tuple[str, bool]:
    return entry.msgstr, "fuzzy" in entry.flags


def _set_fuzzy(entry: polib.POEntry, fuzzy: bool) -> None:
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    elif not fuzzy:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]


def _join_lines(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _unique(hypotheses: Iterable[Hypothesis]) -> tuple[Hypothesis, ...]:
    seen: set[str] = set()
    kept = []
    for hypothesis in hypotheses:
        if hypothesis.text and hypothesis.text not in seen:
            seen.add(hypothesis.text)
            kept.append(hypothesis)
    return tuple(kept)


def _copy_entry(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        flags=list(entry.flags),
        comment=entry.comment,
        tcomment=entry.tcomment,
        occurrences=list(entry.occurrences),
    )


def _render_key(entry: polib.POEntry) -> tuple[Any, ...]:
    """Everything `POEntry.__unicode__` writes: equal keys mean equal text."""
    return (
        entry.msgid,
        entry.msgstr,
        entry.msgctxt,
        entry.msgid_plural,
        tuple(sorted(entry.msgstr_plural.items())),
        tuple(entry.flags),
        entry.comment,
        entry.tcomment,
        tuple(tuple(occurrence) for occurrence in entry.occurrences),
        entry.obsolete,
        entry.previous_msgctxt,
        entry.previous_msgid,
        entry.previous_msgid_plural,
    )


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")
