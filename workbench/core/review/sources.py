"""What a review is of: a document's sentences or a catalog's entries, as rows of units.

Both kinds of source give the session the same things: its rows (one `SourceRow` per
sentence or entry, each holding a translation unit), a template (the entries a target's
catalog is made from), and where each target's catalog lives. The session never asks which
kind it has.

- A document (`workbench open NAME.fr.txt`): a row per sentence; sentences with the same text
  share one unit (one entry); catalogs at `LOCALES/<lang>/LC_MESSAGES/<domain>.po`.
- A template (`workbench open messages.pot --to az,fr`): a row per entry; each target's catalog
  at the same place, started as msginit would when there is none yet.
- A catalog (`workbench open locales/az/LC_MESSAGES/messages.po`): a row per live entry; the
  file itself is the only target's catalog, written back where it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from workbench.core.catalogs.entries import units_of_catalog
from workbench.core.catalogs.merge import build_template
from workbench.core.catalogs.paths import catalog_path
from workbench.core.catalogs.pofile import Catalog, decode_catalog, parse_po
from workbench.core.catalogs.source import is_catalog_file, read_catalog_source
from workbench.core.errors import InputError
from workbench.core.sources.document import Document, load_document
from workbench.core.sources.units import TranslationUnit, UnitKey
from workbench.core.textio import FileStamp, read_input_bytes


@dataclass(frozen=True)
class SourceRow:
    """One row of a review: a sentence of a document or an entry of a catalog."""

    id: str  # "3.2" (paragraph 3, sentence 2) or "#12" (the 12th entry)
    unit: TranslationUnit

    @property
    def text(self) -> str:
        """The source text (the singular, for a plural entry)."""
        return self.unit.source

    @property
    def key(self) -> UnitKey:
        return self.unit.key


@dataclass(frozen=True)
class ReviewSource:
    """Rows, template and catalog places of one review."""

    path: Path | None  # the document or catalog opened (None: a document built in memory)
    name: str  # what titles and the recovery journal call it
    source_lang: str
    domain: str
    rows: tuple[SourceRow, ...]
    make_template: Callable[[], polib.POFile]
    fixed_catalog: Path | None = None  # the only target's catalog (an opened .po)
    fixed_language: str | None = None
    document: Document | None = None
    # The opened .po as parsed for the rows: its lane's first read takes it instead of parsing
    # the file a second time (a big catalog's parse is most of the time to open it).
    parsed: list[Catalog] = field(default_factory=list)

    def take_parsed(self) -> Catalog | None:
        """The catalog parsed at opening, once, if the file is still what was parsed."""
        try:
            catalog = self.parsed.pop()
        except IndexError:
            return None
        return None if catalog.changed_on_disk() else catalog

    @property
    def is_catalog(self) -> bool:
        return self.document is None

    def catalog_path(self, locales: Path, lang: str) -> Path:
        if self.fixed_catalog is not None:
            return self.fixed_catalog
        return catalog_path(locales, lang, self.domain)


def document_source(document: Document, domain: str | None = None) -> ReviewSource:
    """A document's sentences as rows; identical sentences are one unit."""
    domain = domain or document.name
    units: dict[str, TranslationUnit] = {}
    rows = tuple(
        SourceRow(segment.id, units.setdefault(segment.text, TranslationUnit(segment.text)))
        for segment in document.segments
    )
    return ReviewSource(
        path=document.path,
        name=document.name,
        source_lang=document.lang,
        domain=domain,
        rows=rows,
        make_template=lambda: build_template([document], domain),
        document=document,
    )


def catalog_review_source(
    path: Path, source_lang: str | None = None, *, domain: str | None = None
) -> ReviewSource:
    """A template's or a catalog's live entries as rows (see the module docstring)."""
    in_place = Path(path).suffix.lower() == ".po"
    # The template is only read (rows, new entries' details): no copy of a big catalog.
    job = read_catalog_source(Path(path), source_lang, in_place=in_place, domain=domain, copy=False)
    units = units_of_catalog(job.template)
    if not units:
        raise InputError(f"{path} has no entries to review")
    rows = tuple(SourceRow(f"#{number}", unit) for number, unit in enumerate(units, 1))
    template = job.template
    return ReviewSource(
        path=Path(path),
        name=Path(path).name,
        source_lang=job.source_lang,
        domain=job.domain,
        rows=rows,
        make_template=lambda: template,
        fixed_catalog=Path(path) if in_place else None,
        fixed_language=job.target,
        parsed=[job.in_place] if job.in_place is not None else [],
    )


def catalog_language(path: Path) -> str:
    """The target language of the catalog at `path`, from its header alone (fast on a big
    file): its Language, else its LANG/LC_MESSAGES/ folder; InputError when neither says."""
    data = read_input_bytes(Path(path), "catalog")
    text = decode_catalog(data, Path(path))
    head = text.split("\n\n", 1)[0]  # the header entry comes first (polib reads it so)
    po = parse_po(head + "\n", path) if 'msgid ""' in head else polib.POFile()
    return Catalog(Path(path), po, FileStamp(None)).languages(default_source="en")[1]


def open_source(
    path: Path, source_lang: str | None = None, *, domain: str | None = None
) -> ReviewSource:
    """What `workbench open PATH` reviews: a catalog or template by its suffix, else a document."""
    if is_catalog_file(path):
        return catalog_review_source(path, source_lang, domain=domain)
    return document_source(load_document(Path(path), source_lang), domain)
