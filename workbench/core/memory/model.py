"""What the memory holds and answers: units, matches, counts per pair, and the keys units are
matched on (normalised text, the language group).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from workbench.core.languages import normalise_language

ORIGIN_CATALOG = "catalog"
ORIGIN_TMX = "tmx"
ORIGIN_ALIGNMENT = "alignment"
ORIGIN_IMPORT = "import"

# The similarity of the same text under another context: shown as 99% (percent rounds down),
# ranked above any other fuzzy match (capped at 0.99) and below an exact one.
CONTEXT_DIFFERS = 0.995


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
