"""`workbench check CATALOG...`: QA checks on translated catalogs, like pofilter and msgfmt -c.

Exit status 1 when any problem is critical (the translation says something else or would
break a program, or msgfmt -c would refuse the catalog), 0 otherwise; 2 when a catalog cannot
be read.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click

from workbench.cli import EXIT_PROBLEMS
from workbench.cli.json_output import echo_json, json_option
from workbench.cli.options import glossary_option, load_glossary_files, source_option
from workbench.cli.project import find_glossaries, from_project
from workbench.core.catalogs.paths import find_catalogs
from workbench.core.catalogs.pofile import Catalog, load_catalog
from workbench.core.checks import (
    CATALOG_CHECKS,
    CHECKS,
    EntryProblems,
    Problem,
    Severity,
    catalog_languages,
    check_loaded_catalog,
    select_checks,
)

EXCERPT_WIDTH = 60


@click.command(short_help="QA checks on translated catalogs, like pofilter.")
@click.argument("catalogs", nargs=-1, type=click.Path(path_type=Path))
@json_option
@click.option(
    "--only",
    "only",
    multiple=True,
    metavar="NAMES",
    help="Run only these checks (comma separated, repeatable); see --list.",
)
@click.option("--list", "list_checks", is_flag=True, help="List the checks and exit.")
@glossary_option
@source_option("the catalog's X-Source-Language header, else en")
@from_project(catalogs="catalog_folders")
def check(
    catalogs: tuple[Path, ...],
    as_json: bool,
    only: tuple[str, ...],
    list_checks: bool,
    glossaries: tuple[Path, ...],
    source: str | None,
) -> None:
    """Check translations in CATALOG files (or folders of them) for problems."""
    if list_checks:
        _print_checks(as_json)
        return
    if not catalogs:
        raise click.UsageError("give at least one catalog or folder, e.g. workbench check locales/")
    names = _parse_only(only)
    select_checks(names)
    glossary = load_glossary_files(find_glossaries(glossaries))
    loaded = [load_catalog(path) for path in find_catalogs(catalogs)]
    results = [
        (
            catalog,
            check_loaded_catalog(catalog, source_lang=source, only=names, glossary=glossary),
        )
        for catalog in loaded
    ]
    report = _report(results, source)
    if as_json:
        echo_json(report)
    else:
        _print_report(results, report["summary"])
    # a glossary problem fails here as it does in `workbench glossary check`
    if report["summary"]["critical"] or _has_glossary_problem(results):
        sys.exit(EXIT_PROBLEMS)


def _has_glossary_problem(results: list[tuple[Catalog, list[EntryProblems]]]) -> bool:
    return any(
        problem.check == "glossary"
        for _, entries in results
        for entry in entries
        for problem in entry.problems
    )


def _parse_only(only: tuple[str, ...]) -> list[str] | None:
    names = [name.strip() for value in only for name in value.split(",") if name.strip()]
    return names or None


def _all_checks() -> list[tuple[str, str, str]]:
    """(name, severity, title) of every entry check, then every catalog check."""
    return [
        *((c.name, c.severity.value, c.title) for c in CHECKS.values()),
        *((c.name, c.severity.value, c.title) for c in CATALOG_CHECKS.values()),
    ]


def _print_checks(as_json: bool) -> None:
    listing = _all_checks()
    if as_json:
        rows = [
            {"name": name, "severity": severity, "title": title}
            for name, severity, title in listing
        ]
        echo_json(rows)
        return
    width = max(len(name) for name, _, _ in listing)
    for name, severity, title in listing:
        click.echo(f"{name:<{width}}  {severity:<10}  {title}")


def _report(
    results: list[tuple[Catalog, list[EntryProblems]]], source: str | None
) -> dict[str, Any]:
    severities: Counter[str] = Counter()
    catalogs = []
    checked = 0
    for catalog, entries in results:
        source_lang, target_lang = catalog_languages(catalog, source)
        live = sum(1 for entry in catalog.entries() if entry.msgid)
        checked += live
        for entry in entries:
            severities.update(problem.severity.value for problem in entry.problems)
        catalogs.append(
            {
                "path": str(catalog.path),
                "source_language": source_lang,
                "language": target_lang,
                "entries_checked": live,
                "entries": [_entry_json(entry) for entry in entries],
            }
        )
    summary = {
        "catalogs": len(results),
        "entries_checked": checked,
        "entries_with_problems": sum(len(entries) for _, entries in results),
        "problems": sum(severities.values()),
        **{severity.value: severities[severity.value] for severity in Severity},
    }
    return {"catalogs": catalogs, "summary": summary}


def _entry_json(entry: EntryProblems) -> dict[str, Any]:
    return {
        "line": entry.line,
        "msgctxt": entry.msgctxt,
        "msgid": entry.msgid,
        "msgstr": entry.msgstr,
        "fuzzy": entry.fuzzy,
        "problems": [
            {"check": p.check, "severity": p.severity.value, "message": p.message}
            for p in _by_severity(entry)
        ],
    }


def _by_severity(entry: EntryProblems) -> list[Problem]:
    return sorted(entry.problems, key=lambda problem: problem.severity.rank)


def _print_report(
    results: list[tuple[Catalog, list[EntryProblems]]], summary: dict[str, Any]
) -> None:
    name_width = max(len(name) for name, _, _ in _all_checks())
    for _catalog, entries in results:
        for entry in entries:
            fuzzy = "  [fuzzy]" if entry.fuzzy else ""
            what = _excerpt(entry.msgid) if entry.msgid else "(header)"
            click.echo(f"{entry.path}:{entry.line}: {what}{fuzzy}")
            for problem in _by_severity(entry):
                click.echo(
                    f"  {problem.severity.value:<10}  {problem.check:<{name_width}}  {problem.message}"
                )
    click.echo(_summary_line(summary))


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > EXCERPT_WIDTH:
        flat = flat[: EXCERPT_WIDTH - 1].rstrip() + "…"
    return f'"{flat}"'


def _summary_line(summary: dict[str, Any]) -> str:
    catalogs = f"{summary['catalogs']} catalog{'s' if summary['catalogs'] != 1 else ''}"
    entries_checked = summary["entries_checked"]
    checked = (
        f"{entries_checked} entr{'ies' if entries_checked != 1 else 'y'} checked in {catalogs}"
    )
    if not summary["problems"]:
        return f"no problems: {checked}"
    counts = ", ".join(f"{summary[s.value]} {s.value}" for s in Severity if summary[s.value])
    problems, entries = summary["problems"], summary["entries_with_problems"]
    return (
        f"{problems} problem{'s' if problems != 1 else ''} "
        f"in {entries} entr{'ies' if entries != 1 else 'y'} ({counts}); {checked}"
    )
