"""Compiling catalogs: a .mo file next to each .po, as msgfmt writes it.

Only approved translations go in: fuzzy drafts and untranslated entries are left out, so the
program shows the source text for them (msgfmt does the same without --use-fuzzy). Every
catalog is read and compiled before the first file is written, and each .mo is written
atomically, so a bad catalog leaves every .mo as it was.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib

from workbench.core.catalog import Catalog, find_catalogs, load_catalog
from workbench.core.stats import progress_state
from workbench.core.textio import atomic_write

# What a compiled message is keyed by, and what it holds: (msgctxt, msgid, msgid_plural) ->
# the translation, or its plural forms in order.
MessageKey = tuple[str | None, str, str | None]
Messages = dict[MessageKey, str | tuple[str, ...]]


@dataclass(frozen=True)
class CompiledCatalog:
    po_path: Path
    mo_path: Path
    messages: int  # translations written (the header not counted)
    fuzzy: int  # left out
    untranslated: int  # left out
    data: bytes
    up_to_date: bool  # the .mo on disk already holds exactly these messages

    @property
    def summary(self) -> str:
        left_out = [
            f"{count} {label}"
            for count, label in ((self.fuzzy, "fuzzy"), (self.untranslated, "untranslated"))
            if count
        ]
        tail = f"; {', '.join(left_out)} left out" if left_out else ""
        return f"{self.messages} message{'s' if self.messages != 1 else ''}{tail}"


def mo_path_for(po_path: Path) -> Path:
    return Path(po_path).with_suffix(".mo")


def compile_catalog(catalog: Catalog) -> CompiledCatalog:
    """The .mo content of one catalog, and whether the .mo beside it is already current."""
    po = catalog.po
    live = [entry for entry in po if not entry.obsolete and entry.msgid]
    translated = [entry for entry in live if entry.translated()]
    states = Counter(progress_state(entry) for entry in live)
    mo_path = mo_path_for(catalog.path)
    return CompiledCatalog(
        po_path=catalog.path,
        mo_path=mo_path,
        messages=len(translated),
        fuzzy=states["fuzzy"],
        untranslated=states["untranslated"],
        data=po.to_binary(),
        up_to_date=_current(mo_path, _messages(translated), po.metadata),
    )


def compile_catalogs(paths: Iterable[Path], *, write: bool = True) -> list[CompiledCatalog]:
    """Compile every catalog named or found under the folders named; write the .mo files.

    With `write=False` nothing is written: the result says which .mo files are out of date.
    """
    compiled = [compile_catalog(load_catalog(path)) for path in find_catalogs(paths)]
    if write:
        for item in compiled:
            atomic_write(item.mo_path, item.data)
    return compiled


def _messages(entries: Iterable[polib.POEntry]) -> Messages:
    messages: Messages = {}
    for entry in entries:
        key = (entry.msgctxt or None, entry.msgid, entry.msgid_plural or None)
        if entry.msgid_plural:
            messages[key] = tuple(
                entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)
            )
        else:
            messages[key] = entry.msgstr
    return messages


def _current(mo_path: Path, messages: Messages, metadata: dict[str, str]) -> bool:
    """Whether the .mo at `mo_path` holds these messages and header (whoever compiled it)."""
    if not mo_path.is_file():
        return False
    try:
        existing = polib.mofile(str(mo_path))
    except (OSError, ValueError, IndexError, struct.error):  # not a .mo: compiling replaces it
        return False
    return existing.metadata == metadata and _messages(existing) == messages
