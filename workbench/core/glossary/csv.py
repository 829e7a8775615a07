"""Glossaries kept in spreadsheets: CSV or TSV with one column per language.

    fr,en,az,note
    Bakou,Baku,Bakı|Baki,capital of Azerbaijan

Each row is a concept. In a language column, `|` separates variants: the first is preferred,
the others admitted. Optional columns: `LANG:deprecated` and `LANG:admitted` (variants with that
status), `id`, `note`, `subject`, `definition`, `part of speech` (or `pos`). The delimiter is a
tab for .tsv files; for .csv it is whichever of `,` `;` or tab splits the header best (French
spreadsheets export with `;`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.glossary.model import Concept, Glossary, Term, TermStatus
from workbench.core.languages import normalise_language
from workbench.core.textio import read_text

_FIELDS = {
    "id": "id",
    "note": "note",
    "notes": "note",
    "subject": "subject",
    "domain": "subject",
    "definition": "definition",
    "pos": "part_of_speech",
    "part of speech": "part_of_speech",
    "part_of_speech": "part_of_speech",
}
_STATUS_SUFFIXES = {"deprecated": TermStatus.DEPRECATED, "admitted": TermStatus.ADMITTED}


@dataclass(frozen=True)
class _Column:
    index: int
    field: str  # one of _FIELDS' values, or "term"
    lang: str = ""
    status: TermStatus | None = None  # None: first variant preferred, the rest admitted


def read_csv_glossary(path: Path) -> Glossary:
    path = Path(path)
    text = read_text(path, "glossary")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else _sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise InputError(f"{path} is not valid CSV ({error}); check its quoting") from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError(f"{path} is empty; a glossary needs a header row of language codes")
    columns = [_column(index, name, path) for index, name in enumerate(rows[0])]
    if not any(column.field == "term" for column in columns):
        raise InputError(
            f"{path}: the header names no language; its first row should be codes like fr,en,az"
        )
    concepts = []
    seen: set[str] = set()
    for line, row in enumerate(rows[1:], 2):
        concept = _concept(row, columns, line, path)
        if concept is None:
            continue
        if concept.id in seen:
            raise InputError(f"{path}, line {line}: the id '{concept.id}' is used twice")
        seen.add(concept.id)
        concepts.append(concept)
    return Glossary(tuple(concepts), path.stem)


def _sniff_delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return max([",", ";", "\t"], key=lambda delimiter: header.count(delimiter))


def _column(index: int, name: str, path: Path) -> _Column:
    cleaned = " ".join(name.strip().lower().split())
    if cleaned in _FIELDS:
        return _Column(index, _FIELDS[cleaned])
    code, _, qualifier = cleaned.partition(":")
    status = None
    if qualifier:
        status = _STATUS_SUFFIXES.get(qualifier.strip())
        if status is None:
            raise InputError(
                f"{path}: unknown column '{name}'; a qualifier can be :deprecated or :admitted"
            )
    try:
        lang = normalise_language(code.strip())
    except InputError:
        raise InputError(
            f"{path}: column '{name}' is neither a language code (fr, en, az) nor one of "
            f"id, note, subject, definition, part of speech"
        ) from None
    return _Column(index, "term", lang, status)


def _concept(row: list[str], columns: list[_Column], line: int, path: Path) -> Concept | None:
    if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns) :]):
        raise InputError(
            f"{path}, line {line}: {len(row)} cells but the header has {len(columns)} columns; "
            f"quote cells that contain the delimiter"
        )
    fields: dict[str, str] = {}
    terms: list[Term] = []
    for column in columns:
        cell = row[column.index].strip() if column.index < len(row) else ""
        if not cell:
            continue
        if column.field != "term":
            fields[column.field] = cell
            continue
        variants = [variant.strip() for variant in cell.split("|") if variant.strip()]
        for position, variant in enumerate(variants):
            status = column.status or (
                TermStatus.PREFERRED if position == 0 else TermStatus.ADMITTED
            )
            terms.append(Term(variant, column.lang, status))
    if not terms:
        return None
    part_of_speech = fields.get("part_of_speech", "")
    if part_of_speech:
        terms = [Term(t.text, t.lang, t.status, part_of_speech, t.note, t.term_type) for t in terms]
    return Concept(
        fields.get("id", f"row{line}"),
        tuple(terms),
        subject=fields.get("subject", ""),
        definition=fields.get("definition", ""),
        note=fields.get("note", ""),
    )
