"""`workbench glossary`: check catalogs against term bases, import spreadsheets, look terms up.

    workbench glossary check locales/az/LC_MESSAGES/azertac.po --glossary glossaries/azertac.tbx
    workbench glossary import terms.csv --out glossaries/terms.tbx
    workbench glossary show Aliyev

Without --glossary, the project file's term bases are used, else ./glossaries/*.tbx (the same
search as `workbench check` and `workbench stats`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from workbench.cli import EXIT_PROBLEMS
from workbench.cli.json_output import echo_json, json_option
from workbench.cli.project import find_glossaries, from_project
from workbench.core.catalogs.entries import entry_forms
from workbench.core.catalogs.paths import find_catalogs
from workbench.core.catalogs.pofile import Catalog, load_catalog
from workbench.core.errors import InputError
from workbench.core.glossary import (
    Glossary,
    TermStatus,
    load_glossaries,
    load_glossary,
    save_glossary,
)
from workbench.core.glossary.check import TermChecker, TermProblem

EXCERPT_WIDTH = 60

glossary_paths = click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Term base (TBX or CSV/TSV); repeatable. Default: workbench.toml's, else glossaries/*.tbx.",
)  # like options.glossary_option, but with a default: checking needs some glossary


@click.group()
def glossary() -> None:
    """Term bases: check translations against them, import and show them."""


@dataclass
class _EntryReport:
    line: int
    msgid: str
    msgctxt: str | None
    problems: list[TermProblem]


@dataclass
class _CatalogReport:
    path: Path
    source: str
    target: str
    checked: int = 0
    entries: list[_EntryReport] = field(default_factory=list)


@glossary.command()
@click.argument("catalogs", nargs=-1, type=click.Path(path_type=Path))
@glossary_paths
@click.option(
    "--from",
    "source",
    default=None,
    help="Source language (default: the catalog's X-Source-Language header).",
)
@json_option
@from_project(catalogs="catalog_folders")
def check(
    catalogs: tuple[Path, ...], glossaries: tuple[Path, ...], source: str | None, as_json: bool
) -> None:
    """Report missing preferred terms and deprecated terms in CATALOG files (or folders).

    Exit status 1 when any translated entry has a glossary problem, 0 when all are clean.
    """
    if not catalogs:
        raise click.UsageError("give at least one catalog or folder, e.g. locales/")
    term_base = _glossary(glossaries)
    paths = find_catalogs(catalogs)
    reports = [_check_catalog(load_catalog(path), term_base, source) for path in paths]
    problems = sum(len(entry.problems) for report in reports for entry in report.entries)
    if as_json:
        echo_json(_json_report(reports))
    else:
        _print_report(reports)
    if problems:
        sys.exit(EXIT_PROBLEMS)


def _check_catalog(catalog: Catalog, term_base: Glossary, source: str | None) -> _CatalogReport:
    source_lang, target_lang = catalog.languages(source)
    checker = TermChecker(term_base, source_lang, target_lang)
    report = _CatalogReport(catalog.path, source_lang, target_lang)
    for entry in catalog.entries():
        pairs = [(source, target) for _, source, target in entry_forms(entry) if target]
        if not pairs:
            continue
        report.checked += 1
        problems = [
            problem for text, translation in pairs for problem in checker.check(text, translation)
        ]
        if problems:
            report.entries.append(_EntryReport(entry.linenum, entry.msgid, entry.msgctxt, problems))
    return report


def _print_report(reports: list[_CatalogReport]) -> None:
    checked = sum(report.checked for report in reports)
    problems = 0
    entries = 0
    for report in reports:
        for entry in report.entries:
            entries += 1
            click.echo(f"{report.path}:{entry.line}: {_excerpt(entry.msgid)}")
            for problem in entry.problems:
                problems += 1
                click.echo(f"  {problem.kind}: {problem.message}")
    if problems:
        click.echo(
            f"{problems} glossary problem{'s' * (problems != 1)} in {entries} of {checked} "
            f"translated entries"
        )
    else:
        click.echo(f"no glossary problems in {checked} translated entries")


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_WIDTH else flat[: EXCERPT_WIDTH - 1] + "…"


def _json_report(reports: list[_CatalogReport]) -> dict[str, Any]:
    catalogs = []
    for report in reports:
        catalogs.append(
            {
                "path": str(report.path),
                "source_language": report.source,
                "target_language": report.target,
                "checked": report.checked,
                "entries": [
                    {
                        "line": entry.line,
                        "msgctxt": entry.msgctxt,
                        "msgid": entry.msgid,
                        "problems": [_problem_json(problem) for problem in entry.problems],
                    }
                    for entry in report.entries
                ],
            }
        )
    problems = [p for report in reports for entry in report.entries for p in entry.problems]
    return {
        "catalogs": catalogs,
        "summary": {
            "checked": sum(report.checked for report in reports),
            "entries_with_problems": sum(len(report.entries) for report in reports),
            "problems": len(problems),
            "missing": sum(1 for p in problems if p.kind == "missing"),
            "deprecated": sum(1 for p in problems if p.kind == "deprecated"),
        },
    }


def _problem_json(problem: TermProblem) -> dict[str, Any]:
    return {
        "kind": problem.kind,
        "concept": problem.concept_id,
        "source_term": problem.source_term,
        "expected": problem.expected,
        "found": problem.found,
        "required": problem.required,
        "present": problem.present,
        "message": problem.message,
    }


@glossary.command(name="import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--out", "out", required=True, type=click.Path(path_type=Path), help="The TBX file to write."
)
def import_glossary(source: Path, out: Path) -> None:
    """Convert a CSV/TSV (or TBX) glossary into TBX.

    CSV: one column per language code (fr,en,az); `|` separates variants, the first one
    preferred; optional columns LANG:deprecated, LANG:admitted, id, note, subject,
    definition, part of speech.
    """
    term_base = load_glossary(source)
    if not term_base.concepts:
        raise InputError(f"{source} holds no terms; nothing to import")
    save_glossary(term_base, out)
    click.echo(
        f"wrote {len(term_base)} concepts ({term_base.term_count} terms, "
        f"{', '.join(term_base.languages)}) to {out}"
    )


@glossary.command()
@click.argument("term", required=False)
@glossary_paths
def show(term: str | None, glossaries: tuple[Path, ...]) -> None:
    """Show the concepts and terms, or only those with a term containing TERM."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    term_base = _glossary(glossaries)
    concepts = term_base.search(term) if term else list(term_base.concepts)
    if not concepts:
        click.echo(f"no concept has a term containing '{term}'", err=True)
        return
    languages = list(dict.fromkeys(lang for concept in concepts for lang in concept.languages))
    table = Table(show_lines=True)
    table.add_column("concept", overflow="fold")
    for lang in languages:
        table.add_column(lang)
    for concept in concepts:
        cells = [Text(concept.id)]
        for lang in languages:
            labels = (_term_label(t.text, t.status) for t in concept.terms_in(lang))
            cells.append(Text("\n".join(labels)))  # Text: no rich markup in terms
        table.add_row(*cells)
    Console(highlight=False).print(table)
    click.echo("(admitted: also allowed; ✗ deprecated: must not be used)")


def _term_label(text: str, status: TermStatus) -> str:
    if status is TermStatus.DEPRECATED:
        return f"✗ {text}"
    if status is TermStatus.ADMITTED:
        return f"{text} (admitted)"
    return text


def _glossary(paths: tuple[Path, ...]) -> Glossary:
    found = find_glossaries(paths)
    if not found:
        raise InputError(
            "no glossary given, none in workbench.toml and none in glossaries/; pass --glossary PATH (TBX or CSV)"
        )
    return load_glossaries(list(found))
