"""The session's state and how it is read: rows, cells, counts, problems, one lane per language.

`SessionModel` owns everything the other parts of a session share: the source's rows (a
document's sentences or a catalog's entries, see `sources.py`), each target language's catalog
state (its "lane"), the locks, and the caches views rely on. Entries are found by their unit
key, (msgctxt, msgid), everywhere. The parts that change or write that state (editing,
machine, saving, merging) build on it.

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
from workbench.core.catalogs.entries import entry_key, has_translation, is_human_edited
from workbench.core.catalogs.merge import catalog_plural_forms, merge_catalog
from workbench.core.catalogs.plurals import PluralSlot, parse_plural_rule, plural_slots
from workbench.core.catalogs.pofile import Catalog, load_catalog
from workbench.core.engines.base import Hypothesis
from workbench.core.errors import InputError
from workbench.core.languages import normalise_language
from workbench.core.review.checking import translation_problems
from workbench.core.review.entries import Forms, entry_value, forms_of, unique_hypotheses
from workbench.core.review.sources import ReviewSource, SourceRow, document_source
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
from workbench.core.sources.document import Document
from workbench.core.sources.units import TranslationUnit, UnitKey
from workbench.core.textio import FileStamp

if TYPE_CHECKING:
    from workbench.core.checks import Problem
    from workbench.core.glossary import Glossary
    from workbench.core.memory import MemoryMatch, TranslationMemory


class SessionModel:
    """A document or catalog under review in several target languages: the shared state."""

    def __init__(
        self,
        source: Document | ReviewSource,
        targets: Sequence[str],
        locales: Path,
        *,
        domain: str | None = None,
        glossary: Glossary | None = None,
        memory_path: Path | None = None,
        translator: str | None = None,
        recovery_folder: Path | None = None,
    ) -> None:
        if isinstance(source, Document):
            source = document_source(source, domain)
        self.source = source
        self.document = source.document  # None when a catalog is reviewed
        self.source_lang = source.source_lang
        self.targets = tuple(dict.fromkeys(normalise_language(code) for code in targets))
        if source.fixed_language and self.targets != (source.fixed_language,):
            raise InputError(
                f"{source.name} is the '{source.fixed_language}' catalog: open it without --to, "
                f"or open its template (.pot) to review other languages"
            )
        if not self.targets:
            raise InputError("give at least one target language, e.g. --to en,az")
        if self.source_lang in self.targets:
            what = "catalog's source" if source.is_catalog else "document"
            raise InputError(f"the {what} is already in '{self.source_lang}'; drop it from --to")
        self.locales = Path(locales)
        self.domain = source.domain
        self.glossary = glossary
        self.memory_path = memory_path
        self.translator = translator  # "Name <email>": Last-Translator of every save
        self.recovery_folder = recovery_folder or (
            Path(locales).absolute().parent / ".workbench" / "recovery"
        )  # the journal of unsaved work (recovery.py), beside the project
        self.segments: tuple[SourceRow, ...] = source.rows
        self._units: dict[UnitKey, TranslationUnit] = {row.key: row.unit for row in self.segments}
        self._weight: Counter[UnitKey] = Counter(row.key for row in self.segments)
        self._rows_of: dict[UnitKey, list[int]] = {}
        for index, row in enumerate(self.segments):
            self._rows_of.setdefault(row.key, []).append(index)
        self._template: polib.POFile | None = None
        self._template_entries: dict[UnitKey, polib.POEntry] = {}
        self._lanes: Mapping[str, LanguageState] = {}  # copy-on-write: see the module docstring
        self._lock = threading.RLock()  # guards the in-memory state: held briefly
        self._io_lock = threading.Lock()  # one save, reload or merge at a time
        self._problems: dict[tuple[str, UnitKey, Forms], tuple[Problem, ...]] = {}
        self._alternatives: dict[tuple[str, UnitKey], tuple[Hypothesis, ...]] = {}
        self._versions: Counter[UnitKey] = Counter()  # changes per unit, for views' caches
        self._render_cache: dict[int, tuple[tuple[Any, ...], str]] = {}
        self._recalled: dict[tuple[str, UnitKey], tuple[MemoryMatch, ...]] = {}  # lookups
        self._memory: TranslationMemory | None = None  # opened by the first lookup

    def catalog_path(self, lang: str) -> Path:
        return self.source.catalog_path(self.locales, lang)

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
        """Read `lang`'s catalog (or start one as msginit would); safe from any thread."""
        path = self.catalog_path(lang)
        # An opened .po was parsed for its rows already: its first read takes that parse.
        catalog = self.source.take_parsed() if lang == self.source.fixed_language else None
        if catalog is None and FileStamp.of(path).exists:
            catalog = load_catalog(path)
        elif catalog is None:  # nothing translated yet: in memory, written on the first save
            po, _ = merge_catalog(None, self.template(), lang, {}, path=path)
            catalog = Catalog(path=path, po=po, stamp=FileStamp(None))
        entries: dict[UnitKey, polib.POEntry] = {}
        for entry in catalog.po:
            if not entry.obsolete and entry.msgid:
                entries.setdefault(entry_key(entry), entry)
        header = catalog_plural_forms(catalog.po.metadata, lang)  # CLDR's when the file's is bad
        state = LanguageState(
            lang=lang,
            catalog=catalog,
            entries=entries,
            edited={key for key, entry in entries.items() if is_human_edited(entry)},
            baseline={key: entry_value(entry) for key, entry in entries.items()},
            slots=plural_slots(header, lang),
            plural_rule=parse_plural_rule(header)[0],
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
                template = self.source.make_template()
                self._template_entries = {
                    entry_key(entry): entry
                    for entry in template
                    if entry.msgid and not entry.obsolete
                }
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

    def unit(self, index: int) -> TranslationUnit:
        """The row's unit: source, plural source, context, flags, comments, references."""
        return self.segments[index].unit

    def plural_slots(self, index: int, lang: str) -> tuple[PluralSlot, ...]:
        """The forms a plural row has in `lang` (msgstr[0] first); () for a singular row."""
        lane = self._lanes.get(lang)
        if lane is None or not self.segments[index].unit.is_plural:
            return ()
        return lane.slots

    def plural_form_count(self, lang: str) -> int:
        """How many fields `lang`'s plural rows need (1 when the source has no plural row)."""
        lane = self._lanes.get(lang)
        if lane is None or not any(unit.is_plural for unit in self._units.values()):
            return 1
        return max(1, len(lane.slots))

    def cell(self, index: int, lang: str) -> Cell:
        key = self.segments[index].key
        lane = self._lanes.get(lang)
        if lane is None:
            return Cell(lang, "", CellState.LOADING)
        entry = lane.entries.get(key)
        forms = self._forms(lane, key, entry)
        plural = forms if self.segments[index].unit.is_plural else ()
        return Cell(
            lang, forms[0], state_of(lane, key), self._problems_of(lang, key, forms), plural
        )

    def _forms(self, lane: LanguageState, key: UnitKey, entry: polib.POEntry | None) -> Forms:
        """The entry's forms; an entry not written yet has every form empty."""
        if entry is not None:
            forms = forms_of(entry)
            if forms:
                return forms
        if self._units[key].is_plural:
            return ("",) * max(1, len(lane.slots))
        return ("",)

    def version(self, index: int) -> int:
        """Changes so far to the row's entry in any language: a cache key for views."""
        return self._versions[self.segments[index].key]

    def siblings(self, index: int) -> tuple[int, ...]:
        """Every row that shares this row's entry (identical source text), this one included."""
        return tuple(self._rows_of[self.segments[index].key])

    def rows_of_unit(self, key: UnitKey) -> tuple[int, ...]:
        """The rows that show the unit `key` (a sentence can occur several times)."""
        return tuple(self._rows_of.get(key, ()))

    def problems(self, index: int, lang: str) -> tuple[Problem, ...]:
        return self.cell(index, lang).problems

    def alternatives(self, index: int, lang: str) -> tuple[Hypothesis, ...]:
        """The machine candidates recorded for the row, best first, without duplicates."""
        key = self.segments[index].key
        cached = self._alternatives.get((lang, key))
        if cached is not None:
            return cached
        lane = self._lanes.get(lang)
        entry = lane.entries.get(key) if lane else None
        found: tuple[Hypothesis, ...] = ()
        if entry is not None and lane is not None and not entry.msgid_plural:
            record = machine_record(entry)
            if record is not None:
                candidates = list(record.alternatives)
                if key in lane.edited and candidates and "fuzzy" in entry.flags and entry.msgstr:
                    candidates = candidates[1:]  # machine_record's first is the edited text
                # Fuzzy memory matches are candidates too, after the engine's own.
                candidates += [
                    Hypothesis(match.text, match.percent / 100, origin=f"TM {match.percent}%")
                    for match in record.memory
                ]
                found = unique_hypotheses(candidates)
        with self._lock:
            self._alternatives[(lang, key)] = found
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
                problems=sum(self._weight[key] for key in lane.flagged),
            )

    # --- problems ----------------------------------------------------------------------

    def _problems_of(self, lang: str, key: UnitKey, forms: Forms) -> tuple[Problem, ...]:
        if not any(forms):
            return ()
        key_of_cache = (lang, key, forms)
        found = self._problems.get(key_of_cache)
        lane = self._lanes.get(lang)
        if found is None:
            found = tuple(
                translation_problems(
                    self._units[key],
                    forms,
                    self.source_lang,
                    lang,
                    glossary=self.glossary,
                    rule=lane.plural_rule if lane is not None else None,
                )
            )
            self._problems[key_of_cache] = found
        if lane is None:
            return found
        with self._lock:  # compare and flag at once: the UI may change the text meanwhile
            entry = lane.entries.get(key)
            if entry is not None and forms_of(entry) == forms:
                flag_problems(lane, key, bool(found))
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
            for key in list(self._weight):
                if cancel is not None and cancel.is_set():
                    return checked
                entry = lane.entries.get(key)
                if entry is not None and has_translation(entry):
                    self._problems_of(lang, key, forms_of(entry))
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

    def _ensure_entry(self, lane: LanguageState, key: UnitKey) -> polib.POEntry:
        """The lane's entry for `key`: the live one, a revived obsolete one, or a new one made
        from the template (context, plural source, flags, comments, references)."""
        entry = lane.entries.get(key)
        if entry is not None:
            return entry
        for old in lane.catalog.po:  # a unit that came back: revive its obsolete entry
            if old.obsolete and entry_key(old) == key:
                entry = old
                entry.obsolete = False
                break
        else:
            entry = polib.POEntry(msgid=key.source, msgctxt=key.context, msgstr="")
            lane.catalog.po.append(entry)
        self.template()
        template_entry = self._template_entries.get(key)
        if template_entry is not None:
            entry.occurrences = list(template_entry.occurrences)
            entry.flags = [flag for flag in template_entry.flags if flag != "fuzzy"] + [
                flag for flag in entry.flags if flag == "fuzzy"
            ]
            if not entry.comment:
                entry.comment = template_entry.comment
            if template_entry.msgid_plural:
                entry.msgid_plural = template_entry.msgid_plural
                old_forms = dict(entry.msgstr_plural)
                entry.msgstr = ""
                count = max(1, len(lane.slots))
                entry.msgstr_plural = {i: old_forms.get(i, "") for i in range(count)}
        else:
            entry.occurrences = []
        lane.entries[key] = entry
        lane.baseline.setdefault(key, (("",) * len(forms_of(entry)), False))
        return entry

    def _changed(self, lane: LanguageState, key: UnitKey) -> None:
        lane.revision += 1
        lane.touched[key] = lane.revision
        self._versions[key] += 1
        self._alternatives.pop((lane.lang, key), None)
        weight = self._weight[key]
        now = state_of(lane, key)
        lane.tally[lane.states.get(key, CellState.EMPTY)] -= weight
        lane.tally[now] += weight
        lane.states[key] = now
        entry = lane.entries.get(key)
        forms = forms_of(entry) if entry is not None else ("",)
        if any(forms):
            self._problems_of(lane.lang, key, forms)
        else:
            lane.flagged.discard(key)
