"""A gettext catalog as the source of a translation job (`workbench translate FILE.pot`).

The template is a `.pot` (or a `.po` whose entries stand for one); its domain is its file
stem; its source language is `--from`, else its `X-Source-Language` header, else a `.pot`'s
`Language` header, else English, gettext's convention for msgids. With `--in-place` a `.po`
is filled where it is: its own entries are the template and its Language the only target.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from workbench.core.catalogs.entries import units_of_catalog
from workbench.core.catalogs.pofile import Catalog, load_catalog, parse_po, render
from workbench.core.errors import InputError
from workbench.core.languages import normalise_language
from workbench.core.sources.units import TranslationUnit

CATALOG_SUFFIXES = (".pot", ".po")
DEFAULT_SOURCE = "en"


def is_catalog_file(path: Path) -> bool:
    return Path(path).suffix.lower() in CATALOG_SUFFIXES


@dataclass(frozen=True)
class CatalogSource:
    """One catalog read as a template: its entries are what to translate."""

    path: Path
    template: polib.POFile  # X-Source-Language set to `source_lang`
    domain: str
    source_lang: str
    in_place: Catalog | None = None  # the .po filled where it is, with `--in-place`

    @property
    def units(self) -> list[TranslationUnit]:
        return units_of_catalog(self.template)

    @property
    def target(self) -> str | None:
        """The only target language of an in-place job."""
        return self.in_place.languages(self.source_lang)[1] if self.in_place else None


def read_catalog_source(
    path: Path,
    source: str | None = None,
    *,
    in_place: bool = False,
    domain: str | None = None,
    copy: bool = True,
) -> CatalogSource:
    """Read a template (or, `in_place`, the catalog to fill); InputError if it cannot be one.

    Without `copy` the template is the catalog as read (for a reader that never changes it:
    copying a big catalog costs a render and a second parse)."""
    path = Path(path)
    catalog = load_catalog(path)
    if in_place and path.suffix.lower() != ".po":
        raise InputError(f"--in-place fills a .po catalog; {path} is a template: drop --in-place")
    metadata = catalog.po.metadata
    header_source = metadata.get("X-Source-Language", "")
    if not header_source and path.suffix.lower() == ".pot":
        header_source = metadata.get("Language", "")
    source_lang = normalise_language(source or header_source or DEFAULT_SOURCE)
    # A copy: the merge rebuilds entries, and an in-place catalog is also the existing one.
    template = parse_po(render(catalog.po), path) if copy else catalog.po
    if copy or not in_place:  # an uncopied in-place template is the catalog: its header stays
        template.metadata["X-Source-Language"] = source_lang
    return CatalogSource(
        path=path,
        template=template,
        domain=domain or path.stem,
        source_lang=source_lang,
        in_place=catalog if in_place else None,
    )
