"""The translation memory: approved pairs kept for reuse, and the files they come in and go out as.

Owns what the memory holds and answers (`model.py`: units, matches, the normalised keys and
language groups they are matched on), the SQLite file (`database.py`: format, migration,
connections, one transaction per write), the store with its exact and fuzzy lookups
(`store.py`: `TranslationMemory`) over a word index per language pair (`fuzzy.py`), what a
catalog gives the memory (`catalog.py`), TMX in and out (`tmx.py`) and sentence alignment of a
document and its translation (`align.py`). It knows no glossary and no QA checks.
"""

from workbench.core.memory.catalog import (
    catalog_translator,
    catalog_units,
    entry_pairs,
    is_approved,
)
from workbench.core.memory.database import default_memory_path
from workbench.core.memory.model import (
    CONTEXT_DIFFERS,
    ORIGIN_ALIGNMENT,
    ORIGIN_CATALOG,
    ORIGIN_IMPORT,
    ORIGIN_TMX,
    MemoryMatch,
    MemoryUnit,
    PairCount,
    language_group,
    normalise_key,
)
from workbench.core.memory.store import TranslationMemory

__all__ = [
    "CONTEXT_DIFFERS",
    "ORIGIN_ALIGNMENT",
    "ORIGIN_CATALOG",
    "ORIGIN_IMPORT",
    "ORIGIN_TMX",
    "MemoryMatch",
    "MemoryUnit",
    "PairCount",
    "TranslationMemory",
    "catalog_translator",
    "catalog_units",
    "default_memory_path",
    "entry_pairs",
    "is_approved",
    "language_group",
    "normalise_key",
]
