"""`workbench compile [locales/]`: a .mo file next to every .po, fuzzy entries left out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workbench.cli import EXIT_PROBLEMS, fail
from workbench.core.compile import CatalogRejectedError
from workbench.core.compile import compile_catalogs as compile_all


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
def compile_catalogs(paths: tuple[Path, ...], check_only: bool, force: bool) -> None:
    """Compile the catalogs in PATHS (default: locales/) into .mo files for gettext.

    A catalog that msgfmt -c would refuse (bad plural forms, format strings, header) stops the
    command with exit status 1 and nothing written, unless --force.
    """
    try:
        compiled = compile_all(paths or (Path("locales"),), write=not check_only, force=force)
    except CatalogRejectedError as error:
        fail(str(error), EXIT_PROBLEMS)
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
