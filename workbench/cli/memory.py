"""`workbench tm`: the translation memory: add catalogs, import/export TMX, look up, count."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import click

from workbench.cli import EXIT_PROBLEMS
from workbench.cli.json_output import echo_json, json_option
from workbench.cli.options import memory_option, open_memory
from workbench.cli.project import from_project


@click.group()
def tm() -> None:
    """The translation memory: approved translations, reused before machine translation."""


@tm.command("add")
@click.argument("catalogs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--from",
    "source",
    default=None,
    help="Source language (default: the catalog's X-Source-Language header).",
)
@memory_option
@json_option
@from_project("tm_path")
def add(
    catalogs: tuple[Path, ...], source: str | None, tm_path: Path | None, as_json: bool
) -> None:
    """Store the approved entries of CATALOGS (PO files) in the memory."""
    from workbench.core.memory import catalog_units

    report = []
    # Every catalog is read before anything is stored: a broken one stops the run cleanly.
    read = [(path, catalog_units(path, source)) for path in catalogs]
    with open_memory(tm_path, create=True, verify=True) as memory:
        for path, units in read:
            added = memory.add_many(units)
            report.append({"path": path, "approved": len(units), "added": added})
            if not as_json:
                click.echo(f"{path}: {len(units)} approved, {added} new in the memory")
        if as_json:
            echo_json({"catalogs": report, "memory": memory.path, "units": len(memory)})
        else:
            click.echo(f"memory: {memory.path} ({len(memory)} units)")


@tm.command("import")
@click.argument("tmx_file", type=click.Path(path_type=Path))
@memory_option
@json_option
@from_project("tm_path")
def import_tmx(tmx_file: Path, tm_path: Path | None, as_json: bool) -> None:
    """Store the translation units of a TMX file (OmegaT, Trados, Translate Toolkit...)."""
    from workbench.core.memory.tmx import read_tmx

    units = read_tmx(tmx_file)
    with open_memory(tm_path, create=True, verify=True) as memory:
        added = memory.add_many(units)
    if as_json:
        echo_json({"file": tmx_file, "units": len(units), "added": added, "memory": memory.path})
    else:
        click.echo(
            f"{tmx_file}: {len(units)} units, {added} new in the memory, "
            f"{len(units) - added} already there or empty"
        )


@tm.command("export")
@click.argument("tmx_file", type=click.Path(path_type=Path))
@click.option("--from", "source", required=True, help="Source language, e.g. fr.")
@click.option("--to", "target", required=True, help="Target language, e.g. en.")
@memory_option
@json_option
@from_project("tm_path")
def export_tmx(
    tmx_file: Path, source: str, target: str, tm_path: Path | None, as_json: bool
) -> None:
    """Write the memory's SOURCE→TARGET units to a TMX 1.4b file."""
    from workbench.core.errors import InputError
    from workbench.core.languages import normalise_language
    from workbench.core.memory.tmx import write_tmx

    source_code, target_code = normalise_language(source), normalise_language(target)
    with open_memory(tm_path, create=False) as memory:
        units = list(memory.units(source_code, target_code))
    if not units:
        raise InputError(f"the memory holds no {source_code}→{target_code} units; nothing written")
    written = write_tmx(tmx_file, units, source_code)
    left_out = len(units) - written
    if as_json:
        echo_json(
            {"file": tmx_file, "source": source_code, "target": target_code}
            | {"written": written, "left_out": left_out}
        )
        return
    note = f" ({left_out} left out: control characters XML cannot hold)" if left_out else ""
    click.echo(f"{tmx_file}: {written} {source_code}→{target_code} units{note}")


@tm.command("lookup")
@click.argument("text")
@click.option("--from", "source", required=True, help="Source language, e.g. fr.")
@click.option("--to", "target", required=True, help="Target language, e.g. en.")
@click.option(
    "--threshold",
    type=click.IntRange(1, 100),
    default=75,
    show_default=True,
    help="Lowest fuzzy match, in percent.",
)
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option(
    "--context",
    default=None,
    help="The msgctxt TEXT has; an exact match needs the same (the same text under another "
    "context is a 99% match).",
)
@memory_option
@json_option
@from_project("tm_path")
def lookup(
    text: str,
    source: str,
    target: str,
    threshold: int,
    limit: int,
    context: str | None,
    tm_path: Path | None,
    as_json: bool,
) -> None:
    """Show the memory's matches for TEXT, best first; exit 1 if there is none."""
    with open_memory(tm_path, create=False) as memory:
        matches = memory.lookup(
            text, source, target, threshold=threshold / 100, limit=limit, context=context
        )
    if as_json:
        echo_json({"matches": [asdict(match) | {"percent": match.percent} for match in matches]})
        if not matches:
            sys.exit(EXIT_PROBLEMS)
        return
    if not matches:
        click.echo(f"no match at or above {threshold}%")
        sys.exit(EXIT_PROBLEMS)
    for match in matches:
        where = ", ".join(
            part
            for part in (
                match.origin,
                match.document,
                match.created_at.strftime("%Y-%m-%d"),
                match.created_by,
            )
            if part
        )
        click.echo(f"{match.percent:>3}%  {match.target}")
        if match.context_differs:
            click.echo(f"      context: {match.context or '(none)'}, not {context or '(none)'}")
        elif match.percent < 100:
            click.echo(f"      source: {match.source}")
        click.echo(f"      ({where})")


@tm.command("stats")
@memory_option
@json_option
@from_project("tm_path")
def stats(tm_path: Path | None, as_json: bool) -> None:
    """Units per language pair, and where the memory is."""
    with open_memory(tm_path, create=False) as memory:
        counts = memory.stats()
        total = len(memory)
        path = memory.path
    if as_json:
        echo_json({"memory": path, "units": total, "pairs": counts})
        return
    click.echo(f"{path}: {total} units")
    for count in counts:
        click.echo(
            f"  {count.source_lang}→{count.target_lang}: {count.units} units, "
            f"last added {count.latest:%Y-%m-%d %H:%M} UTC"
        )
