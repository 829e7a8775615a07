"""Translation memory: approved segment pairs in one SQLite file, with exact and fuzzy lookup.

A unit is a source sentence and its approved translation, with where it came from (origin:
catalog, tmx, alignment, import; the document; when; who). Units are keyed by a normalised
form of their text (NFC, white space folded) and their context (a catalog entry's msgctxt), so
a re-added pair is recognised; *exact* means the normalised texts are identical, case and
punctuation included, and the contexts are the same.

The same text remembered under another context (or none) is a fuzzy match at 99%, never an
exact one: "May" the month is no translation of "May" the verb, yet for most texts ("Save" on a
menu and on a button) it is the translation to start from. OmegaT likewise lists such a unit
among its matches without inserting it. 99% rather than Phrase's 100%-vs-101% split, because
here 100% means "exact", the one match the pipeline fills in (and `--trust-exact` approves); it
ranks above every other fuzzy match (those are capped at 99%, and below it).

Languages are stored as given (fr, pt_BR), but lookups match by language *group* (the language
and its script, without the region), so a memory imported from OmegaT as FR-FR/EN-GB serves a
fr→en lookup; among equally good matches the same regional variant wins.

Fuzzy similarity is rapidfuzz's `fuzz.ratio` (normalised Indel distance on characters), chosen
over token-based scores because it measures the editing a translator must do, gives partial
credit to inflected forms (traduit / traduits) and keeps word order, which matters when reusing
a translation. To stay fast at 100,000 units, each language pair's sources are loaded lazily
into an in-memory word index (lowercased, accents removed), and only units that pass two
filters are scored:

- a length window that is exact for `fuzz.ratio`: a ratio of at least t is impossible when
  the lengths differ by more than t allows;
- a count filter on words: a source must share at least a fraction (2t - 1) of the query's
  distinct words (half of them at 75%). The counts come from numpy over the posting lists of
  the query's words; a word found in more than a tenth of the sources ("de", "la") is not read,
  and the count needed drops by one for each such word, so skipping it loses nothing. The word
  bound stands in for the character ratio: a match whose edits touch most of its words (a typo
  in every other word) can escape it; tests and bench/memory_lookup.py measure its recall
  against a full scan. Queries of one or two words are filtered by length only.

Every write runs in one IMMEDIATE transaction (all or nothing); the file is in WAL mode so
readers never wait for a writer. A file that is not a database, a damaged one, or one another
process keeps locked beyond the timeout gives a one-line error instead of a traceback.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import sqlite3
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs
import polib
from rapidfuzz import fuzz, process

from workbench.core.catalogs.entries import EntryState, entry_state
from workbench.core.catalogs.merge import DEFAULT_TRANSLATOR
from workbench.core.catalogs.pofile import load_catalog
from workbench.core.errors import InputError, OutputError, WorkbenchError
from workbench.core.languages import normalise_language

SCHEMA_VERSION = 2  # 2: a context column (msgctxt) in the unit key
# PRAGMA application_id marks the file as ours ("WBTM"), so we never write into someone
# else's SQLite database.
APPLICATION_ID = 0x5742544D

ORIGIN_CATALOG = "catalog"
ORIGIN_TMX = "tmx"
ORIGIN_ALIGNMENT = "alignment"
ORIGIN_IMPORT = "import"

# The similarity of the same text under another context: shown as 99% (percent rounds down),
# ranked above any other fuzzy match (capped at 0.99) and below an exact one.
CONTEXT_DIFFERS = 0.995
# Fuzzy matches of different text never reach this: only the same text scores higher.
_FUZZY_CAP = 0.99

_WORD = re.compile(r"\w+")
# The combining diacritics blocks: what NFKD splits off accented letters.
_COMBINING_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

_SCHEMA = """
CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,   -- as given, normalised: fr, pt_BR
    target_lang TEXT NOT NULL,
    source_group TEXT NOT NULL,  -- without the region: what lookups match on
    target_group TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    source_key TEXT NOT NULL,    -- NFC, white space folded
    target_key TEXT NOT NULL,
    origin TEXT NOT NULL,
    document TEXT,
    created_at TEXT NOT NULL,    -- UTC, ISO 8601
    created_by TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '',  -- a catalog entry's msgctxt, '' for none
    -- One index for both jobs: its prefix (groups, source_key) serves exact lookups.
    UNIQUE (source_group, target_group, source_key, target_key, source_lang, target_lang, context)
);
"""
_COLUMNS = (
    "source_lang, target_lang, source_group, target_group, source, target, source_key, "
    "target_key, origin, document, created_at, created_by, context"
)
# Format 1 had no context column: its units had none.
_MIGRATE_FROM_1 = f"""
ALTER TABLE unit RENAME TO unit_v1;
{_SCHEMA}
INSERT INTO unit (id, {_COLUMNS})
    SELECT id, {_COLUMNS.replace(", context", "")}, '' FROM unit_v1 ORDER BY id;
DROP TABLE unit_v1;
"""


def default_memory_path() -> Path:
    """The user's memory: `memory.sqlite` in the user data folder (honours XDG_DATA_HOME)."""
    return Path(platformdirs.user_data_dir("workbench")) / "memory.sqlite"


@dataclass(frozen=True)
class MemoryUnit:
    """One approved pair to store (or read from / written to TMX)."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    origin: str
    document: str | None = None
    created_at: datetime | None = None  # None: the moment it is stored
    created_by: str = "translator"
    context: str | None = None  # msgctxt: "May" the month and "May" the verb are two units


@dataclass(frozen=True)
class MemoryMatch:
    """A stored pair that matches a lookup; `similarity` is 1.0 for an exact match."""

    source: str
    target: str
    similarity: float
    origin: str
    document: str | None
    created_at: datetime
    created_by: str
    context: str | None = None  # the remembered unit's context

    @property
    def context_differs(self) -> bool:
        """Same text as the query, remembered under another context (see CONTEXT_DIFFERS)."""
        return self.similarity == CONTEXT_DIFFERS

    @property
    def percent(self) -> int:
        # Rounded down, so only an exact match ever shows 100%.
        return math.floor(self.similarity * 100 + 1e-9)


@dataclass(frozen=True)
class PairCount:
    """How many units the memory holds for one language pair, and when it last grew."""

    source_lang: str
    target_lang: str
    units: int
    latest: datetime


def normalise_key(text: str) -> str:
    """The form units are matched on: NFC, runs of white space folded to one space, trimmed."""
    folded = " ".join(text.split())  # splits where the regex \s would, faster
    return (
        folded if unicodedata.is_normalized("NFC", folded) else unicodedata.normalize("NFC", folded)
    )


def language_group(code: str) -> str:
    """`pt_BR` -> `pt`, `zh_Hant_TW` -> `zh_Hant`: the language and its script, no region."""
    parts = normalise_language(code).split("_")
    if len(parts) > 1 and len(parts[1]) == 4:
        return f"{parts[0]}_{parts[1]}"
    return parts[0]


class TranslationMemory:
    """An open memory file; use as a context manager, or call close()."""

    def __init__(self, path: Path, *, timeout: float = 5.0, read_only: bool = False) -> None:
        """`read_only` opens an existing memory for lookups and export only: it works where the
        file or its folder cannot be written (a read-only file system, another user's file)."""
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._indexes: dict[tuple[str, str], _FuzzyIndex] = {}
        self._indexed_version: int | None = None
        self._connection = _connect(self.path, timeout, read_only=read_only)
        try:
            with self._database_errors():
                self._prepare_schema()
        except BaseException:
            self._connection.close()
            raise

    # --- lifecycle ----------------------------------------------------------------------

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._connection.close()
            self._indexes.clear()

    # --- writing ------------------------------------------------------------------------

    def add(
        self,
        source: str,
        target: str,
        source_lang: str,
        target_lang: str,
        *,
        origin: str,
        document: str | None = None,
        created_by: str = "translator",
    ) -> bool:
        """Store one approved pair; False if it is already there (or either side is blank)."""
        unit = MemoryUnit(
            source, target, source_lang, target_lang, origin, document, None, created_by
        )
        return self.add_many([unit]) == 1

    def add_many(self, units: Iterable[MemoryUnit]) -> int:
        """Store pairs in one transaction (all or none); returns how many were new."""
        now = _format_time(datetime.now(UTC))
        prepared = [row for row in (_row(unit, now) for unit in units) if row is not None]
        added: list[tuple[int, tuple[str, str], str]] = []
        with self._write() as connection:
            for row in prepared:
                cursor = connection.execute(
                    f"INSERT OR IGNORE INTO unit ({_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
                if cursor.rowcount == 1:
                    added.append((int(cursor.lastrowid or 0), (row[2], row[3]), row[6]))
        self._extend_indexes(added)
        return len(added)

    def add_catalog(
        self, po_path: Path, source_lang: str | None = None, *, default_source: str | None = None
    ) -> int:
        """Store the approved entries (translated, not fuzzy, not obsolete) of a PO catalog.

        The target language comes from the catalog's Language header; the source language
        from `source_lang`, else its X-Source-Language header, else `default_source`.
        Returns how many were new.
        """
        return self.add_many(
            catalog_units(Path(po_path), source_lang, default_source=default_source)
        )

    # --- reading ------------------------------------------------------------------------

    def lookup(
        self,
        source: str,
        source_lang: str,
        target_lang: str,
        *,
        threshold: float = 0.75,
        limit: int = 5,
        context: str | None = None,
    ) -> list[MemoryMatch]:
        """Exact matches (newest first), then fuzzy ones at or above `threshold`, best first.

        An exact match needs the same `context` (a catalog entry's msgctxt; None: none); the
        same text under another context is a 99% fuzzy match."""
        return self.lookup_many(
            [source],
            source_lang,
            target_lang,
            threshold=threshold,
            limit=limit,
            contexts=[context],
        )[0]

    def lookup_many(
        self,
        sources: Sequence[str],
        source_lang: str,
        target_lang: str,
        *,
        threshold: float = 0.75,
        limit: int = 5,
        contexts: Sequence[str | None] | None = None,
    ) -> list[list[MemoryMatch]]:
        """`lookup()` for each source, in order, sharing one index and one snapshot.

        An exact match needs the same context (`contexts[i]`, none by default); the same text
        under another context scores CONTEXT_DIFFERS; other fuzzy matches come from any
        context."""
        source_code, target_code = normalise_language(source_lang), normalise_language(target_lang)
        groups = (language_group(source_code), language_group(target_code))
        threshold = min(max(threshold, 0.0), 1.0)
        with self._lock, self._database_errors():
            self._drop_stale_indexes()
            index = self._index(groups) if threshold < 1.0 else None
            results = []
            for position, source in enumerate(sources):
                key = normalise_key(source)
                context = (contexts[position] if contexts is not None else None) or ""
                found = self._same_text(
                    key, context, groups, other_contexts=threshold <= CONTEXT_DIFFERS
                )
                if index is not None and key:
                    found.extend(self._fuzzy(index, key, threshold, limit + len(found)))
                results.append(_best(found, (source_code, target_code), limit))
            return results

    def units(
        self, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[MemoryUnit]:
        """Every stored unit (of one language pair, matched by group, if given), oldest first."""
        clauses, parameters = [], []
        if source_lang:
            clauses.append("source_group = ?")
            parameters.append(language_group(source_lang))
        if target_lang:
            clauses.append("target_group = ?")
            parameters.append(language_group(target_lang))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._lock, self._database_errors():
            rows = self._connection.execute(
                "SELECT source, target, source_lang, target_lang, origin, document, created_at, "
                f"created_by, context FROM unit {where} ORDER BY id",
                parameters,
            ).fetchall()
        for source, target, s_lang, t_lang, origin, document, created_at, by, context in rows:
            yield MemoryUnit(
                source,
                target,
                s_lang,
                t_lang,
                origin,
                document,
                _parse_time(created_at),
                by,
                context or None,
            )

    def concordance(
        self, phrase: str, source_lang: str, target_lang: str, *, limit: int = 50
    ) -> list[MemoryUnit]:
        """The pairs whose source or target holds `phrase` (ignoring case and spacing), newest
        first: a word or phrase in its remembered contexts, as OmegaT's concordance shows."""
        needle = normalise_key(phrase).casefold()
        if not needle:
            return []
        found = []
        for unit in reversed(list(self.units(source_lang, target_lang))):
            if needle in normalise_key(unit.source).casefold() or (
                needle in normalise_key(unit.target).casefold()
            ):
                found.append(unit)
                if len(found) >= limit:
                    break
        return found

    def stats(self) -> list[PairCount]:
        """Units per language pair (as stored), largest first."""
        with self._lock, self._database_errors():
            rows = self._connection.execute(
                "SELECT source_lang, target_lang, COUNT(*), MAX(created_at) FROM unit "
                "GROUP BY source_lang, target_lang ORDER BY COUNT(*) DESC, source_lang, target_lang"
            ).fetchall()
        return [PairCount(s, t, n, _parse_time(latest)) for s, t, n, latest in rows]

    def __len__(self) -> int:
        with self._lock, self._database_errors():
            return int(self._connection.execute("SELECT COUNT(*) FROM unit").fetchone()[0])

    # --- internals ----------------------------------------------------------------------

    def verify(self) -> None:
        """An InputError if the file is damaged anywhere (SQLite's quick_check reads it all):
        inserting can succeed in a memory whose other pages are garbage."""
        with self._lock, self._database_errors():
            problems = [row[0] for row in self._connection.execute("PRAGMA quick_check(1)")]
        if problems != ["ok"]:
            raise InputError(
                f"{self.path} is not a usable translation memory (damaged: {_one_line(problems[0])}); "
                f"restore a backup or pass another file with --tm"
            )

    def check_writable(self) -> None:
        """An error now, before other files are written, if adding to the memory would fail
        (read-only, locked by another program, on a read-only file system)."""
        if self.read_only:
            raise OutputError(f"the translation memory {self.path} is open read-only")
        with self._write():
            pass

    def _prepare_schema(self) -> None:
        connection = self._connection
        if self.read_only:
            if _header(connection)[0] != APPLICATION_ID:
                raise InputError(
                    f"{self.path} is not a workbench translation memory; pass another --tm file"
                )
            return
        if _header(connection) == (0, 0, 0):  # a new, empty file: make it a memory
            connection.execute("PRAGMA journal_mode=WAL")
            with self._write():
                # Another process may have created it while we waited for the write lock.
                if _header(connection) == (0, 0, 0):
                    connection.execute(_SCHEMA)
                    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        application_id, version, _ = _header(connection)
        if application_id != APPLICATION_ID:
            raise InputError(
                f"{self.path} is a SQLite database but not a workbench translation memory; "
                f"pass another --tm file"
            )
        if version > SCHEMA_VERSION:
            raise InputError(
                f"{self.path} was written by a newer workbench (memory format {version}); "
                f"upgrade workbench to use it"
            )
        if version < SCHEMA_VERSION:
            self._migrate()
        connection.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL cannot corrupt the file; a bigger page cache keeps the
        # unique index in memory during large imports.
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA cache_size=-32000")

    def _migrate(self) -> None:
        """Bring an older memory file to this format, in one transaction (all or nothing)."""
        with self._write() as connection:
            version = _header(connection)[1]  # another process may have migrated it meanwhile
            if version == 1:
                for statement in _MIGRATE_FROM_1.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def _database_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise _user_error(self.path, error) from None

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise OutputError(f"cannot add to the translation memory {self.path}: open read-only")
        with self._lock, self._database_errors():
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
                raise

    def _same_text(
        self, key: str, context: str, groups: tuple[str, str], *, other_contexts: bool
    ) -> list[_Scored]:
        """The units with exactly this text: exact under `context`, CONTEXT_DIFFERS under any
        other (only with `other_contexts`: an exact-only lookup wants none of them)."""
        same_context = "" if other_contexts else "AND context = ? "
        rows = self._connection.execute(
            f"SELECT {_MATCH_COLUMNS} FROM unit WHERE source_group = ? AND target_group = ? "
            f"AND source_key = ? {same_context}ORDER BY created_at DESC, id DESC",
            (*groups, key) if other_contexts else (*groups, key, context),
        ).fetchall()
        return [(1.0 if row[8] == context else CONTEXT_DIFFERS, row) for row in rows]

    def _fuzzy(self, index: _FuzzyIndex, key: str, threshold: float, wanted: int) -> list[_Scored]:
        # Identical text (100) is _same_text()'s, whatever its context.
        scored = [
            (score, row_id) for row_id, score in index.search(key, threshold) if score < 100.0
        ]
        scored.sort(key=lambda item: (-item[0], -item[1]))
        # Several units may share a target; fetch more than asked so de-duplication still fills.
        chosen = {row_id: score for score, row_id in scored[: wanted * 3 + 5]}
        if not chosen:
            return []
        marks = ",".join("?" * len(chosen))
        rows = self._connection.execute(
            f"SELECT {_MATCH_COLUMNS} FROM unit WHERE id IN ({marks})", list(chosen)
        ).fetchall()
        # A fuzzy match is never shown as 100%: only identical text is exact.
        return [(min(chosen[row[-1]] / 100.0, _FUZZY_CAP), row) for row in rows]

    def _drop_stale_indexes(self) -> None:
        """Forget the in-memory indexes when another connection has changed the file."""
        version = self._connection.execute("PRAGMA data_version").fetchone()[0]
        if version != self._indexed_version:
            self._indexes.clear()
            self._indexed_version = version

    def _index(self, groups: tuple[str, str]) -> _FuzzyIndex:
        index = self._indexes.get(groups)
        if index is None:
            index = self._indexes[groups] = _FuzzyIndex.build(
                self._connection.execute(
                    "SELECT id, source_key FROM unit WHERE source_group = ? AND target_group = ?",
                    groups,
                )
            )
        return index

    def _extend_indexes(self, added: list[tuple[int, tuple[str, str], str]]) -> None:
        with self._lock:
            for row_id, groups, key in added:
                index = self._indexes.get(groups)
                if index is not None:
                    index.add(row_id, key)


# Columns of a matching row; _Scored pairs a similarity with such a row (and its id, last).
_MATCH_COLUMNS = (
    "source, target, origin, document, created_at, created_by, source_lang, target_lang, "
    "context, id"
)
_Scored = tuple[float, tuple[Any, ...]]


class _FuzzyIndex:
    """The sources of one language group pair: keys, lengths and a word -> positions index."""

    # A word in more than this share of the sources is not read: it can add at most one to a
    # source's count of shared words, and the required count is lowered by one instead.
    FREQUENT = 0.1
    FEW_WORDS = 3

    def __init__(self) -> None:
        self.row_ids: list[int] = []
        self.keys: list[str] = []
        self.lengths = _IntColumn()
        self.postings: dict[str, list[int]] = {}
        self._arrays: dict[str, np.ndarray] = {}  # postings as arrays, rebuilt after an add

    @classmethod
    def build(cls, rows: Iterable[tuple[int, str]]) -> _FuzzyIndex:
        """An index of (row id, source key) rows, built in one pass."""
        index = cls()
        postings: defaultdict[str, list[int]] = defaultdict(list)
        row_ids, keys = index.row_ids, index.keys
        for position, (row_id, key) in enumerate(rows):
            row_ids.append(row_id)
            keys.append(key)
            for word in set(_words(key)):
                postings[word].append(position)
        index.postings = dict(postings)
        index._arrays = {word: np.array(found, dtype=np.int32) for word, found in postings.items()}
        index.lengths = _IntColumn([len(key) for key in keys])
        return index

    def add(self, row_id: int, key: str) -> None:
        position = len(self.row_ids)
        self.row_ids.append(row_id)
        self.keys.append(key)
        self.lengths.append(len(key))
        for word in set(_words(key)):
            self.postings.setdefault(word, []).append(position)
            self._arrays.pop(word, None)

    def search(self, key: str, threshold: float) -> list[tuple[int, float]]:
        """(row id, fuzz.ratio score 0..100) of the units at or above the threshold."""
        if not self.keys:
            return []
        candidates = self._candidates(set(_words(key)), threshold)
        lengths = self.lengths.view()[candidates]
        low, high = _length_window(len(key), threshold)
        candidates = candidates[(lengths >= low) & (lengths <= high)].tolist()
        keys = self.keys
        found = process.extract(
            key,
            [keys[position] for position in candidates],
            scorer=fuzz.ratio,
            score_cutoff=threshold * 100,
            limit=None,
        )
        return [(self.row_ids[candidates[index]], score) for _, score, index in found]

    def _candidates(self, words: set[str], threshold: float) -> np.ndarray:
        """Positions of the sources that share enough of the query's words (count filter)."""
        needed = math.ceil(max(0.0, 2 * threshold - 1) * len(words))
        if len(words) < self.FEW_WORDS or needed < 1:
            # Too few words for the word bound to mean much: the length window alone filters.
            return np.arange(len(self.keys))
        present = sorted(
            (w for w in words if w in self.postings), key=lambda w: len(self.postings[w])
        )
        frequent = len(self.keys) * self.FREQUENT
        while needed > 1 and present and len(self.postings[present[-1]]) > frequent:
            present.pop()
            needed -= 1
        if not present:
            return np.arange(0)
        counts = np.bincount(
            np.concatenate([self._array(word) for word in present]), minlength=len(self.keys)
        )
        return np.flatnonzero(counts >= needed)

    def _array(self, word: str) -> np.ndarray:
        array = self._arrays.get(word)
        if array is None:
            array = self._arrays[word] = np.array(self.postings[word], dtype=np.int32)
        return array


class _IntColumn:
    """A growable integer array: cheap appends, and a numpy view for vectorised filters."""

    def __init__(self, values: Sequence[int] = ()) -> None:
        self._data = np.array(values, dtype=np.int64) if values else np.zeros(1024, dtype=np.int64)
        self._size = len(values)

    def append(self, value: int) -> None:
        if self._size == len(self._data):
            self._data = np.concatenate([self._data, np.zeros(len(self._data), dtype=np.int64)])
        self._data[self._size] = value
        self._size += 1

    def view(self) -> np.ndarray:
        return self._data[: self._size]


def _words(key: str) -> list[str]:
    """Index terms: lowercased words without accents (president finds président)."""
    decomposed = unicodedata.normalize("NFKD", key.casefold())
    return _WORD.findall(_COMBINING_MARKS.sub("", decomposed))


def _length_window(length: int, threshold: float) -> tuple[float, float]:
    """Lengths a source may have and still reach `threshold` with fuzz.ratio.

    ratio = 1 - indel / (a + b) and indel >= |a - b|, so ratio >= t needs
    b in [a * t / (2 - t), a * (2 - t) / t].
    """
    if threshold <= 0:
        return 0.0, math.inf
    return length * threshold / (2 - threshold) - 1e-9, length * (2 - threshold) / threshold + 1e-9


def _best(found: list[_Scored], languages: tuple[str, str], limit: int) -> list[MemoryMatch]:
    """Best first (similarity, then the same regional variants, then newest), one per target."""
    newest_first = sorted(found, key=lambda item: (item[1][4], item[1][-1]), reverse=True)
    # Same target variant matters most (en_GB spelling), then the same source variant.
    ranked = sorted(
        newest_first,
        key=lambda item: (-item[0], item[1][7] != languages[1], item[1][6] != languages[0]),
    )
    matches: list[MemoryMatch] = []
    seen: set[str] = set()
    for similarity, row in ranked:
        if len(matches) >= limit:
            break
        target_key = normalise_key(row[1])
        if target_key not in seen:
            seen.add(target_key)
            source, target, origin, document, created_at, created_by = row[:6]
            matches.append(
                MemoryMatch(
                    source,
                    target,
                    similarity,
                    origin,
                    document,
                    _parse_time(created_at),
                    created_by,
                    row[8] or None,
                )
            )
    return matches


def _row(unit: MemoryUnit, now: str) -> tuple[str | None, ...] | None:
    source_key, target_key = normalise_key(unit.source), normalise_key(unit.target)
    if not source_key or not target_key:
        return None
    source_lang, target_lang = (
        normalise_language(unit.source_lang),
        normalise_language(unit.target_lang),
    )
    return (
        source_lang,
        target_lang,
        language_group(source_lang),
        language_group(target_lang),
        unit.source,
        unit.target,
        source_key,
        target_key,
        unit.origin,
        unit.document,
        _format_time(unit.created_at) if unit.created_at else now,
        unit.created_by or "translator",
        unit.context or "",
    )


def _format_time(moment: datetime) -> str:
    if moment.tzinfo is None:  # a naive time is taken to be UTC, as TMX dates are
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def _parse_time(text: str) -> datetime:
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


def _header(connection: sqlite3.Connection) -> tuple[int, int, int]:
    """(application id, schema version, number of schema objects) of an open database."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    objects = connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    return int(application_id), int(version), int(objects)


def _connect(path: Path, timeout: float, *, read_only: bool = False) -> sqlite3.Connection:
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a translation memory; give a file path to --tm")
    if path.exists() and not path.is_file():  # SQLite would block forever reading a FIFO
        raise InputError(
            f"{path} is not a regular file, so not a translation memory; give a file path to --tm"
        )
    if read_only:
        return _connect_read_only(path, timeout)
    if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        # SQLite would say only "unable to open database file" (it needs the folder for its
        # -wal and -shm files).
        raise OutputError(
            f"cannot write the translation memory {path}: it or its folder is read-only; "
            f"pass --no-tm, or copy the memory somewhere writable and pass --tm COPY"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"cannot create {path.parent} for the translation memory: {error.strerror}"
        ) from None
    try:
        # Autocommit mode: transactions are opened explicitly (BEGIN IMMEDIATE) in _write().
        return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise _user_error(path, error) from None


def _connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that never writes. Where nothing can be written (a read-only file system)
    SQLite cannot even take its locks, so the file is opened as immutable."""
    writable = os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if writable else "&immutable=1")
    try:
        return sqlite3.connect(
            uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise _user_error(path, error) from None


def _user_error(path: Path, error: sqlite3.Error) -> WorkbenchError:
    code = getattr(error, "sqlite_errorname", "")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return WorkbenchError(
            f"the translation memory {path} is locked by another program (another workbench "
            f"run?); wait for it to finish and try again"
        )
    if code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return InputError(
            f"{path} is not a usable translation memory ({error}); restore a backup or pass "
            f"another file with --tm"
        )
    if code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_FULL", "SQLITE_IOERR")):
        return OutputError(f"cannot use the translation memory {path}: {error}")
    return InputError(f"the translation memory {path} cannot be used: {error}")


def catalog_units(
    po_path: Path, source_lang: str | None = None, *, default_source: str | None = None
) -> list[MemoryUnit]:
    """The approved entries of a PO catalog as memory units (see TranslationMemory.add_catalog)."""
    catalog = load_catalog(po_path)
    source, target_lang = catalog.languages(source_lang, default_source=default_source)
    translator = catalog_translator(catalog.po)
    revised = _po_time(catalog.po.metadata.get("PO-Revision-Date", ""))
    return [
        MemoryUnit(
            msgid,
            msgstr,
            source,
            target_lang,
            ORIGIN_CATALOG,
            po_path.stem,
            revised,
            translator,
            entry.msgctxt,
        )
        for entry in catalog.po
        if is_approved(entry)
        for msgid, msgstr in entry_pairs(entry)
    ]


def is_approved(entry: polib.POEntry) -> bool:
    """Translated (every plural form), not fuzzy, not obsolete."""
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgstr_plural:
        return all(entry.msgstr_plural.values())
    return entry_state(entry) is EntryState.APPROVED


def entry_pairs(entry: polib.POEntry) -> list[tuple[str, str]]:
    """msgid -> msgstr; for a plural entry, the singular and the plural source with their forms."""
    if not entry.msgstr_plural:
        return [(entry.msgid, entry.msgstr)]
    forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    pairs = [(entry.msgid, forms[0])]
    if entry.msgid_plural:
        pairs.append((entry.msgid_plural, forms[1] if len(forms) > 1 else forms[0]))
    return pairs


def catalog_translator(po: polib.POFile) -> str:
    """Who approved a catalog's entries: its Last-Translator, unless that is a placeholder."""
    translator = po.metadata.get("Last-Translator", "").strip()
    if not translator or translator == DEFAULT_TRANSLATOR or "FULL NAME" in translator:
        return "translator"
    return translator


def _po_time(text: str) -> datetime | None:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M%z")
    except ValueError:
        return None


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
