"""`workbench import`: merge a catalog edited elsewhere (Poedit, by hand) back into locales/."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import click

from workbench.cli import EXIT_PROBLEMS
from workbench.cli.json_output import echo_json, json_option
from workbench.cli.options import (
    checked_domain,
    locales_option,
    memory_option,
    open_memory,
    source_option,
)
from workbench.cli.project import from_project


@click.command("import")
@click.argument("catalog", type=click.Path(path_type=Path))
@locales_option("--out", "--locales")
@click.option(
    "--domain",
    default=None,
    callback=checked_domain,
    help="Catalog name (default: the file name).",
)
@source_option("the catalog's X-Source-Language header")
@memory_option
@click.option("--no-tm", is_flag=True, help="Do not feed the translation memory.")
@click.option(
    "--theirs",
    is_flag=True,
    help="On a conflict, take the incoming translation (the local one is kept as a comment).",
)
@json_option
@from_project("locales", "tm_path")
def import_catalog(
    catalog: Path,
    locales: Path,
    domain: str | None,
    source: str | None,
    tm_path: Path | None,
    no_tm: bool,
    theirs: bool,
    as_json: bool,
) -> None:
    """Merge CATALOG into its local catalog; its approvals feed the translation memory.

    A local approved translation that differs from the incoming one is a conflict: it is
    listed, the local one is kept (unless --theirs) and the other is saved as a translator
    comment on the entry. Exits with status 1 when conflicts were left for review.
    """
    from workbench.core.catalogs.importing import apply_import, plan_import

    # Both catalogs are read and merged before the memory is opened or anything is written.
    plan = plan_import(catalog, locales=locales, domain=domain, theirs=theirs, source_lang=source)
    memory = None if no_tm else open_memory(tm_path, create=True, verify=True)
    try:
        report = apply_import(plan, memory)
    finally:
        if memory is not None:
            memory.close()

    if as_json:
        echo_json(asdict(report) | {"unresolved": len(report.unresolved)})
        if report.unresolved:
            sys.exit(EXIT_PROBLEMS)
        return
    for conflict in report.conflicts:
        kept, other = (
            (conflict.local, conflict.incoming)
            if conflict.kept == "local"
            else (conflict.incoming, conflict.local)
        )
        click.echo(
            f"conflict: {report.local}:{conflict.line}: {_short(conflict.msgid)!r}: kept "
            f"{conflict.kept} {_short(kept)!r}, the other ({_short(other)!r}) saved as a comment"
        )
    for msgid in report.unknown:
        click.echo(f"not in the local catalog (source changed?): {_short(msgid)!r}")
    parts = [f"{report.updated} updated", f"{report.unchanged} unchanged"]
    if report.suggested:
        parts.append(f"{report.suggested} drafts filled")
    parts.append(f"{len(report.conflicts)} conflicts")
    if report.unknown:
        parts.append(f"{len(report.unknown)} not in the local catalog")
    if memory is not None:
        parts.append(f"{report.remembered} new in the memory")
    target = report.local if report.written else f"{report.local} (unchanged)"
    click.echo(f"{report.incoming} -> {target}: {', '.join(parts)}")
    if report.unresolved:
        sys.exit(EXIT_PROBLEMS)


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
