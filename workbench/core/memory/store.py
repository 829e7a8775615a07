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
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from workbench.core.languages import normalise_language
from workbench.core.memory.catalog import catalog_units
from workbench.core.memory.database import COLUMNS, MemoryFile, format_time, parse_time
from workbench.core.memory.fuzzy import FuzzyIndex
from workbench.core.memory.model import (
    CONTEXT_DIFFERS,
    MemoryMatch,
    MemoryUnit,
    PairCount,
    language_group,
    normalise_key,
)

# Fuzzy matches of different text never reach this: only the same text scores higher.
_FUZZY_CAP = 0.99


class TranslationMemory(MemoryFile):
    """An open memory: approved pairs stored, and looked up exactly and fuzzily. Use as a
    context manager, or call close()."""

    def __init__(self, path: Path, *, timeout: float = 5.0, read_only: bool = False) -> None:
        """`read_only` opens an existing memory for lookups and export only: it works where the
        file or its folder cannot be written (a read-only file system, another user's file)."""
        self._indexes: dict[tuple[str, str], FuzzyIndex] = {}
        self._indexed_version: int | None = None
        super().__init__(path, timeout=timeout, read_only=read_only)

    def close(self) -> None:
        with self._lock:
            super().close()
            self._indexes.clear()

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
        now = format_time(datetime.now(UTC))
        prepared = [row for row in (_row(unit, now) for unit in units) if row is not None]
        added: list[tuple[int, tuple[str, str], str]] = []
        with self._write() as connection:
            for row in prepared:
                cursor = connection.execute(
                    f"INSERT OR IGNORE INTO unit ({COLUMNS}) "
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
                parse_time(created_at),
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
        return [PairCount(s, t, n, parse_time(latest)) for s, t, n, latest in rows]

    def __len__(self) -> int:
        with self._lock, self._database_errors():
            return int(self._connection.execute("SELECT COUNT(*) FROM unit").fetchone()[0])

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

    def _fuzzy(self, index: FuzzyIndex, key: str, threshold: float, wanted: int) -> list[_Scored]:
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

    def _index(self, groups: tuple[str, str]) -> FuzzyIndex:
        index = self._indexes.get(groups)
        if index is None:
            index = self._indexes[groups] = FuzzyIndex.build(
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
                    parse_time(created_at),
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
        format_time(unit.created_at) if unit.created_at else now,
        unit.created_by or "translator",
        unit.context or "",
    )
