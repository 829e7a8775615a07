"""Translation units: what both kinds of source (documents, gettext catalogs) give the pipeline.

The vocabulary is Translate Toolkit's: a unit has a source, an optional plural source, a
context, flags, developer comments, references (locations) and its translations, one per plural
form. A unit is identified by its key, (context, source): "May" the month and "May" the verb
are two units. Documents give one unit per distinct sentence; catalogs one per live entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from workbench.core.sources.document import Document


class UnitKey(NamedTuple):
    """What identifies a unit everywhere (catalog merges, drafts, the memory)."""

    context: str | None
    source: str


@dataclass(frozen=True)
class TranslationUnit:
    source: str
    plural_source: str | None = None
    context: str | None = None
    flags: tuple[str, ...] = ()  # "python-format", "no-c-format", "fuzzy", ...
    developer_comments: str = ""  # the extractor's `#.` notes for translators
    references: tuple[tuple[str, str], ...] = ()  # (file, line) locations
    translations: tuple[str, ...] = ()  # one per plural form (one for a singular unit)

    @property
    def key(self) -> UnitKey:
        return UnitKey(self.context, self.source)

    @property
    def is_plural(self) -> bool:
        return self.plural_source is not None


def document_units(documents: Sequence[Document]) -> list[TranslationUnit]:
    """One unit per distinct sentence of the documents, in order of first appearance."""
    return [
        TranslationUnit(text)
        for text in dict.fromkeys(
            segment.text for document in documents for segment in document.segments
        )
    ]


def distinct_units(units: Iterable[TranslationUnit]) -> list[TranslationUnit]:
    """The first unit of each key, in order."""
    first: dict[UnitKey, TranslationUnit] = {}
    for unit in units:
        first.setdefault(unit.key, unit)
    return list(first.values())
