"""The project file, `workbench.toml`: what a folder translates, into what, and who translates.

Every command looks for it in the working folder, then in each parent, like git does for
`.git`; its relative paths are relative to the folder that holds it (the project root), so a
command run from a subfolder means the same files. Reading uses `tomllib`, writing `tomli_w`;
any problem is one line naming the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.core.errors import InputError, WorkbenchError
from workbench.core.languages import normalise_language

PROJECT_FILE = "workbench.toml"
DEFAULT_CATALOGS = "locales"
DEFAULT_MEMORY = "memory.sqlite"


@dataclass(frozen=True)
class Translator:
    name: str | None = None
    email: str | None = None

    def __str__(self) -> str:
        """`Name <email>`, as gettext's Last-Translator header writes it."""
        if self.name and self.email:
            return f"{self.name} <{self.email}>"
        return self.name or (f"<{self.email}>" if self.email else "")


@dataclass(frozen=True)
class ClusterSetting:
    """`[cluster]`: run translate's MT on Ray (`address` as `--cluster` takes it)."""

    address: str | None = None  # "local", "auto", "HOST:PORT", "ray://HOST:PORT"
    actors: int | None = None
    actor_threads: int | None = None


@dataclass(frozen=True)
class Project:
    """A project file's settings, its paths made absolute against the project root."""

    path: Path  # the workbench.toml itself
    targets: tuple[str, ...] = ()
    source: str | None = None
    documents: tuple[Path, ...] = ()
    catalogs: Path | None = None  # the catalog folder: <lang>/LC_MESSAGES/<domain>.po
    glossaries: tuple[Path, ...] = ()
    memory: Path | None = None
    domain: str | None = None
    translator: Translator = field(default_factory=Translator)
    autosave: bool = False  # write catalogs on idle (else only an explicit save does)
    cluster: ClusterSetting = field(default_factory=lambda: ClusterSetting())

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def catalog_folder(self) -> Path:
        return self.catalogs or self.root / DEFAULT_CATALOGS


def find_project_file(start: Path) -> Path | None:
    """`workbench.toml` in `start` or the nearest parent that has one; None if none does."""
    folder = Path(start).absolute()
    for candidate in (folder, *folder.parents):
        path = candidate / PROJECT_FILE
        if path.is_file():
            return path
    return None


def find_project(start: Path) -> Project | None:
    """The project `start` belongs to, read and checked; None outside any project."""
    path = find_project_file(start)
    return None if path is None else load_project(path)


def reference_path(path: Path) -> str:
    """`path` as a `#:` reference, as xgettext writes them: relative to the project root (else
    the working folder), with `../` when outside it, never this machine's absolute path."""
    here = Path.cwd()
    project_file = find_project_file(here)
    root = (project_file.parent if project_file else here).resolve()
    try:
        return Path(os.path.relpath(Path(path).resolve(), root)).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        return Path(path).as_posix()


def load_project(path: Path) -> Project:
    """Read and check a project file; an InputError naming the file (and key) otherwise."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{path}: not valid TOML: {error}") from None
    return _from_data(Path(path), data)


# --- checking -------------------------------------------------------------------------------


def _from_data(path: Path, data: Mapping[str, Any]) -> Project:
    unknown = sorted(set(data) - set(_READERS))
    if unknown:
        raise InputError(
            f"{path}: unknown key '{unknown[0]}'; the keys are {', '.join(sorted(_READERS))}"
        )
    values: dict[str, Any] = {}
    for key, value in data.items():
        try:
            values[key] = _READERS[key](path.parent, value)
        except WorkbenchError as error:
            raise InputError(f"{path}: '{key}': {error}") from None
    return Project(path=path, **values)


def _string(value: Any, example: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"must be a non-empty string, e.g. {example}")
    return value.strip()


def _strings(value: Any, example: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise InputError(f"must be a list of strings, e.g. {example}")
    return value


def _language(root: Path, value: Any) -> str:
    return normalise_language(_string(value, '"fr"'))


def _languages(root: Path, value: Any) -> tuple[str, ...]:
    codes = _strings(value, '["en", "az"]')
    return tuple(dict.fromkeys(normalise_language(code) for code in codes))


def _folder(root: Path, value: Any) -> Path:
    return root / _string(value, '"locales"')


def _file(root: Path, value: Any) -> Path:
    return root / _string(value, '"memory.sqlite"')


def _files(root: Path, value: Any) -> tuple[Path, ...]:
    return tuple(root / item for item in _strings(value, '["seeds/NAME.fr.txt"]'))


def _name(root: Path, value: Any) -> str:
    return _string(value, '"azertac"')


def _flag(root: Path, value: Any) -> bool:
    if not isinstance(value, bool):
        raise InputError("must be true or false")
    return value


def _translator(root: Path, value: Any) -> Translator:
    if not isinstance(value, dict):
        raise InputError('must be a table: [translator] with name = "..." and email = "..."')
    unknown = sorted(set(value) - {"name", "email"})
    if unknown:
        raise InputError(f"unknown key '{unknown[0]}'; the keys are name, email")
    return Translator(
        name=_string(value["name"], '"Ada Lovelace"') if "name" in value else None,
        email=_string(value["email"], '"ada@example.org"') if "email" in value else None,
    )


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError("must be a whole number of at least 1, e.g. 2")
    return value


def _cluster(root: Path, value: Any) -> ClusterSetting:
    if not isinstance(value, dict):
        raise InputError(
            'must be a table: [cluster] with address = "local" (or "auto", "ray://HOST:PORT")'
        )
    unknown = sorted(set(value) - {"address", "actors", "actor_threads"})
    if unknown:
        raise InputError(f"unknown key '{unknown[0]}'; the keys are address, actors, actor_threads")
    return ClusterSetting(
        address=_string(value["address"], '"local"') if "address" in value else "local",
        actors=_count(value["actors"]) if "actors" in value else None,
        actor_threads=_count(value["actor_threads"]) if "actor_threads" in value else None,
    )


_READERS: dict[str, Callable[[Path, Any], Any]] = {
    "source": _language,
    "targets": _languages,
    "documents": _files,
    "catalogs": _folder,
    "glossaries": _files,
    "memory": _file,
    "domain": _name,
    "translator": _translator,
    "autosave": _flag,
    "cluster": _cluster,
}


# --- writing --------------------------------------------------------------------------------


def project_toml(project: Project) -> str:
    """The project file's text: paths relative to its folder, unset keys left out."""
    import tomli_w

    root = project.root

    def relative(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    data: dict[str, Any] = {}
    if project.source:
        data["source"] = project.source
    data["targets"] = list(project.targets)
    data["documents"] = [relative(path) for path in project.documents]
    data["catalogs"] = relative(project.catalogs or root / DEFAULT_CATALOGS)
    data["glossaries"] = [relative(path) for path in project.glossaries]
    if project.memory is not None:
        data["memory"] = relative(project.memory)
    if project.domain:
        data["domain"] = project.domain
    data["autosave"] = project.autosave
    translator = {
        key: value
        for key, value in (("name", project.translator.name), ("email", project.translator.email))
        if value
    }
    if translator:
        data["translator"] = translator
    cluster = {
        key: value
        for key, value in (
            ("address", project.cluster.address),
            ("actors", project.cluster.actors),
            ("actor_threads", project.cluster.actor_threads),
        )
        if value
    }
    if cluster:
        data["cluster"] = cluster
    return tomli_w.dumps(data)
