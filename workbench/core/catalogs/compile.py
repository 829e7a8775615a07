"""Compiling catalogs: a .mo file next to each .po, as msgfmt writes it.

The entries msgfmt writes go in: live, not fuzzy, with a first form (so a plural entry with only
some forms translated goes in, its empty forms too); fuzzy drafts and untranslated entries are
left out, so the program shows the source text for them. The header goes in as the file has it.
A catalog with a problem `msgfmt -c` calls fatal (`checks/msgfmt.py`) is refused unless forced.
Every catalog is read, checked and compiled before the first file is written, and each .mo is
written atomically, so a bad catalog leaves every .mo as it was. polib writes the binary.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polib

from workbench.core.catalogs.paths import find_catalogs
from workbench.core.catalogs.pofile import Catalog, load_catalog
from workbench.core.checks.msgfmt import CatalogProblem, is_fatal, msgfmt_problems
from workbench.core.errors import WorkbenchError
from workbench.core.textio import atomic_write

# What a compiled message is keyed by, and what it holds: (msgctxt, msgid, msgid_plural) ->
# the translation, or its plural forms in order.
_NOT_COMPILED = frozenset({"POT-Creation-Date"})
MessageKey = tuple[str | None, str, str | None]
Messages = dict[MessageKey, str | tuple[str, ...]]


class CatalogRejectedError(WorkbenchError):
    """A catalog msgfmt would refuse to compile; the message names file:line and the problem."""


@dataclass(frozen=True)
class CompiledCatalog:
    po_path: Path
    mo_path: Path
    messages: int  # translations written (the header not counted)
    fuzzy: int  # left out
    untranslated: int  # left out
    data: bytes
    up_to_date: bool  # the .mo on disk already holds exactly these messages
    fatal: tuple[CatalogProblem, ...] = ()  # what makes msgfmt -c refuse the catalog

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
    compiled = [entry for entry in live if is_compiled(entry)]
    fuzzy = sum(1 for entry in live if entry.fuzzy and _first_form(entry))
    mo_path = mo_path_for(catalog.path)
    return CompiledCatalog(
        po_path=catalog.path,
        mo_path=mo_path,
        messages=len(compiled),
        fuzzy=fuzzy,
        untranslated=len(live) - len(compiled) - fuzzy,
        data=_MoSource(po, compiled).to_binary(),
        up_to_date=_current(mo_path, _messages(compiled), _compiled_header(po.metadata)),
        fatal=tuple(p for p in msgfmt_problems(po, catalog.path) if is_fatal(p)),
    )


def is_compiled(entry: polib.POEntry) -> bool:
    """Whether msgfmt writes the entry to the .mo: live, not fuzzy, its first form translated."""
    return not entry.obsolete and bool(entry.msgid) and not entry.fuzzy and bool(_first_form(entry))


def _first_form(entry: polib.POEntry) -> str:
    return entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr


class _MoSource(polib.POFile):
    """polib's .mo writer over the entries msgfmt writes, the header as the catalog has it."""

    def __init__(self, po: polib.POFile, entries: list[polib.POEntry]) -> None:
        super().__init__(encoding=po.encoding)
        self.metadata = dict(po.metadata)
        self.extend(entries)

    def translated_entries(self) -> list[polib.POEntry]:
        return list(self)

    def metadata_as_entry(self) -> polib.POEntry:
        # polib reorders the fields; msgfmt copies them as they are, but for the template's
        # date, which it leaves out so that a .mo does not change when only the .pot did.
        fields = (
            f"{key}: {value}\n" for key, value in self.metadata.items() if key not in _NOT_COMPILED
        )
        return polib.POEntry(msgid="", msgstr="".join(fields))


def _compiled_header(metadata: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in metadata.items() if key not in _NOT_COMPILED}


def compile_catalogs(
    paths: Iterable[Path], *, write: bool = True, force: bool = False
) -> list[CompiledCatalog]:
    """Compile every catalog named or found under the folders named; write the .mo files.

    With `write=False` nothing is written: the result says which .mo files are out of date.
    A catalog with a fatal problem stops everything (CatalogRejectedError) before any write,
    unless `force`.
    """
    compiled = [compile_catalog(load_catalog(path)) for path in find_catalogs(paths)]
    if write:
        rejected = [item for item in compiled if item.fatal]
        if rejected and not force:
            raise CatalogRejectedError(_rejection(rejected))
        for item in compiled:
            atomic_write(item.mo_path, item.data)
    return compiled


def _rejection(rejected: list[CompiledCatalog]) -> str:
    first = rejected[0]
    problem = first.fatal[0]
    others = sum(len(item.fatal) for item in rejected) - 1
    more = f" (and {others} more: 'workbench check' lists them)" if others else ""
    return (
        f"{first.po_path}:{problem.line}: {problem.message}{more}; nothing written "
        f"(msgfmt -c would refuse it; --force writes anyway)"
    )


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
