"""Segments <-> gettext catalogs, through polib; headers from CLDR through babel.

A catalog entry is one distinct source sentence (msgid) with its translation (msgstr). Its
state is what a translator cares about: untranslated, machine (fuzzy: awaits review),
approved (translated and not fuzzy), or obsolete (its sentence left the document).

Machine output is described in automatic comments (`#.`) that we write and read back, one
labelled line each, so the alternatives and the engine signature survive a round trip
through Poedit or any other PO editor:

    #. MT: argos translate-fr_en 1.0 (beam 4); score -0.1234; logprob -0.3100; confidence 0.73
    #. MT alternative: -0.5321 | the second-best translation
    #. MT pivot (en): the intermediate English text
    #. Term: ...one line per glossary term enforced...

`score` is the beam score; `logprob` the model's mean log-probability per token of the draft
and `confidence` its exp, 0..1 (see `engines/confidence.py`; older comments have neither).
"""

from __future__ import annotations

import copy
import enum
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polib

from workbench import __version__
from workbench.core.document import Document
from workbench.core.engines.base import Hypothesis
from workbench.core.engines.confidence import confidence
from workbench.core.errors import InputError
from workbench.core.languages import language_name, normalise_language, plural_forms
from workbench.core.plurals import parse_plural_forms
from workbench.core.textio import FileStamp, atomic_write, decode_utf8, read_input_bytes
from workbench.core.units import TranslationUnit, UnitKey

WRAP_WIDTH = 79
MT_LABEL = "MT: "
ALTERNATIVE_LABEL = "MT alternative: "
PIVOT_LABEL = "MT pivot"
TERM_LABEL = "Term: "
MEMORY_LABEL = "TM: "
NOTE_LABEL = "MT note: "  # what the engine had to do (a long sentence translated in parts)
# A draft thrown away because the engine lost a placeholder or markup: why, on the entry.
REJECTED_LABEL = "MT rejected: "
_WORD_HYPHEN_END = re.compile(r"\w-$")
_MT_FIELD = re.compile(r"; (score|logprob|confidence) (\S+)\s*\Z")
_MACHINE_LABELS = (
    MT_LABEL,
    ALTERNATIVE_LABEL,
    PIVOT_LABEL,
    TERM_LABEL,
    MEMORY_LABEL,
    NOTE_LABEL,
    REJECTED_LABEL,
)
DEFAULT_TRANSLATOR = "workbench machine translation"
# A person changed this draft but has not approved it yet: re-running translate keeps the text.
EDITED_LABEL = "Edited: "
EDITED_NOTE = f"{EDITED_LABEL}by a translator"


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


@dataclass(frozen=True)
class Draft:
    """What the pipeline proposes for one source sentence in one target language."""

    hypotheses: tuple[Hypothesis, ...]  # best first; may be empty (no MT)
    signature: str = ""  # engine and package that produced the hypotheses
    notes: tuple[str, ...] = ()  # glossary enforcement, memory origin: one line each
    origin: str = "mt"  # "mt", "tm-exact", "tm-fuzzy"
    approved: bool = False  # an exact memory match the user chose to trust
    forms: tuple[str, ...] = ()  # a plural entry's msgstr[0], msgstr[1]...: all or none

    @property
    def best(self) -> str:
        return self.hypotheses[0].text if self.hypotheses else ""


@dataclass(frozen=True)
class MemorySuggestion:
    """A translation memory match recorded on an entry: how similar its source was, and its text."""

    percent: int
    text: str


@dataclass(frozen=True)
class MachineRecord:
    """The machine output recorded on an entry, read back from its comments."""

    signature: str
    score: float | None
    alternatives: tuple[Hypothesis, ...]  # every candidate, best first (the first is the MT output)
    pivot: str | None
    notes: tuple[str, ...]
    memory: tuple[MemorySuggestion, ...] = ()  # memory matches offered beside the MT, best first
    logprob: float | None = None  # the draft's mean token log-probability (None: not recorded)

    @property
    def confidence(self) -> float | None:
        return confidence(self.logprob)


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


def catalog_path(locales: Path, lang: str, domain: str) -> Path:
    return Path(locales) / lang / "LC_MESSAGES" / f"{domain}.po"


def template_path(locales: Path, domain: str) -> Path:
    return Path(locales) / f"{domain}.pot"


# --- reading --------------------------------------------------------------------------------


@dataclass
class Catalog:
    """A PO file as read, with the stamp that guards against overwriting someone's edits."""

    path: Path
    po: polib.POFile
    stamp: FileStamp

    @property
    def language(self) -> str:
        return self.po.metadata.get("Language", "")

    @property
    def source_language(self) -> str:
        return self.po.metadata.get("X-Source-Language", "")

    def languages(
        self, source: str | None = None, *, default_source: str | None = None
    ) -> tuple[str, str]:
        """(source, target) languages, normalised: the target from the Language header (else the
        LANG/LC_MESSAGES/ folder), the source from `source`, else X-Source-Language, else
        `default_source`; an InputError that says what to set when either is unknown."""
        folder = self.path.parent
        target = self.language or (folder.parent.name if folder.name == "LC_MESSAGES" else "")
        if not target:
            raise InputError(
                f"cannot tell the language of {self.path}: set its Language header (e.g. Language: az) "
                f"or keep it under LANG/LC_MESSAGES/"
            )
        source = source or self.source_language or default_source
        if not source:
            raise InputError(
                f"cannot tell the source language of {self.path}: it has no X-Source-Language header; "
                f"pass --from (e.g. --from fr)"
            )
        return normalise_language(source), normalise_language(target)

    def entries(self) -> list[polib.POEntry]:
        """The live (non-obsolete) entries, in file order."""
        return [entry for entry in self.po if not entry.obsolete]

    def find(self, msgid: str) -> polib.POEntry | None:
        return self.po.find(msgid)

    def save(self) -> None:
        """Write atomically; ConflictError if the file changed on disk since it was read."""
        self.stamp = atomic_write(self.path, render(self.po), expected=self.stamp)

    def changed_on_disk(self) -> bool:
        return FileStamp.of(self.path) != self.stamp


_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")


def parse_po(text: str, origin: Path | str = "<catalog>") -> polib.POFile:
    """Parse PO text with polib; a one-line `file:line: what is wrong` InputError for malformed
    input, and for a catalog msgfmt would reject as holding an entry twice."""
    if not text.strip():
        raise InputError(f"{origin} is empty: not a gettext catalog")
    _check_quoted_strings(text, origin)
    try:
        po = polib.pofile(text, wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError) as error:
        message = str(error).splitlines()[0] if str(error) else ""
        found = _POLIB_LINE.search(message)
        where = f"{origin}:{found[1]}" if found else str(origin)
        detail = (found[2] if found and found[2] else "") or "syntax error"
        raise InputError(_not_valid(where, origin, detail)) from None
    _check_duplicates(po, text, origin)
    return po


def _not_valid(where: str, origin: Path | str, detail: str) -> str:
    return f"{where}: {detail}; {origin} is not a valid PO file: fix it or restore a backup"


def _check_duplicates(po: polib.POFile, text: str, origin: Path | str) -> None:
    # msgfmt refuses a catalog holding (msgctxt, msgid) twice; merging one would lose a version.
    first: dict[UnitKey, int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        key = entry_key(entry)
        if key not in first:
            first[key] = getattr(entry, "linenum", 0)
            continue
        lines = text.splitlines()
        seen, line = (_msgid_line(lines, n) for n in (first[key], entry.linenum))
        raise InputError(
            f"{origin}:{line}: duplicate message definition (first at line {seen}); "
            f"msgfmt rejects it: remove one copy (msguniq merges them)"
        )


def _msgid_line(lines: list[str], start: int) -> int:
    """The line of an entry's msgid, as msgfmt reports it (polib counts from its comments)."""
    for number in range(max(start, 1), len(lines) + 1):
        if lines[number - 1].lstrip().startswith("msgid"):
            return number
    return start


_KEYWORD_LINE = re.compile(
    r'^(?:#~\s*)?(?:#\|\s*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*(".*)$'
)
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')


def _check_quoted_strings(text: str, origin: Path | str) -> None:
    # polib silently truncates an unterminated string (losing text); msgfmt calls it fatal.
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith(("#~", "#|"))):
            continue
        match = _KEYWORD_LINE.match(stripped)
        if match and not _QUOTED.match(match[1]):
            raise InputError(_not_valid(f"{origin}:{number}", origin, "unterminated string"))


def load_catalog(path: Path) -> Catalog:
    """The one catalog reader (.po and .pot) every command uses."""
    path = Path(path)
    data = read_input_bytes(path, "catalog")
    po = parse_po(decode_catalog(data, path), path)
    return Catalog(path=path, po=po, stamp=FileStamp.of_bytes(data))


def decode_catalog(data: bytes, path: Path) -> str:
    """The catalog's text in the charset its header declares (as gettext reads it), else UTF-8."""
    charset = polib.detect_encoding(data).lower().replace("_", "-")
    if charset in {"utf-8", "utf8", "ascii", "us-ascii"}:
        return decode_utf8(data, path, "catalog")
    try:
        return data.decode(charset)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}: byte 0x{data[error.start]:02x} is not {charset}, the charset its "
            f"header declares; fix the header's Content-Type or the file's encoding"
        ) from None


def render(po: polib.POFile) -> str:
    """`str(po)`, but with `render_entry`'s one-line automatic comments."""
    po.wrapwidth = WRAP_WIDTH
    ordered = [*(e for e in po if not e.obsolete), *po.obsolete_entries()]
    return "\n".join([render_head(po), *(render_entry(entry) for entry in ordered)])


def render_head(po: polib.POFile) -> str:
    """The header comments and the metadata entry, as `str(po)` starts."""
    head = polib.POFile(wrapwidth=WRAP_WIDTH)
    head.header = po.header
    head.metadata = po.metadata
    head.metadata_is_fuzzy = po.metadata_is_fuzzy
    return str(head)


def render_entry(entry: polib.POEntry) -> str:
    """polib's text for `entry`, except that automatic comments stay one line each: polib wraps
    them at the wrap width, which splits our labelled lines (the README promises one each)."""
    if entry.obsolete or not entry.comment:
        return entry.__unicode__(WRAP_WIDTH)
    bare = copy.copy(entry)
    bare.comment = ""
    lines = bare.__unicode__(WRAP_WIDTH).split("\n")
    at = next((i for i, line in enumerate(lines) if not line.startswith("# ")), len(lines))
    lines[at:at] = [f"#. {line}" for line in entry.comment.split("\n")]  # after "# " notes
    return "\n".join(lines)


# --- machine records in comments ---------------------------------------------------------


def machine_comment(draft: Draft) -> str:
    lines = []
    if draft.hypotheses:
        best = draft.hypotheses[0]
        lines.append(
            f"{MT_LABEL}{draft.signature}; score {best.score:.4f}{_confidence_fields(best)}"
        )
        for alternative in draft.hypotheses[1:]:
            lines.append(
                f"{ALTERNATIVE_LABEL}{alternative.score:.4f} | {_one_line(alternative.text)}"
            )
        if best.pivot:
            lines.append(f"{PIVOT_LABEL}: {_one_line(best.pivot)}")
    lines.extend(_one_line(note) for note in draft.notes)
    return "\n".join(lines)


def machine_record(entry: polib.POEntry) -> MachineRecord | None:
    """The machine output recorded on `entry`, or None if it never had any."""
    signature, score, pivot, logprob = "", None, None, None
    alternatives: list[Hypothesis] = []
    notes: list[str] = []
    memory: list[MemorySuggestion] = []
    for line in _machine_lines(entry.comment):
        if line.startswith(MT_LABEL):
            signature, fields = _mt_fields(line[len(MT_LABEL) :])
            score, logprob = _float(fields.get("score", "")), _float(fields.get("logprob", ""))
        elif line.startswith(ALTERNATIVE_LABEL):
            score_text, _, text = line[len(ALTERNATIVE_LABEL) :].partition(" | ")
            alternatives.append(Hypothesis(text, _float(score_text) or 0.0))
        elif line.startswith(PIVOT_LABEL):
            pivot = line.partition(": ")[2]
        elif line.startswith(MEMORY_LABEL):
            notes.append(line)
            percent, _, text = line[len(MEMORY_LABEL) :].partition("% | ")
            if percent.isdigit() and text:
                memory.append(MemorySuggestion(int(percent), text))
        elif line.startswith((TERM_LABEL, NOTE_LABEL)):
            notes.append(line)
    if not signature and not notes:
        return None
    first = Hypothesis(entry.msgstr if "fuzzy" in entry.flags else "", score or 0.0, pivot)
    candidates = ((first,) if first.text else ()) + tuple(alternatives)
    return MachineRecord(
        signature, score, candidates, pivot, tuple(notes), tuple(memory), logprob=logprob
    )


def _confidence_fields(best: Hypothesis) -> str:
    if best.logprob is None:
        return ""
    return f"; logprob {best.logprob:.4f}; confidence {confidence(best.logprob):.2f}"


def _mt_fields(text: str) -> tuple[str, dict[str, str]]:
    """ "sig; score -0.1; logprob -0.3; confidence 0.7" -> ("sig", {"score": "-0.1", ...})."""
    fields: dict[str, str] = {}
    while True:
        match = _MT_FIELD.search(text)
        if match is None:
            return text, fields
        fields.setdefault(match.group(1), match.group(2))
        text = text[: match.start()]


def _machine_lines(comment: str) -> list[str]:
    """Our labelled comment lines, rejoined where a PO writer wrapped them (polib and msgcat wrap
    automatic comments at 79 columns, at spaces and after in-word hyphens; our texts have single
    spaces, so the join is exact but for the rare "word- word" typed with a space)."""
    lines: list[str] = []
    for line in (comment or "").splitlines():
        if lines and lines[-1].startswith(_MACHINE_LABELS) and not line.startswith(_MACHINE_LABELS):
            # textwrap also breaks after a hyphen inside a word ("socio-|économiques").
            glue = "" if _WORD_HYPHEN_END.search(lines[-1]) else " "
            lines[-1] = f"{lines[-1]}{glue}{line}"
        else:
            lines.append(line)
    return lines


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def strip_machine_comment(comment: str) -> str:
    kept = [line for line in _machine_lines(comment) if not line.startswith(_MACHINE_LABELS)]
    return "\n".join(kept)


def developer_comment(comment: str) -> str:
    """The extractor's notes for translators: the automatic comment lines that are not ours."""
    ours = (*_MACHINE_LABELS, EDITED_LABEL)
    return "\n".join(line for line in _machine_lines(comment) if not line.startswith(ours))


def _our_comment(comment: str) -> str:
    """What workbench and the review wrote into an automatic comment (MT records, edits)."""
    ours = (*_MACHINE_LABELS, EDITED_LABEL)
    return "\n".join(line for line in _machine_lines(comment) if line.startswith(ours))


# --- writing --------------------------------------------------------------------------------


def po_timestamp() -> str:
    """Now, as PO headers write dates (POT-Creation-Date, PO-Revision-Date)."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")


def set_fuzzy(entry: polib.POEntry, fuzzy: bool) -> None:
    """Add or remove the `fuzzy` flag, leaving the others alone."""
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    elif not fuzzy:
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]


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
        entry.comment = join_lines(developer, _our_comment(entry.comment))
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


def entry_forms(entry: polib.POEntry) -> Iterator[tuple[str, str, str]]:
    """(label, source, target) per form: the first plural form goes with msgid, others with msgid_plural."""
    if not entry.msgid_plural:
        yield "", entry.msgid, entry.msgstr
        return
    forms = entry.msgstr_plural or {0: ""}
    for index in sorted(forms):
        source = entry.msgid if index == 0 else entry.msgid_plural
        yield f"plural form {index}: ", source, forms[index]


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


def translations(catalog: Catalog, *, include_fuzzy: bool = True) -> dict[str, str]:
    """msgid -> msgstr of the live entries that have a translation."""
    return {
        entry.msgid: entry.msgstr
        for entry in catalog.entries()
        if entry.msgstr and (include_fuzzy or "fuzzy" not in entry.flags)
    }
