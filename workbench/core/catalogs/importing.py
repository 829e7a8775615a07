"""Merge a catalog edited elsewhere (Poedit, by hand) back into the project's catalog.

The incoming file names its language (Language header) and its domain (its file name, or
--domain); the local catalog is `<locales>/<lang>/LC_MESSAGES/<domain>.po`. Entries are matched
by context and msgid. What the incoming file approves (translated, not fuzzy):

- fills a local entry that is untranslated or only a draft: *updated*;
- equals the local approved translation: *unchanged*;
- differs from the local approved translation: a *conflict*. The local translation is kept
  (or the incoming one with `theirs=True`), and the other one is written into the entry as a
  translator comment (`# import conflict: ...`), so neither side is ever lost;
- has no live local entry (the source sentence changed or left the document): reported.

A draft (fuzzy) in the incoming file fills only a local entry that has nothing at all, and
stays a draft. Approved pairs that end up in the local catalog feed the translation memory.
The local file is written atomically and only if it did not change during the merge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib

from workbench.core.catalogs.entries import EntryState, entry_state, set_fuzzy
from workbench.core.catalogs.merge import po_timestamp
from workbench.core.catalogs.paths import catalog_path
from workbench.core.catalogs.pofile import Catalog, load_catalog, render
from workbench.core.errors import InputError
from workbench.core.languages import normalise_language
from workbench.core.memory import (
    ORIGIN_IMPORT,
    MemoryUnit,
    TranslationMemory,
    catalog_translator,
    entry_pairs,
    is_approved,
)
from workbench.core.textio import atomic_write

CONFLICT_LABEL = "import conflict: "


@dataclass(frozen=True)
class ImportConflict:
    """An entry both sides approved with different translations."""

    msgid: str
    msgctxt: str | None
    line: int  # of the entry in the local catalog
    local: str
    incoming: str
    kept: str  # "local" or "incoming"


@dataclass
class ImportReport:
    incoming: Path
    local: Path
    language: str
    domain: str
    updated: int = 0
    unchanged: int = 0
    suggested: int = 0  # incoming drafts copied into empty local entries
    conflicts: list[ImportConflict] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)  # approved msgids with no live local entry
    remembered: int = 0  # new translation memory units
    written: bool = False

    @property
    def unresolved(self) -> list[ImportConflict]:
        """Conflicts where the local translation was kept: the user should look at them."""
        return [conflict for conflict in self.conflicts if conflict.kept == "local"]


@dataclass
class ImportPlan:
    """A merge worked out in memory: nothing has been written yet."""

    report: ImportReport
    local: Catalog
    changed: bool  # the local catalog must be rewritten
    approved: list[polib.POEntry]  # entries whose pairs feed the memory
    source_lang: str  # "" when neither header nor caller says
    translator: str


def import_catalog(
    incoming_path: Path,
    *,
    locales: Path,
    domain: str | None = None,
    memory: TranslationMemory | None = None,
    theirs: bool = False,
    source_lang: str | None = None,
) -> ImportReport:
    """Merge `incoming_path` into its local catalog; see the module docstring."""
    plan = plan_import(
        incoming_path, locales=locales, domain=domain, theirs=theirs, source_lang=source_lang
    )
    return apply_import(plan, memory)


def plan_import(
    incoming_path: Path,
    *,
    locales: Path,
    domain: str | None = None,
    theirs: bool = False,
    source_lang: str | None = None,
) -> ImportPlan:
    """Read both catalogs and merge them in memory; InputError for anything unusable."""
    incoming = load_catalog(Path(incoming_path))
    if not incoming.language:
        raise InputError(
            f"{incoming_path} has no Language header; add one (e.g. Language: az) so it can "
            f"be matched with a local catalog"
        )
    lang = normalise_language(incoming.language)
    domain = domain or _domain_from_name(incoming.path, lang)
    local_path = catalog_path(locales, lang, domain)
    if not local_path.exists():
        raise InputError(
            f"there is no local catalog {local_path} to merge {incoming.path.name} into; "
            f"check --out and --domain, or translate the document first"
        )
    same_file = local_path.resolve() == incoming.path.resolve()
    local = incoming if same_file else load_catalog(local_path)
    report = ImportReport(incoming.path, local_path, lang, domain)
    if same_file:  # edited in place: nothing to merge, its approvals feed the memory
        approved = [entry for entry in local.po if is_approved(entry)]
        report.unchanged = len(approved)
        changed = False
    else:
        before = render(local.po)
        approved = _merge(incoming, local, report, theirs)
        changed = render(local.po) != before  # a second import of the same file writes nothing
    return ImportPlan(
        report=report,
        local=local,
        changed=changed,
        approved=approved,
        source_lang=source_lang or incoming.source_language or local.source_language,
        translator=catalog_translator(incoming.po),
    )


def apply_import(plan: ImportPlan, memory: TranslationMemory | None) -> ImportReport:
    """Write the merged catalog (if it changed), then feed the memory; returns the report."""
    report = plan.report
    if memory is not None and plan.approved and not plan.source_lang:
        raise InputError(
            f"cannot tell the source language of {report.incoming.name} (no X-Source-Language "
            f"header); pass --from, e.g. --from fr"
        )
    if memory is not None and plan.approved:
        memory.check_writable()  # a memory that cannot take the approvals stops us before
    if plan.changed:
        plan.local.po.metadata["PO-Revision-Date"] = po_timestamp()
        atomic_write(plan.local.path, render(plan.local.po), expected=plan.local.stamp)
        report.written = True
    if memory is not None and plan.approved:
        report.remembered = memory.add_many(
            MemoryUnit(
                msgid,
                msgstr,
                plan.source_lang,
                report.language,
                ORIGIN_IMPORT,
                report.domain,
                None,
                plan.translator,
            )
            for entry in plan.approved
            for msgid, msgstr in entry_pairs(entry)
        )
    return report


def _merge(
    incoming: Catalog, local: Catalog, report: ImportReport, theirs: bool
) -> list[polib.POEntry]:
    """Apply the incoming entries to the local catalog; the approved entries to remember."""
    live = {(entry.msgctxt, entry.msgid): entry for entry in local.po if not entry.obsolete}
    remember: list[polib.POEntry] = []
    for theirs_entry in incoming.po:
        if theirs_entry.obsolete or not theirs_entry.msgid:
            continue
        ours = live.get((theirs_entry.msgctxt, theirs_entry.msgid))
        if is_approved(theirs_entry):
            if ours is None:
                report.unknown.append(theirs_entry.msgid)
                remember.append(theirs_entry)
            elif not is_approved(ours):
                _take(ours, theirs_entry)
                report.updated += 1
                remember.append(theirs_entry)
            elif _translation(ours) == _translation(theirs_entry):
                report.unchanged += 1
                remember.append(theirs_entry)
            else:
                report.conflicts.append(_resolve(ours, theirs_entry, incoming.path, theirs))
                if theirs:
                    remember.append(theirs_entry)
        elif (
            ours is not None
            and entry_state(theirs_entry) is EntryState.MACHINE
            and entry_state(ours) is EntryState.UNTRANSLATED
            and not ours.msgstr_plural
        ):
            ours.msgstr = theirs_entry.msgstr
            set_fuzzy(ours, True)
            report.suggested += 1
    return remember


def _resolve(
    ours: polib.POEntry, theirs_entry: polib.POEntry, incoming: Path, theirs: bool
) -> ImportConflict:
    local_text, incoming_text = _translation(ours), _translation(theirs_entry)
    conflict = ImportConflict(
        msgid=ours.msgid,
        msgctxt=ours.msgctxt,
        line=ours.linenum,
        local=local_text,
        incoming=incoming_text,
        kept="incoming" if theirs else "local",
    )
    if theirs:
        _take(ours, theirs_entry)
        note = f"{CONFLICT_LABEL}replaced local translation: {_escaped(local_text)}"
    else:
        note = f"{CONFLICT_LABEL}{incoming.name} has: {_escaped(incoming_text)}"
    _add_comment(ours, note)
    return conflict


def _take(ours: polib.POEntry, theirs_entry: polib.POEntry) -> None:
    """Give the local entry the incoming approved translation (and its translator notes)."""
    if theirs_entry.msgstr_plural:
        ours.msgstr_plural = dict(theirs_entry.msgstr_plural)
    else:
        ours.msgstr = theirs_entry.msgstr
    set_fuzzy(ours, False)
    ours.previous_msgid = None
    ours.previous_msgid_plural = None
    ours.previous_msgctxt = None
    for line in (theirs_entry.tcomment or "").splitlines():
        _add_comment(ours, line)


def _add_comment(entry: polib.POEntry, line: str) -> None:
    lines = (entry.tcomment or "").splitlines()
    if line not in lines:
        entry.tcomment = "\n".join([*lines, line])


def _translation(entry: polib.POEntry) -> str:
    if entry.msgstr_plural:
        return " | ".join(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    return entry.msgstr


def _escaped(text: str) -> str:
    """One comment line that still holds the text exactly (line breaks as \\n)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _domain_from_name(path: Path, lang: str) -> str:
    stem = path.stem
    # Poedit and Weblate often name a catalog after its language (az.po): no domain there.
    try:
        names_language = normalise_language(stem) == lang
    except InputError:
        names_language = False
    if names_language or not stem:
        raise InputError(
            f"cannot tell the catalog's domain from the name {path.name}; pass --domain NAME"
        )
    return stem
