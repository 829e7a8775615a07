"""`workbench translate FILE.pot --to az,ru`: a gettext template in, a catalog per language out.

Like `msginit` for a new language and `msgmerge` for an existing one, then machine translation
of what no one approved; `--in-place` fills a `.po`'s empty entries where it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.cli.cluster import finish_cluster
from workbench.cli.options import load_glossary_files
from workbench.cli.translate import (
    feed_memory,
    open_with_downloads,
    print_summary,
    progress_reporter,
    settled_everywhere,
)


def translate_catalogs(
    paths: list[Path],
    languages: list[str],
    *,
    source: str | None,
    locales: Path,
    domain: str | None,
    in_place: bool,
    options: Any,
    glossaries: tuple[Path, ...],
    open_tm: Callable[[], Any] | None,
    translator: str | None,
    as_json: bool = False,
    cluster_session: Any = None,
) -> None:
    """Read every catalog, open the engines, then the memory (so a failed run creates no
    memory file), and translate each catalog into its own output."""
    from workbench.core import catalogs
    from workbench.core.catalogs.source import read_catalog_source
    from workbench.core.errors import InputError
    from workbench.core.textio import check_writable_dir

    memory = None
    try:
        # Every catalog is read (and a broken one refused) before anything is translated.
        jobs = [
            read_catalog_source(path, source, in_place=in_place, domain=domain) for path in paths
        ]
        sources = {job.source_lang for job in jobs}
        if len(sources) > 1:
            raise InputError(
                f"the catalogs have different source languages ({', '.join(sorted(sources))}); "
                f"translate them separately"
            )
        source_lang = sources.pop()
        if in_place:
            wanted = {str(job.target) for job in jobs}
            if languages and set(languages) != wanted:
                raise InputError(
                    f"--in-place fills each catalog in its own language ({', '.join(sorted(wanted))}); "
                    f"drop --to or make it match"
                )
            languages = sorted(wanted)
        else:
            for lang in languages:
                check_writable_dir(catalogs.catalog_path(locales, lang, "x").parent)
        targets = {job.path: ([str(job.target)] if in_place else languages) for job in jobs}
        existing = {
            (job.path, lang): _existing(job, lang, locales)
            for job in jobs
            for lang in targets[job.path]
        }
        glossary = load_glossary_files(glossaries)
        engines = open_with_downloads(source_lang, languages, options, cluster_session)
        memory = open_tm() if open_tm is not None else None
        reports: list[tuple[str, Path, list[tuple[str, Any]]]] = []
        counts: dict[str, dict[str, int]] = {}
        if memory is not None and in_place:
            for job in jobs:  # what translators approved in it since the last run
                memory.add_catalog(job.path, default_source=source_lang)
        elif memory is not None:
            feed_memory(memory, locales, languages, source_lang)
        for job in jobs:
            _translate_one(
                job,
                targets[job.path],
                existing,
                locales,
                options,
                engines,
                glossary,
                memory,
                translator,
                reports,
                counts,
            )
        finish_cluster(cluster_session, quiet=as_json)
        print_summary(reports, counts, list(counts), as_json, units="entries")
    finally:
        if memory is not None:
            memory.close()


def _existing(job: Any, lang: str, locales: Path) -> Any:
    """The catalog the job merges into (None for a new language)."""
    from workbench.core import catalogs

    if job.in_place is not None:
        return job.in_place
    path = catalogs.catalog_path(locales, lang, job.domain)
    return catalogs.load_catalog(path) if path.exists() else None


def _translate_one(
    job: Any,
    languages: list[str],
    existing: dict[tuple[Path, str], Any],
    locales: Path,
    options: Any,
    engines: Any,
    glossary: Any,
    memory: Any,
    translator: str | None,
    reports: list[tuple[str, Path, list[tuple[str, Any]]]],
    counts: dict[str, dict[str, int]],
) -> None:
    from workbench.core import catalogs
    from workbench.core.pipeline import translate_units

    units = job.units
    keys = {unit.key for unit in units}
    settled: dict[str, set[Any]] = {}
    plural_forms: dict[str, str] = {}
    for lang in languages:
        catalog = existing[(job.path, lang)]
        settled[lang] = catalogs.settled_keys(catalog.path) if catalog is not None else set()
        header = catalog.po.metadata if catalog is not None else None
        plural_forms[lang] = catalogs.catalog_plural_forms(header, lang)
    with progress_reporter("str") as on_progress:
        result = translate_units(
            units,
            job.source_lang,
            languages,
            options=options,
            engines={lang: engines[lang] for lang in languages if lang in engines},
            glossary=glossary,
            memory=memory,
            settled=settled_everywhere({job.domain: keys}, {job.domain: settled}),
            plural_forms=plural_forms,
            on_progress=on_progress,
        )
    plans = [
        catalogs.plan_catalog(
            locales,
            job.domain,
            lang,
            job.template,
            result.drafts[lang],
            translator=translator,
            path=job.path if job.in_place is not None else None,
        )
        for lang in languages
    ]
    catalogs.write_plans(plans)
    summaries = [(lang, plan.summary) for lang, plan in zip(languages, plans, strict=True)]
    reports.append((job.domain, job.path, summaries))
    for lang in languages:  # where the drafts came from, over every catalog of the run
        for source, count in result.counts[lang].items():
            counts.setdefault(lang, {}).setdefault(source, 0)
            counts[lang][source] += count
