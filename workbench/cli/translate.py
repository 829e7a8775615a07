"""`workbench translate`: documents or gettext templates in, a catalog per target language out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from workbench.cli.cluster import cluster_options, finish_cluster, open_cluster
from workbench.cli.json_output import echo_json, json_option
from workbench.cli.options import (
    decoding_options,
    domain_option,
    glossary_option,
    load_glossary_files,
    locales_option,
    make_decoding,
    memory_option,
    open_memory,
    parse_languages,
    source_option,
)
from workbench.cli.progress import download_progress, download_reporter, segment_progress
from workbench.cli.project import MISSING, from_project


@click.command()
@click.argument("documents", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--to",
    "targets",
    default=None,
    help="Target languages, comma separated: en,az (with --in-place: the catalog's own).",
)
@source_option(
    "from the file name, NAME.fr.txt; for a catalog its X-Source-Language header, else en"
)
@locales_option("--out", "--locales")
@domain_option
@click.option(
    "--in-place",
    is_flag=True,
    help="Fill the empty entries of the .po catalogs given, where they are.",
)
@click.option(
    "--no-mt", is_flag=True, help="Write catalogs with empty translations; needs no model."
)
@glossary_option
@memory_option
@click.option("--no-tm", is_flag=True, help="Do not consult the translation memory.")
@click.option(
    "--trust-exact",
    is_flag=True,
    help="Approve exact memory matches instead of leaving them fuzzy.",
)
@click.option("--offline", is_flag=True, help="Never download models; fail if a route is missing.")
@click.option("--translator", default=None, help="Last-Translator header for new catalogs.")
@decoding_options
@cluster_options
@json_option
@from_project(
    "documents",
    "targets",
    "source",
    "locales",
    "domain",
    "glossaries",
    "tm_path",
    "translator",
    "cluster",
    "actors",
    "actor_threads",
    required=("documents",),  # targets: not with --in-place, which fills each catalog's own
)
def translate(
    documents: tuple[Path, ...],
    targets: str | None,
    source: str | None,
    locales: Path,
    domain: str | None,
    in_place: bool,
    no_mt: bool,
    glossaries: tuple[Path, ...],
    tm_path: Path | None,
    no_tm: bool,
    trust_exact: bool,
    offline: bool,
    translator: str | None,
    n_best: int,
    beam: int,
    batch_size: int,
    threads: int,
    max_length: int,
    compute_type: str,
    cluster: str | None,
    actors: int | None,
    actor_threads: int | None,
    as_json: bool,
) -> None:
    """Machine-translate DOCUMENTS (segmented into sentences) or gettext templates (.pot/.po)
    and write LOCALES/<lang>/LC_MESSAGES/<domain>.po."""
    from workbench.core import catalogs
    from workbench.core.catalogs.source import is_catalog_file
    from workbench.core.errors import InputError
    from workbench.core.pipeline import PipelineOptions, source_language
    from workbench.core.sources.document import load_document
    from workbench.core.textio import check_writable_dir

    kinds = {is_catalog_file(path) for path in documents}
    if len(kinds) > 1:
        raise InputError(
            "give either documents or catalogs (.pot/.po), not both: translate them in two runs"
        )
    if in_place and kinds != {True}:
        raise InputError("--in-place fills .po catalogs; give the .po files to fill")
    if targets is None and not in_place:
        raise InputError(MISSING["targets"])
    options = PipelineOptions(
        n_best=n_best,
        use_mt=not no_mt,
        install_missing=not offline,
        trust_exact=trust_exact,
        decoding=make_decoding(beam, batch_size, threads, max_length, compute_type),
    )
    cluster_session = open_cluster(cluster, actors, actor_threads, locales)
    if kinds == {True}:
        from workbench.cli.translate_catalogs import translate_catalogs

        translate_catalogs(
            list(documents),
            parse_languages(targets) if targets else [],
            source=source,
            locales=locales,
            domain=domain,
            in_place=in_place,
            options=options,
            glossaries=glossaries,
            open_tm=None if no_tm else lambda: open_memory(tm_path, create=True),
            translator=translator,
            as_json=as_json,
            cluster_session=cluster_session,
        )
        return

    assert targets is not None
    languages = parse_languages(targets)
    loaded = [load_document(path, source) for path in documents]
    source_lang = source_language(loaded)
    groups: dict[str, list[Any]] = defaultdict(list)
    for document in loaded:
        groups[domain or document.name].append(document)
    for lang in languages:
        check_writable_dir(catalogs.catalog_path(locales, lang, "x").parent)
    # Reading the catalogs first finds a broken one before any translation, and what people
    # already approved or edited there needs no machine translation.
    settled = {
        name: {
            lang: catalogs.settled_msgids(catalogs.catalog_path(locales, lang, name))
            for lang in languages
        }
        for name in groups
    }

    glossary = load_glossary_files(glossaries)
    engines = open_with_downloads(source_lang, languages, options, cluster_session)
    memory = None if no_tm else open_memory(tm_path, create=True)  # created once a route exists

    try:
        if memory is not None:
            feed_memory(memory, locales, languages, source_lang)
        # One pipeline run for every document, so each leg batches all their sentences together.
        result = _run(
            loaded,
            languages,
            options,
            engines,
            glossary,
            memory,
            _settled_everywhere(groups, settled),
        )
        reports = []
        for name, documents_of_domain in groups.items():
            template = catalogs.build_template(documents_of_domain, name)
            plans = [
                catalogs.plan_catalog(
                    locales, name, lang, template, result.drafts[lang], translator=translator
                )
                for lang in languages
            ]
            catalogs.write_plans(plans, template, catalogs.template_path(locales, name))
            summaries = [(lang, plan.summary) for lang, plan in zip(languages, plans, strict=True)]
            reports.append((name, catalogs.template_path(locales, name), summaries))
        finish_cluster(cluster_session, quiet=as_json)
        print_summary(reports, result.counts, languages, as_json)
    finally:
        if memory is not None:
            memory.close()


def open_with_downloads(
    source_lang: str, languages: list[str], options: Any, cluster_session: Any = None
) -> Any:
    """The engines of every target, downloading missing models with a progress bar; in cluster
    mode, engines whose batches run on the cluster's actors."""
    from workbench.core.pipeline import open_engines

    with download_progress() as downloads:
        factory = _factory_with_downloads(downloads)
        if cluster_session is not None:
            factory = cluster_session.distribute_factory(factory)
        return open_engines(source_lang, languages, options, factory)


def _run(
    documents: list[Any],
    languages: list[str],
    options: Any,
    engines: Any,
    glossary: Any,
    memory: Any,
    settled: dict[str, set[str]],
) -> Any:
    from workbench.core.pipeline import translate_documents

    with progress_reporter() as on_progress:
        return translate_documents(
            documents,
            languages,
            options=options,
            engines=engines,
            glossary=glossary,
            memory=memory,
            settled=settled,
            on_progress=on_progress,
        )


@contextmanager
def progress_reporter(unit: str = "seg") -> Iterator[Callable[[Any], None]]:
    """A pipeline progress callback that draws a bar per target on a terminal (`unit`: what
    the rate counts, "seg" for a document's segments, "str" for a catalog's strings)."""
    with segment_progress(unit) as bar:
        tasks: dict[str, Any] = {}

        def on_progress(report: Any) -> None:
            if bar is None:
                return
            if report.target not in tasks:
                tasks[report.target] = bar.add_task(f"{report.stage}", total=report.total)
            bar.update(
                tasks[report.target],
                completed=report.done,
                total=report.total,
                description=report.stage,
            )

        yield on_progress


def _factory_with_downloads(bar: Any) -> Any:
    from workbench.core.engines.argos import open_engine

    def factory(source: str, target: str, decoding: Any, *, install_missing: bool) -> Any:
        return open_engine(
            source,
            target,
            decoding,
            install_missing=install_missing,
            on_install=lambda pairs: download_reporter(bar),
        )

    return factory


def feed_memory(memory: Any, locales: Path, languages: list[str], source_lang: str) -> None:
    """What translators approved in any catalog of these languages since the last run."""
    from workbench.core.errors import WorkbenchError

    for lang in languages:
        for path in sorted((locales / lang / "LC_MESSAGES").glob("*.po")):
            try:
                # Another document's catalog may come from another language: its header decides.
                memory.add_catalog(path, default_source=source_lang)
            except WorkbenchError as error:  # another document's catalog must not stop this job
                click.echo(f"warning: {path} not added to the memory: {error}", err=True)


def _settled_everywhere(
    groups: dict[str, list[Any]], settled: dict[str, dict[str, set[str]]]
) -> dict[str, set[str]]:
    """Per target, the sentences people settled in every catalog that holds them: only those
    need no draft at all."""
    from workbench.core.pipeline import distinct_sentences

    sentences = {name: set(distinct_sentences(documents)) for name, documents in groups.items()}
    return settled_everywhere(sentences, settled)


def settled_everywhere(keys: dict[str, set[Any]], settled: dict[str, dict[str, set[Any]]]) -> Any:
    """Per target, the keys people settled in every catalog (of `keys`: domain -> its keys)
    that holds them."""
    result: dict[str, set[Any]] = {}
    for lang in next(iter(settled.values()), {}):
        done = set().union(*(settled[name][lang] for name in keys))
        open_somewhere = set().union(*(keys[name] - settled[name][lang] for name in keys))
        result[lang] = done - open_somewhere
    return result


def print_summary(
    reports: list[tuple[str, Path, list[tuple[str, Any]]]],
    counts: dict[str, dict[str, int]],
    languages: list[str],
    as_json: bool,
    *,
    units: str = "sentences",
) -> None:
    """Per domain, each catalog written and its template; then where the drafts came from.

    `units` names what was translated: a document's sentences, a template's entries."""
    if as_json:
        echo_json(
            {
                "catalogs": [
                    {"language": lang, "domain": name, **asdict(summary)}
                    for name, _, summaries in reports
                    for lang, summary in summaries
                ],
                "templates": [template for _, template, _ in reports],
                "sources": {lang: counts[lang] for lang in languages},
            }
        )
        return
    for _, template, summaries in reports:
        for lang, summary in summaries:
            report(lang, summary, units)
        click.echo(f"template: {template}")
    for lang in languages:
        report_sources(lang, counts[lang])


def report_sources(lang: str, counts: dict[str, int]) -> None:
    """Where this run's drafts came from, per target language."""
    click.echo(
        f"{lang} sources: {counts.get('memory-exact', 0)} exact memory matches, "
        f"{counts.get('mt', 0)} machine-translated ({counts.get('memory-fuzzy', 0)} with fuzzy "
        f"memory matches offered), {counts.get('settled', 0)} already approved or edited"
    )


def report(lang: str, summary: Any, units: str = "sentences") -> None:
    parts = [f"{summary.new} new {units}", f"{summary.machine} drafts written"]
    if summary.from_memory:
        parts.append(f"{summary.from_memory} from memory")
    parts += [
        f"{summary.approved_kept} approved kept",
        f"{summary.edited_kept} edited drafts kept",
        f"{summary.untranslated} untranslated",
        f"{summary.obsolete} obsolete",
    ]
    click.echo(f"{lang}: {', '.join(parts)} → {summary.path}")
