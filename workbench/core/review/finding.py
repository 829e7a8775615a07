"""Finding rows: status filters, text search, and stepping to the next row that matches."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from workbench.core.catalogs.comments import machine_record
from workbench.core.errors import InputError
from workbench.core.review.entries import forms_of
from workbench.core.review.model import SessionModel
from workbench.core.review.state import CellState, StatusFilter, state_of


@dataclass(frozen=True)
class SearchQuery:
    """What the translator searches for: a text or a regular expression, with or without case."""

    text: str
    regex: bool = False
    match_case: bool = False

    @classmethod
    def of(cls, query: str | SearchQuery) -> SearchQuery:
        return query if isinstance(query, SearchQuery) else cls(query)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The compiled query; an InputError (one line) for a regular expression that is not."""
        flags = 0 if self.match_case else re.IGNORECASE
        try:
            return re.compile(self.text if self.regex else re.escape(self.text), flags)
        except re.error as error:
            raise InputError(f"not a regular expression: {self.text} ({error})") from None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where `text` matches, as (start, end) offsets; empty matches are not matches."""
        if not self.text or not text:
            return []
        return [m.span() for m in self.pattern.finditer(text) if m.end() > m.start()]


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

    def contains(self, index: int, query: str | SearchQuery, langs: Sequence[str]) -> bool:
        """Does the row's source or a translation in `langs` match `query` (a plain string:
        contains it, ignoring case)?"""
        query = SearchQuery.of(query)
        if not query.text:
            return False
        unit = self.segments[index].unit
        if query.spans(unit.source) or (unit.plural_source and query.spans(unit.plural_source)):
            return True
        return any(query.spans(form) for lang in langs for form in self.forms(index, lang))

    def forms(self, index: int, lang: str) -> tuple[str, ...]:
        """Every form of the row's translation in `lang` (one for a singular row)."""
        lane = self._lanes.get(lang)
        entry = lane.entries.get(self.segments[index].key) if lane is not None else None
        return forms_of(entry) if entry is not None else ("",)

    def select(
        self,
        status: StatusFilter,
        langs: Sequence[str],
        query: str | SearchQuery = "",
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
        key = self.segments[index].key
        if lane is None or state_of(lane, key) is not CellState.MACHINE:
            return None
        entry = lane.entries.get(key)
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
