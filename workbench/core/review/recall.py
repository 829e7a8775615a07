"""The translation memory in the editor: fuzzy matches of a row, what changed since the
remembered sentence, and concordance (a word or phrase in its remembered contexts).

The memory is read only when it exists: looking never creates a memory file. Lookups are
slow enough on a big memory that views call them from a worker.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.review.model import SessionModel

if TYPE_CHECKING:
    from workbench.core.memory import MemoryMatch, MemoryUnit, TranslationMemory

EQUAL, INSERTED, DELETED = "equal", "inserted", "deleted"
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class DiffPiece:
    """A run of text of the current source, or of the remembered one only."""

    kind: str  # EQUAL, INSERTED (in the current source only) or DELETED (remembered only)
    text: str


def source_diff(remembered: str, current: str) -> tuple[DiffPiece, ...]:
    """What changed from the remembered sentence to the current source, word by word."""
    old, new = _TOKENS.findall(remembered), _TOKENS.findall(current)
    pieces: list[DiffPiece] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            pieces.append(DiffPiece(EQUAL, "".join(new[new_start:new_end])))
            continue
        if old_end > old_start:
            pieces.append(DiffPiece(DELETED, "".join(old[old_start:old_end])))
        if new_end > new_start:
            pieces.append(DiffPiece(INSERTED, "".join(new[new_start:new_end])))
    return tuple(pieces)


class RecallMixin(SessionModel):
    """`memory_matches()` and `concordance()`: what the memory remembers, for the editor."""

    def memory_matches(self, index: int, lang: str, *, limit: int = 5) -> tuple[MemoryMatch, ...]:
        """The memory's matches for the row's source in `lang`, best first (exact ones too)."""
        unit = self.segments[index].unit
        key = (lang, unit.key)
        cached = self.recalled(index, lang)
        if cached is not None:
            return cached
        memory = self._open_memory()
        found: tuple[MemoryMatch, ...] = ()
        if memory is not None:
            found = tuple(
                memory.lookup_many(
                    [unit.source], self.source_lang, lang, limit=limit, contexts=[unit.context]
                )[0]
            )
        with self._lock:
            self._recalled[key] = found
        return found

    def recalled(self, index: int, lang: str) -> tuple[MemoryMatch, ...] | None:
        """What `memory_matches` found for the row, or None if it has not looked yet (fast:
        for views, which ask a worker to look)."""
        with self._lock:
            return self._recalled.get((lang, self.segments[index].key))

    def concordance(self, phrase: str, lang: str, *, limit: int = 50) -> list[MemoryUnit]:
        """The remembered pairs (source language -> `lang`) holding `phrase`, newest first."""
        memory = self._open_memory()
        if memory is None:
            return []
        return memory.concordance(phrase, self.source_lang, lang, limit=limit)

    def close_memory(self) -> None:
        """Close the memory the lookups opened (when the review ends)."""
        with self._lock:
            memory, self._memory = self._memory, None
        if memory is not None:
            memory.close()

    def _open_memory(self) -> TranslationMemory | None:
        path = self.memory_path
        if path is None or not path.is_file():
            return None
        with self._lock:
            if self._memory is None:
                from workbench.core.memory import TranslationMemory

                self._memory = TranslationMemory(path)
            return self._memory
