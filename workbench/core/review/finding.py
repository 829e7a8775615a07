"""Finding rows: status filters, text search, and stepping to the next row that matches."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from workbench.core.catalog import machine_record
from workbench.core.review.model import SessionModel
from workbench.core.review.state import CellState, StatusFilter, state_of


class FindingMixin(SessionModel):
    """Which rows match a status or contain a text, in the languages looked at."""

    def matches(self, index: int, status: StatusFilter, langs: Sequence[str]) -> bool:
        """Does the row match `status` in any of `langs`?"""
        if status is StatusFilter.ALL:
            return True
        if status is StatusFilter.RISKY:
            return self.lowest_confidence(index, langs) is not None
        for lang in langs:
            cell = self.cell(index, lang)
            if status is StatusFilter.PROBLEMS:
                if cell.problems:
                    return True
            elif cell.state is CellState.LOADING:
                continue
            elif status is StatusFilter.PENDING:
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
        if status is StatusFilter.RISKY:  # review the riskiest first
            found.sort(key=lambda index: self.lowest_confidence(index, langs) or 0.0)
        return found

    def confidence(self, index: int, lang: str) -> float | None:
        """The model's confidence (0..1) in the row's machine draft; None when the text is a
        person's (edited, approved), or no confidence was recorded."""
        lane = self._lanes.get(lang)
        msgid = self.segments[index].text
        if lane is None or state_of(lane, msgid) is not CellState.MACHINE:
            return None
        entry = lane.entries.get(msgid)
        record = machine_record(entry) if entry is not None else None
        return record.confidence if record is not None else None

    def lowest_confidence(self, index: int, langs: Sequence[str]) -> float | None:
        """The least confident machine draft of the row in `langs` (None: none recorded)."""
        found = [c for lang in langs if (c := self.confidence(index, lang)) is not None]
        return min(found) if found else None

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
