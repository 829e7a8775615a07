"""What a catalog gives the memory: its approved entries as units, plural forms as pairs, and
who approved them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import polib

from workbench.core.catalogs.entries import EntryState, entry_state
from workbench.core.catalogs.merge import DEFAULT_TRANSLATOR
from workbench.core.catalogs.pofile import load_catalog
from workbench.core.memory.model import ORIGIN_CATALOG, MemoryUnit


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
