"""The project file on the command line: flags override it, it overrides built-in defaults.

A command names the parameters the project may fill (`@from_project("targets", ...)`); a
parameter the command line left at its default takes the project's setting. The project is
looked up once per invocation, from the working folder up.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from workbench.core.errors import InputError
from workbench.core.project import PROJECT_FILE, Project, find_project

DEFAULT_GLOSSARIES = Path("glossaries")

F = TypeVar("F", bound=Callable[..., Any])

_META_KEY = "workbench.project"
_DEFAULTS = (ParameterSource.DEFAULT, None)


def from_here(path: Path | None) -> Path | None:
    """A project path as a flag would give it: relative to the working folder when inside it,
    so messages read as they do without a project file."""
    if path is None:
        return None
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


# project setting -> its value in the shape the command-line parameter has
_SETTINGS: dict[str, Callable[[Project], Any]] = {
    "documents": lambda project: tuple(map(from_here, project.documents)),
    "targets": lambda project: ",".join(project.targets),
    "source": lambda project: project.source,
    "locales": lambda project: from_here(project.catalog_folder),
    "catalog_folders": lambda project: (from_here(project.catalog_folder),),
    "domain": lambda project: project.domain,
    "glossaries": lambda project: tuple(map(from_here, project.glossaries)),
    "tm_path": lambda project: from_here(project.memory),
    "translator": lambda project: str(project.translator) or None,
    "cluster": lambda project: project.cluster.address,
    "actors": lambda project: project.cluster.actors,
    "actor_threads": lambda project: project.cluster.actor_threads,
}

# what to say when a required parameter is given neither on the command line nor in the project
MISSING: dict[str, str] = {
    "documents": f"give the documents, or list them in {PROJECT_FILE} (documents = [...])",
    "targets": f"give the target languages, e.g. --to en,az, or set targets in {PROJECT_FILE}",
}


def current_project() -> Project | None:
    """The project the working folder belongs to (read once per command); None outside one."""
    context = click.get_current_context(silent=True)
    meta: dict[str, Any] = context.find_root().meta if context is not None else {}
    if _META_KEY not in meta:
        meta[_META_KEY] = find_project(Path.cwd())
    return meta[_META_KEY]


def from_project(*names: str, required: Sequence[str] = (), **renamed: str) -> Callable[[F], F]:
    """Fill the parameters `names` from the project file when the command line left them at
    their default; `renamed` maps a parameter to the setting it takes (paths="catalog_folders").
    Parameters in `required` must then have a value. Put it right above the function."""
    settings = {name: name for name in names} | renamed

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            project = current_project()
            if project is not None:
                context = click.get_current_context()
                for parameter, setting in settings.items():
                    value = _SETTINGS[setting](project)
                    # None: invoked from another command (bare `workbench`), all defaults
                    unset = context.get_parameter_source(parameter) in _DEFAULTS
                    if unset and value:
                        kwargs[parameter] = value
            for parameter in required:
                if not kwargs.get(parameter):
                    raise InputError(MISSING[parameter])
            return function(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def project_memory() -> Path | None:
    """The project file's translation memory; None outside a project or when it names none."""
    project = current_project()
    return from_here(project.memory) if project is not None else None


def find_glossaries(given: Sequence[Path]) -> tuple[Path, ...]:
    """The term bases to check against, found the same way by every command: --glossary,
    else the project file's, else glossaries/*.tbx (in the project root, or here)."""
    if given:
        return tuple(given)
    project = current_project()
    if project is not None and project.glossaries:
        return tuple(map(from_here, project.glossaries))
    folder = (project.root if project is not None else Path()) / DEFAULT_GLOSSARIES
    return tuple(sorted(folder.glob("*.tbx")))
