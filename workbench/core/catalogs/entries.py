"""One catalog entry: its identity (msgctxt, msgid), its state, its forms, the unit it is.

A catalog entry is one distinct source sentence (msgid) with its translation (msgstr). Its
state is what a translator cares about: untranslated, machine (fuzzy: awaits review),
approved (translated and not fuzzy), or obsolete (its sentence left the document).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import polib

from workbench.core.catalogs.comments import EDITED_LABEL, developer_comment
from workbench.core.sources.units import TranslationUnit, UnitKey


class EntryState(enum.Enum):
    UNTRANSLATED = "untranslated"
    MACHINE = "machine"  # fuzzy: a draft (machine or memory) awaiting review
    APPROVED = "approved"
    OBSOLETE = "obsolete"


def is_human_edited(entry: polib.POEntry) -> bool:
    """A draft a translator changed (marked by the review) and has not approved yet."""
    return any(line.startswith(EDITED_LABEL) for line in (entry.comment or "").splitlines())


def entry_state(entry: polib.POEntry) -> EntryState:
    if entry.obsolete:
        return EntryState.OBSOLETE
    if not has_translation(entry):
        return EntryState.UNTRANSLATED
    if "fuzzy" in entry.flags or not is_complete(entry):
        return EntryState.MACHINE
    return EntryState.APPROVED


def has_translation(entry: polib.POEntry) -> bool:
    """Some translation: the msgstr, or any plural form."""
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def is_complete(entry: polib.POEntry) -> bool:
    """Every form translated (the msgstr, or each msgstr[i] of a plural entry)."""
    if entry.msgid_plural or entry.msgstr_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def entry_key(entry: polib.POEntry) -> UnitKey:
    """(msgctxt, msgid): what identifies an entry, as msgfmt and msgmerge see it."""
    return UnitKey(entry.msgctxt, entry.msgid)


def entry_unit(entry: polib.POEntry) -> TranslationUnit:
    """The translation unit a catalog entry is."""
    if entry.msgid_plural:
        forms = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    else:
        forms = (entry.msgstr,)
    return TranslationUnit(
        source=entry.msgid,
        plural_source=entry.msgid_plural or None,
        context=entry.msgctxt,
        flags=tuple(entry.flags),
        developer_comments=developer_comment(entry.comment),
        references=tuple((str(file), str(line)) for file, line in entry.occurrences),
        translations=forms,
    )


def units_of_catalog(po: polib.POFile) -> list[TranslationUnit]:
    """One unit per live entry of a catalog or template, in file order."""
    return [entry_unit(entry) for entry in po if not entry.obsolete and entry.msgid]


def set_fuzzy(entry: polib.POEntry, fuzzy: bool) -> None:
    """Add or remove the `fuzzy` flag, leaving the others alone."""
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    elif not fuzzy:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]


def entry_forms(entry: polib.POEntry) -> Iterator[tuple[str, str, str]]:
    """(label, source, target) per form: the first plural form goes with msgid, others with msgid_plural."""
    if not entry.msgid_plural:
        yield "", entry.msgid, entry.msgstr
        return
    forms = entry.msgstr_plural or {0: ""}
    for index in sorted(forms):
        source = entry.msgid if index == 0 else entry.msgid_plural
        yield f"plural form {index}: ", source, forms[index]
