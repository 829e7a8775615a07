"""Finding rows: status filters, text search, and stepping to the next row that matches."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from workbench.core.review.model import SessionModel
from workbench.core.review.state import CellState, StatusFilter


class FindingMixin(SessionModel):
    """Which rows match a status or contain a text, in the languages looked at."""

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
