"""`workbench stats [locales/]`: progress per language and document, like pocount."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from workbench.cli.json_output import echo_json, json_option
from workbench.cli.options import glossary_option, load_glossary_files, source_option
from workbench.cli.project import find_glossaries, from_project
from workbench.core.catalogs.confidence import summarize
from workbench.core.catalogs.stats import (
    CatalogStats,
    Count,
    by_language,
    collect_stats,
    language_total,
)
from workbench.core.checks import Severity

_STATES = ("approved", "fuzzy", "untranslated")


@click.command(short_help="Progress per language and document, like pocount.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@json_option
@source_option("the catalog's X-Source-Language header, else en")
@glossary_option
@from_project(paths="catalog_folders")
def stats(
    paths: tuple[Path, ...], as_json: bool, source: str | None, glossaries: tuple[Path, ...]
) -> None:
    """Segments and source words approved, fuzzy and untranslated, and problems found.

    PATHS are catalogs or folders of them (default: locales/).
    """
    glossary = load_glossary_files(find_glossaries(glossaries))
    collected = collect_stats(paths or (Path("locales"),), source_lang=source, glossary=glossary)
    grouped = by_language(collected)
    if as_json:
        report = {
            language: {
                "documents": [_stats_json(item) for item in items],
                "total": _stats_json(language_total(items)),
            }
            for language, items in grouped.items()
        }
        echo_json({"languages": report})
        return
    blocks = []
    for items in grouped.values():
        blocks.extend(_block(item) for item in items)
        if len(items) > 1:
            blocks.append(_block(language_total(items)))
    click.echo("\n\n".join(blocks))


def _stats_json(item: CatalogStats) -> dict[str, Any]:
    counts = {state: getattr(item, state) for state in (*_STATES, "total")}
    return {
        "language": item.language,
        "document": item.document,
        "path": str(item.path) if item.path else None,
        **{state: {"segments": c.segments, "words": c.words} for state, c in counts.items()},
        "obsolete": item.obsolete,
        "problems": {severity.value: item.problems.get(severity, 0) for severity in Severity},
        "percent": round(item.percent, 1),
        # Only where there are machine drafts with a recorded confidence.
        **({"confidence": summary.as_json()} if (summary := summarize(item.confidences)) else {}),
    }


def _block(item: CatalogStats) -> str:
    where = f" ({item.path})" if item.path else ""
    total = item.total
    lines = [
        f"{item.language} · {item.document}{where}",
        f"  {'':<14}{'segments':>15}{'words':>17}",
    ]
    for state in _STATES:
        count: Count = getattr(item, state)
        lines.append(
            f"  {state.capitalize() + ':':<14}"
            f"{count.segments:>8} ({_share(count.segments, total.segments)})"
            f"{count.words:>10} ({_share(count.words, total.words)})"
        )
    lines.append(f"  {'Total:':<14}{total.segments:>8}{'':7}{total.words:>10}")
    if item.obsolete:
        lines.append(f"  {'Obsolete:':<14}{item.obsolete:>8}  (not counted)")
    problems = ", ".join(f"{item.problems.get(s, 0)} {s.value}" for s in Severity)
    lines.append(f"  {'Problems:':<14}{problems}")
    if summary := summarize(item.confidences):  # the model's, over its drafts
        lines.append(f"  {'Confidence:':<14}{summary.describe()}")
    return "\n".join(lines)


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:3.0f}%" if whole else "  -%"
