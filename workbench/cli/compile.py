"""`workbench compile [locales/]`: a .mo file next to every .po, fuzzy entries left out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from workbench.cli import EXIT_PROBLEMS, fail
from workbench.cli.json_output import echo_json, json_option
from workbench.cli.project import from_project
from workbench.core.catalogs.compile import CatalogRejectedError, CompiledCatalog
from workbench.core.catalogs.compile import compile_catalogs as compile_all


@click.command("compile", short_help="Write a .mo file next to each .po catalog.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Write nothing; exit 1 if a .mo file is missing or does not match its catalog.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Write the .mo files even when a catalog has errors msgfmt -c calls fatal.",
)
@json_option
@from_project(paths="catalog_folders")
def compile_catalogs(paths: tuple[Path, ...], check_only: bool, force: bool, as_json: bool) -> None:
    """Compile the catalogs in PATHS (default: locales/) into .mo files for gettext.

    A catalog that msgfmt -c would refuse (bad plural forms, format strings, header) stops the
    command with exit status 1 and nothing written, unless --force.
    """
    try:
        compiled = compile_all(paths or (Path("locales"),), write=not check_only, force=force)
    except CatalogRejectedError as error:
        fail(str(error), EXIT_PROBLEMS)
    if as_json:
        echo_json({"catalogs": [_item_json(item) for item in compiled], "written": not check_only})
        if check_only and not all(item.up_to_date for item in compiled):
            sys.exit(EXIT_PROBLEMS)
        return
    if check_only:
        stale = [item for item in compiled if not item.up_to_date]
        for item in compiled:
            state = "up to date" if item.up_to_date else "out of date"
            click.echo(f"{item.mo_path}: {state} ({item.summary})")
        if stale:
            click.echo(
                f"{len(stale)} of {len(compiled)} .mo files out of date; run 'workbench compile'"
            )
            sys.exit(EXIT_PROBLEMS)
        return
    for item in compiled:
        click.echo(f"{item.po_path} -> {item.mo_path.name}: {item.summary}")


def _item_json(item: CompiledCatalog) -> dict[str, Any]:
    return {
        "po": item.po_path,
        "mo": item.mo_path,
        "messages": item.messages,
        "fuzzy": item.fuzzy,
        "untranslated": item.untranslated,
        "up_to_date": item.up_to_date,
    }
