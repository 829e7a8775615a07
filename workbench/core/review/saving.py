"""Saving: every changed catalog written atomically, and the approvals fed to the memory.

A language whose file changed on disk since it was read is not written (see `merging.py` for
what happens next). Rendering a catalog reuses the text of unchanged entries, so saving a
10,000-entry catalog after one edit takes milliseconds, not seconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import polib

from workbench.core.catalogs.merge import po_timestamp
from workbench.core.catalogs.pofile import WRAP_WIDTH, render_entry, render_head
from workbench.core.errors import ConflictError, WorkbenchError
from workbench.core.review.entries import entry_value, forms_of
from workbench.core.review.model import SessionModel
from workbench.core.review.state import LanguageState
from workbench.core.sources.units import UnitKey
from workbench.core.textio import atomic_write


@dataclass(frozen=True)
class SaveReport:
    saved: tuple[str, ...] = ()  # languages written
    conflicts: tuple[str, ...] = ()  # languages whose file changed on disk: nothing written
    memory_added: int = 0
    memory_error: str = ""  # the memory could not be fed (the catalogs are saved anyway)
    invalid: tuple[str, ...] = ()  # "az: why": catalogs msgfmt -c would reject, not written


class SavingMixin(SessionModel):
    """`save()` and what it needs: dirty languages, the memory, fast rendering."""

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
        saved, conflicts, invalid = [], [], []
        approved: dict[str, dict[UnitKey, str]] = {}
        for lang in self.dirty_languages():
            lane = self._lanes[lang]
            with self._lock:
                lane.catalog.po.metadata["PO-Revision-Date"] = po_timestamp()
                if self.translator:
                    lane.catalog.po.metadata["Last-Translator"] = self.translator
                text = self.render(lane.catalog.po)
                written = dict(lane.touched)
                values = {key: entry_value(lane.entries[key]) for key in written}
                memory = dict(lane.pending_memory)
                stamp = lane.catalog.stamp
                problem = self._rejected_by_msgfmt(lane, written)
            if problem:
                invalid.append(f"{lang}: {problem}")
                continue
            try:
                new_stamp = atomic_write(lane.catalog.path, text, expected=stamp)
            except ConflictError:
                conflicts.append(lang)
                continue
            with self._lock:
                if self._lanes.get(lang) is not lane:
                    continue  # reloaded meanwhile: the new state has its own stamp
                lane.catalog.stamp = new_stamp
                for key, changed_at in written.items():
                    lane.baseline[key] = values[key]
                    if lane.touched.get(key) == changed_at:
                        del lane.touched[key]
                    draft = lane.drafts.get(key)
                    if draft is not None:  # the edit is on disk: undoing it is a change to save
                        lane.drafts[key] = replace(draft, touched=True)
                for key, msgstr in memory.items():
                    if lane.pending_memory.get(key) == msgstr:
                        del lane.pending_memory[key]
                finished = not lane.dirty
            if finished:  # everything is in the catalog now: the journal has nothing to add
                self._forget_journal(lang)
            saved.append(lang)
            approved[lang] = memory
        added, error = self._feed_memory(approved)
        if added:
            with self._lock:
                self._recalled.clear()  # the memory grew: look again
        return SaveReport(tuple(saved), tuple(conflicts), added, error, tuple(invalid))

    def _rejected_by_msgfmt(self, lane: LanguageState, written: Mapping[UnitKey, int]) -> str:
        """Why `msgfmt -c` would reject the catalog because of an entry changed here ("" when
        it would not): such a catalog is not written. Only changed entries are looked at, so a
        save stays fast; problems the file had in entries nobody touched are not ours."""
        from workbench.core.checks.msgfmt import entry_fatal_problems

        for key in written:
            entry = lane.entries[key]
            if entry.fuzzy or not forms_of(entry)[0]:
                continue  # msgfmt skips fuzzy and untranslated entries
            problems = entry_fatal_problems(entry, lane.plural_rule)
            if problems:
                return f"not saved: msgfmt -c would reject '{key.source}' ({problems[0].message})"
        return ""

    def _feed_memory(self, approved: Mapping[str, Mapping[UnitKey, str]]) -> tuple[int, str]:
        units = [
            (key, msgstr, lang) for lang, pairs in approved.items() for key, msgstr in pairs.items()
        ]
        if not units or self.memory_path is None:
            return 0, ""
        from workbench.core.memory import ORIGIN_CATALOG, MemoryUnit, TranslationMemory

        try:
            with TranslationMemory(self.memory_path) as memory:
                added = memory.add_many(
                    MemoryUnit(
                        key.source,
                        msgstr,
                        self.source_lang,
                        lang,
                        ORIGIN_CATALOG,
                        self.domain,
                        context=key.context,
                    )
                    for key, msgstr, lang in units
                )
        except WorkbenchError as error:
            return 0, str(error)
        return added, ""

    def render(self, po: polib.POFile) -> str:
        """What `catalog.render` writes, reusing the text of unchanged entries."""
        po.wrapwidth = WRAP_WIDTH
        pieces = [render_head(po)]
        cache = self._render_cache
        ordered = [e for e in po if not e.obsolete] + [e for e in po if e.obsolete]
        for entry in ordered:
            key = render_key(entry)
            cached = cache.get(id(entry))
            if cached is None or cached[0] != key:
                cached = (key, render_entry(entry))
                cache[id(entry)] = cached
            pieces.append(cached[1])
        return "\n".join(pieces)


def render_key(entry: polib.POEntry) -> tuple[Any, ...]:
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
