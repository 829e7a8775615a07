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
from workbench.core.textio import FileStamp, atomic_write, decode_utf8, read_input_bytes

WRAP_WIDTH = 79
MT_LABEL = "MT: "
ALTERNATIVE_LABEL = "MT alternative: "
PIVOT_LABEL = "MT pivot"
TERM_LABEL = "Term: "
MEMORY_LABEL = "TM: "
NOTE_LABEL = "MT note: "  # what the engine had to do (a long sentence translated in parts)
_WORD_HYPHEN_END = re.compile(r"\w-$")
_MT_FIELD = re.compile(r"; (score|logprob|confidence) (\S+)\s*\Z")
_MACHINE_LABELS = (MT_LABEL, ALTERNATIVE_LABEL, PIVOT_LABEL, TERM_LABEL, MEMORY_LABEL, NOTE_LABEL)
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
    if not entry.msgstr:
        return EntryState.UNTRANSLATED
    return EntryState.MACHINE if "fuzzy" in entry.flags else EntryState.APPROVED


@dataclass(frozen=True)
class Draft:
    """What the pipeline proposes for one source sentence in one target language."""

    hypotheses: tuple[Hypothesis, ...]  # best first; may be empty (no MT)
    signature: str = ""  # engine and package that produced the hypotheses
    notes: tuple[str, ...] = ()  # glossary enforcement, memory origin: one line each
    origin: str = "mt"  # "mt", "tm-exact", "tm-fuzzy"
    approved: bool = False  # an exact memory match the user chose to trust

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


def parse_po(text: str, origin: Path | str = "<catalog>") -> polib.POFile:
    """Parse PO text with polib; one-line InputError for malformed input."""
    if not text.strip():
        raise InputError(f"{origin} is empty: not a gettext catalog")
    _check_quoted_strings(text, origin)
    try:
        return polib.pofile(text, wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError) as error:
        detail = str(error).splitlines()[0] if str(error) else "syntax error"
        raise InputError(
            f"{origin} is not a valid PO file ({detail}); fix it or restore a backup"
        ) from None


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
            raise InputError(
                f"{origin} is not a valid PO file (line {number}: unterminated string); fix it or restore a backup"
            )


def load_catalog(path: Path) -> Catalog:
    path = Path(path)
    data = read_input_bytes(path, "catalog")
    po = parse_po(decode_utf8(data, path, "catalog"), path)
    return Catalog(path=path, po=po, stamp=FileStamp.of_bytes(data))


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
    existing: Mapping[str, str], template: polib.POFile, lang: str, translator: str | None
) -> dict[str, str]:
    code = normalise_language(lang)
    header = dict(existing)
    header.update(
        {
            "Project-Id-Version": existing.get("Project-Id-Version")
            or template.metadata["Project-Id-Version"],
            "POT-Creation-Date": template.metadata["POT-Creation-Date"],
            "PO-Revision-Date": po_timestamp(),
            "Last-Translator": translator or existing.get("Last-Translator") or DEFAULT_TRANSLATOR,
            "Language-Team": existing.get("Language-Team") or language_name(code),
            "Language": code,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": plural_forms(code),
            "X-Generator": f"workbench {__version__}",
            "X-Source-Language": template.metadata["X-Source-Language"],
        }
    )
    return header


def merge_catalog(
    existing: polib.POFile | None,
    template: polib.POFile,
    lang: str,
    drafts: Mapping[str, Draft],
    *,
    translator: str | None = None,
    path: Path | None = None,
) -> tuple[polib.POFile, UpdateSummary]:
    """Merge `template` into the catalog as msgmerge does, filling drafts where no one approved.

    Approved entries, and drafts a translator edited, keep their translation and all their
    comments; others get the new draft
    (flagged fuzzy, described in automatic comments) or keep their old draft when there is no
    new one; sentences gone from the document become obsolete; obsolete ones that come back
    are revived with their old translation.
    """
    summary = UpdateSummary(path=path or Path())
    old: dict[str, polib.POEntry] = {}
    if existing is not None:
        for entry in existing:
            if entry.msgid and (entry.msgid not in old or old[entry.msgid].obsolete):
                old[entry.msgid] = entry
    merged = polib.POFile(wrapwidth=WRAP_WIDTH)
    merged.metadata = _header(
        existing.metadata if existing is not None else {}, template, lang, translator
    )
    merged.header = existing.header if existing is not None else ""
    for ref in template:
        entry = old.pop(ref.msgid, None)
        if entry is None:
            entry = polib.POEntry(msgid=ref.msgid, msgstr="")
            summary.new += 1
        entry.obsolete = False
        entry.occurrences = list(ref.occurrences)
        draft = drafts.get(ref.msgid)
        if entry_state(entry) is EntryState.APPROVED:
            summary.approved_kept += 1
        elif entry.msgstr and is_human_edited(entry):
            summary.edited_kept += 1
        elif draft is not None and (draft.best or draft.notes):
            _apply_draft(entry, draft)
            if draft.approved:
                summary.approved_kept += 1
            else:
                summary.machine += 1
            if draft.origin.startswith("tm"):
                summary.from_memory += 1
        if not entry.msgstr:
            summary.untranslated += 1
        merged.append(entry)
    for entry in old.values():  # what the document no longer has
        if entry.msgid and not entry.obsolete:
            summary.obsolete += 1
        entry.obsolete = True
        entry.occurrences = []
        merged.append(entry)
    return merged, summary


def _apply_draft(entry: polib.POEntry, draft: Draft) -> None:
    if draft.best:
        entry.msgstr = draft.best
    entry.comment = join_lines(strip_machine_comment(entry.comment), machine_comment(draft))
    if draft.approved:
        set_fuzzy(entry, False)
    elif entry.msgstr:
        set_fuzzy(entry, True)
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
    drafts: Mapping[str, Draft],
    *,
    translator: str | None = None,
) -> CatalogPlan:
    """Read the existing catalog (if any) and merge; nothing is written yet."""
    path = catalog_path(locales, lang, domain)
    existing: polib.POFile | None = None
    stamp = FileStamp.of(path)
    if stamp.exists:
        catalog = load_catalog(path)
        existing, stamp = catalog.po, catalog.stamp
    po, summary = merge_catalog(existing, template, lang, drafts, translator=translator, path=path)
    return CatalogPlan(path=path, po=po, stamp=stamp, summary=summary)


def write_plans(plans: Iterable[CatalogPlan], template: polib.POFile, template_file: Path) -> None:
    """Write every catalog and the template, each atomically and guarded by its stamp."""
    plans = list(plans)
    template_stamp = FileStamp.of(template_file)
    for plan in plans:
        atomic_write(plan.path, render(plan.po), expected=plan.stamp)
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
    if not Path(path).exists():
        return set()
    return {
        entry.msgid
        for entry in load_catalog(path).entries()
        if entry.msgstr and (entry_state(entry) is EntryState.APPROVED or is_human_edited(entry))
    }


def translations(catalog: Catalog, *, include_fuzzy: bool = True) -> dict[str, str]:
    """msgid -> msgstr of the live entries that have a translation."""
    return {
        entry.msgid: entry.msgstr
        for entry in catalog.entries()
        if entry.msgstr and (include_fuzzy or "fuzzy" not in entry.flags)
    }
