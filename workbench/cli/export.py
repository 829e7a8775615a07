"""`workbench export`: the translated document, rebuilt from its catalog."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.options import domain_option, locales_option, source_option
from workbench.cli.project import from_project


@click.command()
@click.argument("document", type=click.Path(path_type=Path))
@click.option("--lang", required=True, help="Target language of the catalog to use.")
@source_option("from the file name, NAME.fr.txt")
@locales_option("--locales")
@domain_option
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=None,
    help="Output file ('-' for standard output; default NAME.LANG.txt beside the document).",
)
@click.option(
    "--approved-only",
    is_flag=True,
    help="Use only approved translations; others stay in the source language.",
)
@from_project("source", "locales", "domain")
def export(
    document: Path,
    lang: str,
    source: str | None,
    locales: Path,
    domain: str | None,
    out: Path | None,
    approved_only: bool,
) -> None:
    """Write DOCUMENT translated into LANG, with the source's paragraph layout."""
    from workbench.core.catalogs.paths import catalog_path
    from workbench.core.catalogs.pofile import load_catalog, translations
    from workbench.core.errors import InputError
    from workbench.core.languages import normalise_language
    from workbench.core.sources.document import load_document, rebuild
    from workbench.core.textio import atomic_write

    code = normalise_language(lang)
    loaded = load_document(document, source)
    path = catalog_path(locales, code, domain or loaded.name)
    if not path.exists():
        raise InputError(
            f"no {code} catalog for {document.name} at {path}; run 'workbench translate {document} --to {code}' first"
        )
    catalog = load_catalog(path)
    mapping = translations(catalog, include_fuzzy=not approved_only)
    text = rebuild(loaded, mapping)
    missing = sum(1 for segment in loaded.segments if not mapping.get(segment.text))
    fuzzy = (
        sum(1 for entry in catalog.entries() if entry.msgstr and "fuzzy" in entry.flags)
        if not approved_only
        else 0
    )
    if out is not None and str(out) == "-":
        click.echo(text, nl=False)
    else:
        target = out or loaded.path.with_name(f"{loaded.name}.{code}.txt")
        atomic_write(target, text)
        click.echo(f"wrote {target}", err=True)
    if missing or fuzzy:
        click.echo(
            f"note: {missing} segment(s) left in the source language, {fuzzy} unreviewed (fuzzy) translation(s) used",
            err=True,
        )
