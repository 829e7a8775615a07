"""`workbench open`: review a document's or a catalog's translations in the terminal UI.

The thing opened is a document (NAME.fr.txt: catalogs in --locales, one per --to language), a
template (messages.pot --to az,fr: the same catalogs, started as msginit would) or a catalog
(locales/az/LC_MESSAGES/messages.po: reviewed and saved where it is, in its own language).

Bare `workbench` (no arguments) in a project folder reopens the last document opened there
(remembered in `.workbench/last-open.json`) or lists what it can open and how. Textual is
imported only when the app really starts, so `workbench --help` stays light.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import click

from workbench.cli.options import (
    domain_option,
    glossary_option,
    locales_option,
    memory_option,
    source_option,
)
from workbench.cli.project import current_project, from_here, from_project
from workbench.core.errors import InputError
from workbench.core.project import Project as ProjectFile

LAST_OPEN = Path(".workbench") / "last-open.json"
SEEDS = Path("seeds")


@dataclass(frozen=True)
class Project:
    """The arguments of one `workbench open`, as remembered for the next bare `workbench`."""

    document: str
    targets: list[str]
    locales: str = "locales"
    source: str | None = None
    domain: str | None = None
    glossaries: list[str] = field(default_factory=list)
    tm: str | None = None
    no_tm: bool = False


@click.command("open")
@click.argument("document", required=False, type=click.Path(path_type=Path))
@click.option(
    "--to",
    "targets",
    default=None,
    help="Target languages, comma separated: en,az (default: the catalogs already in --locales).",
)
@source_option("from the file name, NAME.fr.txt")
@locales_option("--locales")
@domain_option
@glossary_option
@memory_option
@click.option("--no-tm", is_flag=True, help="Do not feed approvals to a translation memory.")
@click.option("--theme", type=click.Choice(["dark", "light"]), default="dark", show_default=True)
@click.pass_context
@from_project("targets", "source", "locales", "domain", "glossaries", "tm_path")
def open_project(
    ctx: click.Context,
    document: Path | None,
    targets: str | None,
    source: str | None,
    locales: Path,
    domain: str | None,
    glossaries: tuple[Path, ...],
    tm_path: Path | None,
    no_tm: bool,
    theme: str,
) -> None:
    """Review DOCUMENT's translations: aligned view, editor, approve, save to LOCALES.

    DOCUMENT may be a gettext template (FILE.pot, with --to) or catalog (FILE.po, reviewed in
    place). In a project (workbench.toml here or in a parent), DOCUMENT defaults to the one
    last opened there, else the project's first document."""
    project_file = current_project()
    folder = project_file.root if project_file is not None else Path.cwd()
    if document is None and project_file is not None:
        document = _project_document(project_file)
        click.echo(f"opening {document.as_posix()} (from {project_file.path})", err=True)
    if document is None:
        project = read_last_project(folder)
        if project is None:
            _explain_what_to_open(ctx)
            return
        click.echo(f"reopening {project.document} (--to {','.join(project.targets)})", err=True)
    else:
        project = Project(
            document=str(document),
            targets=_targets(targets, document, source, locales, domain),
            locales=str(locales),
            source=source,
            domain=domain,
            glossaries=[str(path) for path in glossaries],
            tm=str(tm_path) if tm_path else None,
            no_tm=no_tm,
        )
    from workbench.tui.screens.review.request import ReviewSettings

    request = make_request(project)
    settings = ReviewSettings()
    if project_file is not None:  # who signs the catalogs, and whether idle changes are written
        request = replace(request, translator=str(project_file.translator) or None)
        settings = replace(settings, autosave=project_file.autosave)
    remember_project(folder, project)
    run_app(request, theme, settings)


def _project_document(project_file: ProjectFile) -> Path:
    """The project's document last opened, else its first one."""
    if not project_file.documents:
        raise InputError(
            f'{project_file.path} lists no documents; add documents = ["seeds/NAME.fr.txt"] '
            f"or give the document to open"
        )
    last = read_last_project(project_file.root)
    if last is not None:
        remembered = (project_file.root / last.document).resolve()
        if remembered in {path.resolve() for path in project_file.documents}:
            return from_here(remembered)
    return from_here(project_file.documents[0])


def make_request(project: Project) -> Any:
    """Check the project's files and languages; the app's OpenRequest."""
    from workbench.cli.options import parse_languages
    from workbench.core.catalogs.source import is_catalog_file
    from workbench.core.languages import normalise_language
    from workbench.core.sources.document import language_from_name

    document = Path(project.document)
    if not document.is_file():
        what = "is a directory" if document.is_dir() else "does not exist"
        raise InputError(
            f"{document} {what}; give the path of a text document (seeds/NAME.fr.txt) or of a "
            f"catalog (FILE.pot, FILE.po)"
        )
    catalog = is_catalog_file(document)
    source = normalise_language(project.source) if project.source else None
    if source is None and not catalog:  # a catalog's header says, else gettext's English
        source = language_from_name(document)
        if source is None:
            raise InputError(
                f"cannot tell the language of {document.name}; name it like NAME.fr.txt or pass "
                f"--from fr"
            )
    for glossary in project.glossaries:
        if not Path(glossary).is_file():
            raise InputError(f"glossary not found: {glossary}")
    targets = tuple(parse_languages(",".join(project.targets)))
    if source is not None and source in targets:
        raise InputError(f"the document is already in '{source}'; drop it from --to")
    from workbench.tui.screens.review import OpenRequest

    return OpenRequest(
        document=document,
        targets=targets,
        locales=Path(project.locales),
        source_lang=source,
        domain=project.domain,
        glossaries=tuple(Path(path) for path in project.glossaries),
        memory=_memory_path(project),
    )


def _memory_path(project: Project) -> Path | None:
    if project.no_tm:
        return None
    if project.tm:
        path = Path(project.tm)
        if path.is_dir():
            raise InputError(f"{path} is a directory; --tm takes the path of a memory file")
        return path
    from workbench.core.memory import default_memory_path

    return default_memory_path()


def run_app(request: Any, theme: str, settings: Any = None) -> None:
    from workbench.tui.app import DARK_THEME, LIGHT_THEME, ReviewApp

    app = ReviewApp(request, settings, theme=LIGHT_THEME if theme == "light" else DARK_THEME)
    app.run()
    if app.error:
        raise InputError(app.error)
    if app.return_code:
        raise click.exceptions.Exit(app.return_code)


def _targets(
    targets: str | None, document: Path, source: str | None, locales: Path, domain: str | None
) -> list[str]:
    from workbench.cli.options import parse_languages

    if document.suffix.lower() == ".po":  # reviewed where it is, in its own language
        from workbench.core.review.sources import catalog_language

        own = catalog_language(document)
        if targets and parse_languages(targets) != [own]:
            raise click.UsageError(
                f"{document} is the '{own}' catalog: open it without --to, or open its "
                f"template (.pot) with --to to review other languages"
            )
        return [own]
    if targets:
        return parse_languages(targets)
    from workbench.core.sources.document import document_domain

    name = document.stem if document.suffix.lower() == ".pot" else document_domain(document)
    found = catalog_languages(locales, domain or name)
    if not found:
        raise click.UsageError(
            f"no catalog for {document.name} in {locales} yet; give the target languages, e.g. --to en,az"
        )
    return found


def catalog_languages(locales: Path, domain: str) -> list[str]:
    """The languages that have `LOCALES/<lang>/LC_MESSAGES/<domain>.po`."""
    if not locales.is_dir():
        return []
    return sorted(
        folder.name
        for folder in locales.iterdir()
        if (folder / "LC_MESSAGES" / f"{domain}.po").is_file()
    )


# --- the last project ------------------------------------------------------------------------


def read_last_project(folder: Path) -> Project | None:
    """The project last opened in `folder`, or None (none yet, or a file we cannot use)."""
    path = folder / LAST_OPEN
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        project = Project(**data)
    except (OSError, ValueError, TypeError):
        return None
    if not isinstance(project.targets, list) or not project.targets:
        return None
    return project


def remember_project(folder: Path, project: Project) -> None:
    from workbench.core.errors import WorkbenchError
    from workbench.core.textio import atomic_write

    document = Path(project.document)
    if document.is_absolute():
        with contextlib.suppress(ValueError):  # keep the file valid if the folder moves
            document = document.resolve().relative_to(folder.resolve())
    data = asdict(project) | {"document": document.as_posix()}
    # a read-only folder: opening still works, it just will not be remembered
    with contextlib.suppress(WorkbenchError):
        atomic_write(folder / LAST_OPEN, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _explain_what_to_open(ctx: click.Context) -> None:
    from workbench.core.sources.document import document_domain, language_from_name

    documents = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not documents:
        parent = ctx.parent
        click.echo(parent.get_help() if parent is not None else ctx.get_help())
        return
    click.echo("Nothing opened in this folder yet. Documents you can open:")
    example = None
    for path in documents:
        lang = language_from_name(path) or "?"
        languages = catalog_languages(Path("locales"), document_domain(path))
        catalogs = f"catalogs: {', '.join(languages)}" if languages else "no catalog yet"
        click.echo(f"  {path.as_posix()}  ({lang}; {catalogs})")
        if example is None:
            example = f"workbench open {path.as_posix()} --to {','.join(languages) or 'en,az'}"
    click.echo("Open one with:")
    click.echo(f"  {example}")
