"""`workbench align`: pair a document's sentences with its existing translation's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from workbench.cli.json_output import echo_json, json_option
from workbench.cli.options import memory_option, open_memory
from workbench.cli.project import project_memory

ALIGNED_BY = "workbench align"


@click.command()
@click.argument("source_file", type=click.Path(path_type=Path))
@click.argument("target_file", type=click.Path(path_type=Path))
@click.option("--from", "source", default=None, help="Source language (default: from the name).")
@click.option("--to", "target", default=None, help="Target language (default: from the name).")
@memory_option
@click.option(
    "--tmx",
    "tmx_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the pairs to this TMX file (with --tmx alone, the memory is not touched).",
)
@click.option(
    "--no-mt",
    is_flag=True,
    help="Align on sentence lengths and shared names/numbers only; needs no model.",
)
@click.option("--offline", is_flag=True, help="Never download models; fail if a route is missing.")
@click.option(
    "--keep-doubtful", is_flag=True, help="Store doubtful pairs too (default: only list them)."
)
@click.option(
    "--review", is_flag=True, help="List every pair with its score, not only doubtful ones."
)
@json_option
def align(
    source_file: Path,
    target_file: Path,
    source: str | None,
    target: str | None,
    tm_path: Path | None,
    tmx_path: Path | None,
    no_mt: bool,
    offline: bool,
    keep_doubtful: bool,
    review: bool,
    as_json: bool,
) -> None:
    """Align SOURCE_FILE with its translation TARGET_FILE and store the sentence pairs.

    The source is machine translated and compared with the translation (the MT is only a
    bridge: the stored pairs hold the human translation). Pairs that are 1-0, 0-1 or score
    low are doubtful: they are listed for review and not stored unless --keep-doubtful.
    """
    from workbench.core.errors import InputError
    from workbench.core.sources.document import load_document

    source_doc = load_document(source_file, source)
    target_doc = load_document(target_file, target)
    if source_doc.lang == target_doc.lang:
        raise InputError(
            f"both documents are in '{source_doc.lang}'; name them NAME.fr.txt and NAME.en.txt "
            f"or pass --from and --to"
        )
    from workbench.core.memory import ORIGIN_ALIGNMENT, MemoryUnit
    from workbench.core.memory.align import align_documents

    sources = [segment.text for segment in source_doc.segments]
    targets = [segment.text for segment in target_doc.segments]
    bridge = None if no_mt else _bridge(sources, source_doc.lang, target_doc.lang, offline)
    pairs = align_documents(sources, targets, bridge=bridge)

    kinds: dict[str, int] = {}
    for pair in pairs:
        kinds[pair.kind] = kinds.get(pair.kind, 0) + 1
    doubtful = [pair for pair in pairs if pair.doubtful]
    shapes = ", ".join(f"{kind}: {count}" for kind, count in sorted(kinds.items()))
    method = "lengths only" if bridge is None else "MT bridge"
    say = _quiet if as_json else click.echo
    say(
        f"aligned {len(sources)} source and {len(targets)} target sentences ({method}): "
        f"{len(pairs)} pairs ({shapes}), {len(doubtful)} doubtful"
    )
    for pair in () if as_json else pairs if review else doubtful:
        _print_pair(pair, source_doc, target_doc)
    report: dict[str, Any] = {
        "source_sentences": len(sources),
        "target_sentences": len(targets),
        "method": method,
        "kinds": kinds,
        "pairs": [_pair_json(pair, source_doc, target_doc) for pair in pairs],
    }

    units = [
        MemoryUnit(
            pair.source,
            pair.target,
            source_doc.lang,
            target_doc.lang,
            ORIGIN_ALIGNMENT,
            source_doc.name,
            None,
            ALIGNED_BY,
        )
        for pair in pairs
        if pair.is_pair and (keep_doubtful or not pair.doubtful)
    ]
    if tm_path is None and tmx_path is not None:
        _write_pairs(tmx_path, units, source_doc.lang, report, say)
    else:
        # A damaged, locked or read-only memory fails before the TMX file is written.
        with open_memory(tm_path or project_memory(), create=True, verify=True) as memory:
            memory.check_writable()
            if tmx_path is not None:
                _write_pairs(tmx_path, units, source_doc.lang, report, say)
            added = memory.add_many(units)
            report["memory"] = {"path": memory.path, "added": added}
            say(f"memory {memory.path}: {added} new pairs ({len(units) - added} already there)")
    if as_json:
        echo_json(report)


def _write_pairs(
    tmx_path: Path,
    units: list[Any],
    source_lang: str,
    report: dict[str, Any],
    say: Callable[[str], None],
) -> None:
    from workbench.core.memory.tmx import write_tmx

    written = write_tmx(tmx_path, units, source_lang)
    report["tmx"] = {"path": tmx_path, "written": written}
    say(f"{tmx_path}: {written} pairs")


def _quiet(message: str) -> None:
    """With --json, the text lines are left out."""


def _pair_json(pair: Any, source_doc: Any, target_doc: Any) -> dict[str, Any]:
    return {
        "kind": pair.kind,
        "score": round(pair.score, 4),
        "doubtful": pair.doubtful,
        "source_ids": [source_doc.segments[i].id for i in pair.source_indices],
        "target_ids": [target_doc.segments[j].id for j in pair.target_indices],
        "source": pair.source,
        "target": pair.target,
    }


def _bridge(sentences: list[str], source: str, target: str, offline: bool) -> list[str]:
    """The machine translation of every source sentence, best hypothesis only."""
    from workbench.cli.progress import segment_progress
    from workbench.core.engines.argos import open_engine

    engine = open_engine(source, target, install_missing=not offline)
    with segment_progress() as bar:
        task = bar.add_task(f"{source}→{target} (bridge)", total=len(sentences)) if bar else None

        def advance(count: int) -> None:
            if bar is not None and task is not None:
                bar.advance(task, count)

        hypotheses = engine.translate_batch(sentences, n_best=1, progress=advance)
    return [found[0].text if found else "" for found in hypotheses]


def _print_pair(pair: Any, source_doc: Any, target_doc: Any) -> None:
    source_ids = " ".join(source_doc.segments[i].id for i in pair.source_indices) or "-"
    target_ids = " ".join(target_doc.segments[j].id for j in pair.target_indices) or "-"
    mark = "?" if pair.doubtful else " "
    click.echo(f"{mark} {pair.kind} score {pair.score:.2f}  {source_ids} → {target_ids}")
    click.echo(f"    {source_doc.lang}: {pair.source or '(nothing)'}")
    click.echo(f"    {target_doc.lang}: {pair.target or '(nothing)'}")
