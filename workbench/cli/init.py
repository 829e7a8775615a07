"""`workbench init`: write `workbench.toml`, so every later command needs no flags.

What a flag does not give is taken from what the folder holds (documents in seeds/, term bases
in glossaries/, catalogs in locales/, the translator from git's user.name and user.email); on
a terminal, what is still unknown is asked for, with those findings as the defaults.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from workbench.cli.options import parse_languages, source_option
from workbench.cli.project import DEFAULT_GLOSSARIES
from workbench.core.errors import InputError
from workbench.core.project import (
    DEFAULT_CATALOGS,
    DEFAULT_MEMORY,
    PROJECT_FILE,
    Project,
    Translator,
    load_project,
    project_toml,
)

SEEDS = Path("seeds")


@click.command(short_help=f"Write {PROJECT_FILE}: the project's languages, files and translator.")
@click.argument("folder", required=False, type=click.Path(path_type=Path), default=Path())
@click.option("--to", "targets", default=None, help="Target languages, comma separated: en,az.")
@source_option("from the first document's name, NAME.fr.txt")
@click.option(
    "--document",
    "documents",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Source document; repeatable (default: seeds/*.txt).",
)
@click.option(
    "--catalogs",
    type=click.Path(path_type=Path),
    default=None,
    help=f"Catalog folder (default: {DEFAULT_CATALOGS}).",
)
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Term base; repeatable (default: glossaries/*.tbx).",
)
@click.option(
    "--tm", "memory", type=click.Path(path_type=Path), default=None, help="Translation memory file."
)
@click.option("--domain", default=None, help="Catalog name (default: from the document name).")
@click.option("--name", default=None, help="Translator's name (default: git's user.name).")
@click.option("--email", default=None, help="Translator's e-mail (default: git's user.email).")
@click.option(
    "--autosave/--no-autosave",
    default=False,
    show_default=True,
    help="Let the review write catalogs on its own after idle seconds.",
)
@click.option("--force", is_flag=True, help=f"Replace an existing {PROJECT_FILE}.")
def init(
    folder: Path,
    targets: str | None,
    source: str | None,
    documents: tuple[Path, ...],
    catalogs: Path | None,
    glossaries: tuple[Path, ...],
    memory: Path | None,
    domain: str | None,
    name: str | None,
    email: str | None,
    autosave: bool,
    force: bool,
) -> None:
    """Write FOLDER/workbench.toml (default: here) from the flags and what FOLDER holds."""
    from workbench.core.languages import normalise_language
    from workbench.core.sources.document import language_from_name
    from workbench.core.textio import atomic_write

    root = folder.absolute()
    path = root / PROJECT_FILE
    if path.exists() and not force:
        raise InputError(f"{path} already exists; edit it, or pass --force to replace it")
    if not root.is_dir():
        raise InputError(f"{folder} is not a folder; create it first or give another")
    ask = sys.stdin.isatty()

    # paths given on the command line are relative to here; the file holds them relative to root
    found_documents = tuple(given.absolute() for given in documents) or tuple(
        sorted((root / SEEDS).glob("*.txt"))
    )
    for document in found_documents:
        if not document.is_file():
            raise InputError(f"document not found: {document}")
    for glossary in glossaries:
        if not glossary.is_file():
            raise InputError(f"glossary not found: {glossary}")
    if source is None and found_documents:
        source = language_from_name(found_documents[0])
    if source is None and ask:
        source = click.prompt("Source language", default="fr")
    catalog_folder = catalogs.absolute() if catalogs else root / DEFAULT_CATALOGS
    languages = targets or ",".join(
        _languages_with_catalogs(catalog_folder, found_documents, domain)
    )
    if not languages and ask:
        languages = click.prompt("Target languages", default="en")
    if not languages:
        raise InputError("give the target languages, e.g. --to en,az")
    translator = Translator(
        name=name or _git_config(root, "user.name"),
        email=email or _git_config(root, "user.email"),
    )
    project = Project(
        path=path,
        source=normalise_language(source) if source else None,
        targets=tuple(parse_languages(languages)),
        documents=found_documents,
        catalogs=catalog_folder,
        glossaries=tuple(given.absolute() for given in glossaries)
        or tuple(sorted((root / DEFAULT_GLOSSARIES).glob("*.tbx"))),
        memory=memory.absolute() if memory else root / DEFAULT_MEMORY,
        domain=domain,
        translator=translator,
        autosave=autosave,
    )
    atomic_write(path, project_toml(project))
    written = load_project(path)  # what the other commands will read
    click.echo(
        f"wrote {path}: {written.source or '?'} → {', '.join(written.targets)}, "
        f"{len(written.documents)} document(s), {len(written.glossaries)} glossary(ies), "
        f"translator {str(written.translator) or '(none)'}"
    )


def _languages_with_catalogs(
    folder: Path, documents: tuple[Path, ...], domain: str | None
) -> list[str]:
    """The languages that already have a catalog of one of the documents in FOLDER."""
    from workbench.cli.open import catalog_languages
    from workbench.core.sources.document import document_domain

    found = {
        lang
        for document in documents
        for lang in catalog_languages(folder, domain or document_domain(document))
    }
    return sorted(found)


def _git_config(folder: Path, key: str) -> str | None:
    """git's setting `key` as seen from `folder`; None without git or without the setting."""
    try:
        done = subprocess.run(
            ["git", "config", "--get", key],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None
