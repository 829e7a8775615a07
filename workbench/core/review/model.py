"""The session's state and how it is read: rows, cells, counts, problems, one lane per language.

`SessionModel` owns everything the other parts of a session share: the document's rows, each
target language's catalog state (its "lane"), the locks, and the caches views rely on. The
parts that change or write that state (editing, machine, saving, merging) build on it.

Threads. The UI thread edits and reads; workers load catalogs (`read_language` + `attach`), run
the checks (`check_all`), save, reload and merge, and any of them may read. The rules:

- `_lanes` is copy-on-write: `attach` publishes a new dict, never changes a published one, so
  any thread may iterate `self._lanes` as a snapshot without the lock.
- Everything inside a lane (entries, touched, pending memory, edited, flagged, states, tally,
  drafts, the catalog's entries) and the session's caches (`_alternatives`, `_problems`,
  `_versions`, `_render_cache`, `_recalled`, `_memory`) is changed only under `_lock`, and
  read under it wherever the reader iterates or needs several values to agree (counts, save,
  merge).
- `read_language` builds a new lane without touching shared state, so the slow part of a load
  runs without the lock; `_io_lock` keeps saves, reloads and merges one at a time.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polib

from workbench.core.catalogs.comments import machine_record
from workbench.core.catalogs.entries import is_human_edited
from workbench.core.catalogs.merge import build_template, merge_catalog
from workbench.core.catalogs.paths import catalog_path
from workbench.core.catalogs.pofile import Catalog, load_catalog
from workbench.core.engines.base import Hypothesis
from workbench.core.errors import InputError
from workbench.core.languages import normalise_language
from workbench.core.review.entries import entry_value, unique_hypotheses
from workbench.core.review.state import (
    Cell,
    CellState,
    Counts,
    LanguageState,
    Row,
    count_states,
    flag_problems,
    state_of,
)
from workbench.core.sources.document import Document, Segment
from workbench.core.textio import FileStamp

if TYPE_CHECKING:
    from workbench.core.checks import Problem
    from workbench.core.glossary import Glossary
    from workbench.core.memory import MemoryMatch, TranslationMemory


class SessionModel:
    """A document under review in several target languages: the state every part shares."""

    def __init__(
        self,
        document: Document,
        targets: Sequence[str],
        locales: Path,
        *,
        domain: str | None = None,
        glossary: Glossary | None = None,
        memory_path: Path | None = None,
        translator: str | None = None,
        recovery_folder: Path | None = None,
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
        self.translator = translator  # "Name <email>": Last-Translator of every save
        self.recovery_folder = recovery_folder or (
            Path(locales).absolute().parent / ".workbench" / "recovery"
        )  # the journal of unsaved work (recovery.py), beside the project
        self.segments: tuple[Segment, ...] = document.segments
        self._weight: Counter[str] = Counter(segment.text for segment in self.segments)
        self._rows_of: dict[str, list[int]] = {}
        for index, segment in enumerate(self.segments):
            self._rows_of.setdefault(segment.text, []).append(index)
        self._template: polib.POFile | None = None
        self._template_entries: dict[str, polib.POEntry] = {}
        self._lanes: Mapping[str, LanguageState] = {}  # copy-on-write: see the module docstring
        self._lock = threading.RLock()  # guards the in-memory state: held briefly
        self._io_lock = threading.Lock()  # one save, reload or merge at a time
        self._problems: dict[tuple[str, str, str], tuple[Problem, ...]] = {}
        self._alternatives: dict[tuple[str, str], tuple[Hypothesis, ...]] = {}
        self._versions: Counter[str] = Counter()  # msgid -> changes, for views that cache rows
        self._render_cache: dict[int, tuple[tuple[Any, ...], str]] = {}
        self._recalled: dict[tuple[str, str], tuple[MemoryMatch, ...]] = {}  # memory lookups
        self._memory: TranslationMemory | None = None  # opened by the first lookup

    def catalog_path(self, lang: str) -> Path:
        return catalog_path(self.locales, lang, self.domain)

    def recovery_path(self, lang: str) -> Path:
        """The journal of `lang`'s unsaved work (see `recovery.py`)."""
        return self.recovery_folder / f"{self.domain}.{lang}.json"

    def _forget_journal(self, lang: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.recovery_path(lang).unlink()

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
            baseline={msgid: entry_value(entry) for msgid, entry in entries.items()},
        )
        count_states(state, self._weight)
        return state

    def attach(self, state: LanguageState) -> None:
        """Install a language read by `read_language`, replacing what the session had."""
        with self._lock:
            self._lanes = {**self._lanes, state.lang: state}
            for key in [key for key in self._alternatives if key[0] == state.lang]:
                del self._alternatives[key]
            self._versions.update(self._weight.keys())

    def template(self) -> polib.POFile:
        with self._lock:  # the loader and the UI thread may both ask first
            if self._template is None:
                template = build_template([self.document], self.domain)
                self._template_entries = {entry.msgid: entry for entry in template}
                self._template = template
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
        return Cell(lang, text, state_of(lane, msgid), self._problems_of(lang, msgid, text))

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
                # Fuzzy memory matches are candidates too, after the engine's own.
                candidates += [
                    Hypothesis(match.text, match.percent / 100, origin=f"TM {match.percent}%")
                    for match in record.memory
                ]
                found = unique_hypotheses(candidates)
        with self._lock:
            self._alternatives[key] = found
        return found

    def counts(self, lang: str) -> Counts:
        lane = self._lanes.get(lang)
        total = len(self.segments)
        if lane is None:
            return Counts(lang, total, empty=total, loading=True)
        with self._lock:  # one moment's figures, not some from before a change and some after
            tally = lane.tally
            return Counts(
                lang,
                total,
                approved=tally[CellState.APPROVED],
                machine=tally[CellState.MACHINE] + tally[CellState.EDITED],
                edited=tally[CellState.EDITED],
                empty=tally[CellState.EMPTY],
                problems=sum(self._weight[msgid] for msgid in lane.flagged),
            )

    # --- problems ----------------------------------------------------------------------

    def _problems_of(self, lang: str, msgid: str, text: str) -> tuple[Problem, ...]:
        if not text:
            return ()
        from workbench.core.checks import run_checks  # on first use: opening stays fast

        key = (lang, msgid, text)
        found = self._problems.get(key)
        if found is None:
            found = tuple(run_checks(msgid, text, self.source_lang, lang, glossary=self.glossary))
            self._problems[key] = found
        lane = self._lanes.get(lang)
        if lane is None:
            return found
        with self._lock:  # compare and flag at once: the UI may change the text meanwhile
            entry = lane.entries.get(msgid)
            if entry is not None and entry.msgstr == text:
                flag_problems(lane, msgid, bool(found))
        return found

    def check_all(
        self, cancel: threading.Event | None = None, langs: Sequence[str] | None = None
    ) -> int:
        """Run the checks on every translated row of `langs` (all when None; slow for big
        documents: use a worker). Returns how many entries were checked; views should redraw
        afterwards.
        """
        checked = 0
        for lang in self.targets if langs is None else langs:
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

    def _changed(self, lane: LanguageState, msgid: str) -> None:
        lane.revision += 1
        lane.touched[msgid] = lane.revision
        self._versions[msgid] += 1
        self._alternatives.pop((lane.lang, msgid), None)
        weight = self._weight[msgid]
        now = state_of(lane, msgid)
        lane.tally[lane.states.get(msgid, CellState.EMPTY)] -= weight
        lane.tally[now] += weight
        lane.states[msgid] = now
        entry = lane.entries.get(msgid)
        text = entry.msgstr if entry is not None else ""
        if text:
            self._problems_of(lane.lang, msgid, text)
        else:
            lane.flagged.discard(msgid)
