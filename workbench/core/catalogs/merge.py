"""Templates and merging: the .pot built from documents, merged into each catalog as msgmerge
does, with the pipeline's drafts filled in where no one approved; headers from CLDR through babel.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polib

from workbench import __version__
from workbench.core.catalogs.comments import (
    REJECTED_LABEL,
    Draft,
    developer_comment,
    machine_comment,
    our_comment,
    strip_machine_comment,
)
from workbench.core.catalogs.entries import (
    EntryState,
    entry_key,
    entry_state,
    has_translation,
    is_human_edited,
    set_fuzzy,
)
from workbench.core.catalogs.paths import catalog_path
from workbench.core.catalogs.plurals import parse_plural_forms
from workbench.core.catalogs.pofile import WRAP_WIDTH, load_catalog, render
from workbench.core.errors import InputError
from workbench.core.languages import language_name, normalise_language, plural_forms
from workbench.core.sources.document import Document
from workbench.core.sources.units import UnitKey
from workbench.core.textio import FileStamp, atomic_write

DEFAULT_TRANSLATOR = "workbench machine translation"


@dataclass
class UpdateSummary:
    path: Path
    new: int = 0
    machine: int = 0  # entries given a fresh draft
    approved_kept: int = 0
    edited_kept: int = (
        0  # fuzzy drafts a translator changed: their text is theirs, not the machine's
    )
    obsolete: int = 0
    untranslated: int = 0
    from_memory: int = 0
    messages: list[str] = field(default_factory=list)


def po_timestamp() -> str:
    """Now, as PO headers write dates (POT-Creation-Date, PO-Revision-Date)."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")


def join_lines(*parts: str) -> str:
    """Comment blocks joined by line breaks, empty ones left out."""
    return "\n".join(part for part in parts if part)


def _reference(document: Document) -> str:
    """The document's path for `#:` references: relative to the project root (`reference_path`)."""
    from workbench.core.project import reference_path

    return document.name if document.path is None else reference_path(Path(document.path))


def build_template(documents: Sequence[Document], domain: str) -> polib.POFile:
    """The .pot: one entry per distinct sentence, in document order, with every occurrence."""
    pot = polib.POFile(wrapwidth=WRAP_WIDTH)
    pot.metadata = {
        "Project-Id-Version": domain,
        "POT-Creation-Date": po_timestamp(),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"workbench {__version__}",
        "X-Source-Language": documents[0].lang if documents else "",
    }
    by_msgid: dict[str, polib.POEntry] = {}
    for document in documents:
        reference = _reference(document)
        for segment in document.segments:
            entry = by_msgid.get(segment.text)
            if entry is None:
                entry = polib.POEntry(msgid=segment.text, msgstr="", occurrences=[])
                by_msgid[segment.text] = entry
                pot.append(entry)
            occurrence = (reference, str(segment.line))
            if occurrence not in entry.occurrences:
                entry.occurrences.append(occurrence)
    return pot


def _header(
    existing: Mapping[str, str] | None, template: polib.POFile, lang: str, translator: str | None
) -> dict[str, str]:
    """msginit's header for a new catalog (the template's, completed from CLDR), msgmerge's for
    an existing one (its own, with the template's dates)."""
    code = normalise_language(lang)
    header = dict(existing if existing is not None else template.metadata)
    old = existing or {}
    header.update(
        {
            "Project-Id-Version": old.get("Project-Id-Version")
            or template.metadata.get("Project-Id-Version", ""),
            "POT-Creation-Date": template.metadata.get("POT-Creation-Date") or po_timestamp(),
            "PO-Revision-Date": po_timestamp(),
            "Last-Translator": translator or old.get("Last-Translator") or DEFAULT_TRANSLATOR,
            "Language-Team": old.get("Language-Team") or language_name(code),
            "Language": code,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": catalog_plural_forms(old, code),
            "X-Generator": f"workbench {__version__}",
            "X-Source-Language": template.metadata.get("X-Source-Language", ""),
        }
    )
    return header


def catalog_plural_forms(header: Mapping[str, str] | None, lang: str) -> str:
    """The Plural-Forms a merged catalog gets: the existing catalog's if valid (its msgstr[i]
    were written for it, as msgmerge keeps it), else CLDR's for the language."""
    value = (header or {}).get("Plural-Forms", "")
    try:
        parse_plural_forms(value)
    except InputError:
        return plural_forms(normalise_language(lang))
    return value


def nplurals(po: polib.POFile) -> int:
    """How many forms a plural entry of this catalog has, from its Plural-Forms header."""
    try:
        return parse_plural_forms(po.metadata.get("Plural-Forms", ""))[0]
    except InputError:
        return 2  # gettext's default (Germanic plural)


def merge_catalog(
    existing: polib.POFile | None,
    template: polib.POFile,
    lang: str,
    drafts: Mapping[UnitKey, Draft] | Mapping[str, Draft],
    *,
    translator: str | None = None,
    path: Path | None = None,
) -> tuple[polib.POFile, UpdateSummary]:
    """Merge `template` into the catalog as msgmerge does, filling drafts where no one approved.

    Entries are matched by (msgctxt, msgid). Approved entries, and drafts a translator edited,
    keep their translation and their translator comments; others get the new draft
    (flagged fuzzy, described in automatic comments) or keep their old draft when there is no
    new one; entries gone from the template become obsolete; obsolete ones that come back
    are revived with their old translation. Flags, references and developer comments come
    from the template; a plural entry gets exactly the header's count of forms. Drafts are
    keyed by unit key, or by sentence (as `translate_documents` gives them) for entries
    without a context.
    """
    summary = UpdateSummary(path=path or Path())
    old: dict[UnitKey, polib.POEntry] = {}
    if existing is not None:
        for entry in existing:
            key = entry_key(entry)
            if entry.msgid and (key not in old or old[key].obsolete):
                old[key] = entry
    merged = polib.POFile(wrapwidth=WRAP_WIDTH)
    merged.metadata = _header(
        existing.metadata if existing is not None else None, template, lang, translator
    )
    merged.header = existing.header if existing is not None else template.header
    forms = nplurals(merged)
    for ref in template:
        if ref.obsolete or not ref.msgid:
            continue
        key = entry_key(ref)
        developer = developer_comment(ref.comment)
        format_flags = [flag for flag in ref.flags if flag != "fuzzy"]
        occurrences = list(ref.occurrences)
        entry = old.pop(key, None)
        if entry is None:
            entry = polib.POEntry(msgid=ref.msgid, msgctxt=ref.msgctxt, msgstr="")
            summary.new += 1
        entry.obsolete = False
        entry.occurrences = occurrences
        entry.comment = join_lines(developer, our_comment(entry.comment))
        entry.flags = format_flags + (["fuzzy"] if "fuzzy" in entry.flags else [])
        _fit_plural_forms(entry, ref.msgid_plural, forms)
        draft = _draft_for(drafts, key)
        if entry_state(entry) is EntryState.APPROVED:
            summary.approved_kept += 1
        elif has_translation(entry) and is_human_edited(entry):
            summary.edited_kept += 1
        elif draft is not None and (draft.best or draft.forms or draft.notes):
            _apply_draft(entry, draft)
            if draft.approved:
                summary.approved_kept += 1
            else:
                summary.machine += 1
            if draft.origin.startswith("tm"):
                summary.from_memory += 1
        if not has_translation(entry):
            summary.untranslated += 1
        merged.append(entry)
    for entry in old.values():  # what the template no longer has
        if entry.msgid and not entry.obsolete:
            summary.obsolete += 1
        entry.obsolete = True
        entry.occurrences = []
        merged.append(entry)
    return merged, summary


def _draft_for(drafts: Mapping[UnitKey, Draft] | Mapping[str, Draft], key: UnitKey) -> Draft | None:
    found = drafts.get(key)
    if found is None and key.context is None:
        found = drafts.get(key.source)
    return found


def _fit_plural_forms(entry: polib.POEntry, msgid_plural: str, forms: int) -> None:
    """Give a plural entry exactly `forms` msgstr[i] (a singular one none); a translation
    whose count of forms changed needs review again."""
    if not msgid_plural:
        if entry.msgstr_plural:
            entry.msgstr = entry.msgstr_plural.get(0, "")
            entry.msgstr_plural = {}
            entry.msgid_plural = ""
            set_fuzzy(entry, bool(entry.msgstr))
        return
    previous = dict(entry.msgstr_plural) or ({0: entry.msgstr} if entry.msgstr else {})
    entry.msgid_plural = msgid_plural
    entry.msgstr = ""
    entry.msgstr_plural = {index: previous.get(index, "") for index in range(forms)}
    if previous and sorted(previous) != list(range(forms)):
        set_fuzzy(entry, has_translation(entry))


def _apply_draft(entry: polib.POEntry, draft: Draft) -> None:
    if entry.msgid_plural and draft.forms:
        entry.msgstr_plural = {
            index: draft.forms[index] if index < len(draft.forms) else ""
            for index in range(len(entry.msgstr_plural))
        }
    elif draft.best and not entry.msgid_plural:
        entry.msgstr = draft.best
    entry.comment = join_lines(strip_machine_comment(entry.comment), machine_comment(draft))
    if draft.approved:
        set_fuzzy(entry, False)
    else:
        # Every machine result awaits review; an entry whose draft was rejected stays empty
        # and fuzzy, with the reason in its comment.
        set_fuzzy(
            entry, has_translation(entry) or any(n.startswith(REJECTED_LABEL) for n in draft.notes)
        )
    entry.previous_msgid = None


@dataclass(frozen=True)
class CatalogPlan:
    """A catalog about to be written: the merged content and the stamp it was read with."""

    path: Path
    po: polib.POFile
    stamp: FileStamp
    summary: UpdateSummary


def plan_catalog(
    locales: Path,
    domain: str,
    lang: str,
    template: polib.POFile,
    drafts: Mapping[UnitKey, Draft] | Mapping[str, Draft],
    *,
    translator: str | None = None,
    path: Path | None = None,
) -> CatalogPlan:
    """Read the existing catalog (if any) and merge; nothing is written yet. `path` overrides
    where the catalog lives (`translate --in-place`)."""
    path = path or catalog_path(locales, lang, domain)
    existing: polib.POFile | None = None
    stamp = FileStamp.of(path)
    if stamp.exists:
        catalog = load_catalog(path)
        existing, stamp = catalog.po, catalog.stamp
    po, summary = merge_catalog(existing, template, lang, drafts, translator=translator, path=path)
    return CatalogPlan(path=path, po=po, stamp=stamp, summary=summary)


def write_plans(
    plans: Iterable[CatalogPlan],
    template: polib.POFile | None = None,
    template_file: Path | None = None,
) -> None:
    """Write every catalog (and the template, if given), each atomically and guarded by its
    stamp. A template the user gave (a .pot) is theirs and is not rewritten."""
    plans = list(plans)
    template_stamp = FileStamp.of(template_file) if template_file is not None else None
    for plan in plans:
        atomic_write(plan.path, render(plan.po), expected=plan.stamp)
    if template is not None and template_file is not None:
        atomic_write(template_file, render(template), expected=template_stamp)
