"""Where catalogs live (`<locales>/<lang>/LC_MESSAGES/<domain>.po`, the .pot beside), finding
them under folders, and which of their entries a person has settled.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from workbench.core.catalogs.entries import (
    EntryState,
    entry_key,
    entry_state,
    has_translation,
    is_human_edited,
)
from workbench.core.catalogs.pofile import load_catalog
from workbench.core.errors import InputError
from workbench.core.sources.units import UnitKey


def catalog_path(locales: Path, lang: str, domain: str) -> Path:
    return Path(locales) / lang / "LC_MESSAGES" / f"{domain}.po"


def template_path(locales: Path, domain: str) -> Path:
    return Path(locales) / f"{domain}.pot"


def find_catalogs(paths: Iterable[Path]) -> list[Path]:
    """The .po files named, or found (sorted) under the folders named; InputError if none."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(path.rglob("*.po")))
        elif path.exists() or path.suffix == ".po":
            found.append(path)  # a missing file fails when read, with its own message
        else:
            raise InputError(f"not found: {path}; give a .po file or a folder of catalogs")
    if not found:
        shown = ", ".join(str(path) for path in paths) or "."
        raise InputError(f"no .po catalogs in {shown}; run 'workbench translate' first")
    return found


def settled_msgids(path: Path) -> set[str]:
    """Sentences of the catalog at `path` that a person approved or edited (none if no file)."""
    return {key.source for key in settled_keys(path)}


def settled_keys(path: Path) -> set[UnitKey]:
    """Entries of the catalog at `path` that a person approved or edited (none if no file)."""
    if not Path(path).exists():
        return set()
    return {
        entry_key(entry)
        for entry in load_catalog(path).entries()
        if has_translation(entry)
        and (entry_state(entry) is EntryState.APPROVED or is_human_edited(entry))
    }
