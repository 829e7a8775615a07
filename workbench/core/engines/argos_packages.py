"""Argos Translate model packages: what is installed, what the index offers, install, remove.

Installed packages are found through `argostranslate.package`, so ARGOS_PACKAGES_DIR and the
other Argos settings are respected. Downloads stream with a progress callback; a package file
is checked (`package_files.py`) before it is unpacked, so a corrupt or hostile `.argosmodel`
never lands half-installed. Installing and removing swap folders by rename, so a failure leaves
the installed package as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from workbench.core.engines.package_files import ModelPackage, inspect_package_file
from workbench.core.errors import ModelError
from workbench.core.textio import atomic_write

DownloadProgress = Callable[[int, int | None], None]  # (bytes so far, total bytes or None)
PIVOT_LANGUAGE = "en"
INDEX_TIMEOUT_SECONDS = 10
_STAGING_PREFIX = ".workbench-installing-"
_STALE_STAGING_SECONDS = 3600


def _argos() -> Any:
    # Imported late: argostranslate creates its data folders at import, and the CLI's
    # `--help` and the TUI should not pay for it.
    _settings()
    import argostranslate.package

    return argostranslate.package


def _settings() -> Any:
    try:
        import argostranslate.settings
    except OSError as error:  # it creates its folders at import: a file there, read-only...
        raise ModelError(
            f"cannot use the Argos data folders ({_os_reason(error)}); set ARGOS_PACKAGES_DIR "
            f"(now {os.environ.get('ARGOS_PACKAGES_DIR', 'unset')}) to a writable folder"
        ) from None
    return argostranslate.settings


def _os_reason(error: OSError) -> str:
    where = f" {error.filename}" if error.filename else ""
    return f"{error.strerror or error}:{where}" if where else str(error.strerror or error)


def _from_argos(package: Any, path: Path | None = None) -> ModelPackage:
    return ModelPackage(
        from_code=package.from_code,
        to_code=package.to_code,
        version=str(package.package_version or ""),
        from_name=package.from_name or "",
        to_name=package.to_name or "",
        path=path,
        links=tuple(getattr(package, "links", ()) or ()),
        target_prefix=getattr(package, "target_prefix", "") or "",
    )


def installed_packages() -> list[Any]:
    """Argos's own Package objects for every package folder where Argos looks (ARGOS_PACKAGES_DIR
    and the rest of its settings). Unlike `get_installed_packages()`, a stray or half-deleted
    folder is passed over instead of failing every command."""
    argos = _argos()
    found = []
    for directory in _settings().package_dirs:
        if not Path(directory).is_dir():
            continue
        for folder in sorted(Path(directory).iterdir()):
            if not folder.is_dir() or folder.name.startswith("."):  # ours, mid-install
                continue
            try:
                found.append(argos.Package(folder))
            except (OSError, ValueError):  # no or unreadable metadata.json: not a package
                continue
    return found


def installed_models() -> list[ModelPackage]:
    """Translate packages installed where Argos looks for them."""
    models = []
    for package in installed_packages():
        if (
            getattr(package, "type", "translate") == "translate"
            and package.from_code
            and package.to_code
        ):
            models.append(_from_argos(package, Path(package.package_path)))
    return sorted(models, key=lambda m: (m.from_code, m.to_code, m.version))


def packages_dir() -> Path:
    """Where new packages are installed (ARGOS_PACKAGES_DIR or Argos's default)."""
    return Path(_settings().package_data_dir)


def find_route(
    source: str, target: str, models: Iterable[ModelPackage]
) -> list[ModelPackage] | None:
    """The packages that translate `source` to `target`: direct, else pivoting through English
    (as Argos does), else through any other language both sides share."""
    by_pair: dict[tuple[str, str], ModelPackage] = {}
    for model in models:
        by_pair.setdefault((model.from_code, model.to_code), model)
    if (source, target) in by_pair:
        return [by_pair[source, target]]
    middles = [
        PIVOT_LANGUAGE,
        *sorted({to for frm, to in by_pair if frm == source} - {PIVOT_LANGUAGE}),
    ]
    for middle in middles:
        if (source, middle) in by_pair and (middle, target) in by_pair:
            return [by_pair[source, middle], by_pair[middle, target]]
    return None


def missing_pairs(
    source: str, target: str, models: Iterable[ModelPackage]
) -> list[tuple[str, str]]:
    """Which pairs to install for a route: the direct pair if English is an end, else both legs."""
    have = {(m.from_code, m.to_code) for m in models}
    if PIVOT_LANGUAGE in (source, target):
        return [(source, target)]
    return [
        pair for pair in ((source, PIVOT_LANGUAGE), (PIVOT_LANGUAGE, target)) if pair not in have
    ]


def install_hint(pairs: Iterable[tuple[str, str]]) -> str:
    """The exact commands that install `pairs`, online and from a file."""
    pairs = list(pairs)
    names = " ".join(f"{a}:{b}" for a, b in pairs)
    files = " ".join(f"translate-{a}_{b}-VERSION.argosmodel" for a, b in pairs)
    return (
        f"run 'workbench models install {names}' where there is internet, or download {files} "
        f"from the Argos package index and run 'workbench models install FILE.argosmodel'"
    )


# --- the package index -----------------------------------------------------------------


def refresh_index(timeout: float = INDEX_TIMEOUT_SECONDS) -> None:
    """Fetch the Argos package index; ModelError when it cannot be reached."""
    settings = _settings()
    url = settings.remote_package_index
    try:
        with urllib.request.urlopen(_request(url), timeout=timeout) as response:
            data = response.read()
        index = json.loads(data)
    except (urllib.error.URLError, OSError, TimeoutError) as error:
        reason = getattr(error, "reason", error)
        raise ModelError(
            f"cannot reach the Argos package index ({reason}); you may be offline"
        ) from None
    except ValueError:
        raise ModelError(
            f"the Argos package index at {url} is not valid JSON; try again later"
        ) from None
    if not isinstance(index, list):
        raise ModelError(
            f"the Argos package index at {url} has an unexpected shape; try again later"
        )
    atomic_write(Path(settings.local_package_index), data)


def available_models(*, refresh: bool = True) -> list[ModelPackage]:
    """Translate packages the index offers (fetching it first when `refresh`)."""
    if refresh:
        refresh_index()
    index_path = Path(_settings().local_package_index)
    try:
        entries = json.loads(index_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            "no Argos package index yet; run 'workbench models list --available' online"
        ) from None
    except ValueError:
        raise ModelError(
            f"the cached Argos package index {index_path} is corrupt; refresh it online"
        ) from None
    models = []
    for entry in entries:
        if (
            entry.get("type", "translate") != "translate"
            or not entry.get("from_code")
            or not entry.get("to_code")
        ):
            continue
        models.append(
            ModelPackage(
                from_code=entry["from_code"],
                to_code=entry["to_code"],
                version=str(entry.get("package_version", "")),
                from_name=entry.get("from_name", ""),
                to_name=entry.get("to_name", ""),
                links=tuple(entry.get("links", ())),
                target_prefix=entry.get("target_prefix", ""),
            )
        )
    return models


def _request(url: str) -> urllib.request.Request:
    return urllib.request.Request(url, headers={"User-Agent": "workbench (ArgosTranslate)"})


def download_model(
    model: ModelPackage, destination: Path, progress: DownloadProgress | None = None
) -> Path:
    """Download `model` into the folder `destination`; returns the `.argosmodel` file."""
    if not model.links:
        raise ModelError(f"the index lists no download link for {model.name}")
    target = destination / f"{model.name}-{model.version or 'latest'}.argosmodel"
    last_error: object = None
    for link in model.links:
        part_path: Path | None = None
        try:
            with urllib.request.urlopen(_request(link), timeout=60) as response:
                total = int(response.headers.get("Content-Length") or 0) or None
                with tempfile.NamedTemporaryFile(
                    dir=destination, delete=False, suffix=".part"
                ) as part:
                    part_path = Path(part.name)
                    done = 0
                    while chunk := response.read(1 << 16):
                        part.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
            part_path.replace(target)
            return target
        except (urllib.error.URLError, OSError, TimeoutError) as error:
            last_error = getattr(error, "reason", error)
            if part_path is not None:
                part_path.unlink(missing_ok=True)
    raise ModelError(f"cannot download {model.name} ({last_error})")


# --- installing from a file --------------------------------------------------------------


def install_model_file(path: Path) -> ModelPackage:
    """Install a `.argosmodel` file after checking it; returns the installed package.

    The package is unpacked into a hidden folder beside the installed ones, then swapped in by
    renames: a failure at any step (disk full, permissions) leaves the installed version whole.
    """
    model = inspect_package_file(path)
    root = packages_dir()
    _remove_stale_staging(root)
    with zipfile.ZipFile(path) as archive:
        top = PurePosixPath(archive.namelist()[0]).parts[0]
        try:
            staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=root))
        except OSError as error:
            raise ModelError(f"cannot install into {root}: {_os_reason(error)}") from None
        try:
            try:
                archive.extractall(staging)  # member names were checked: none leaves `staging`
            except (OSError, zipfile.BadZipFile, EOFError) as error:
                raise ModelError(f"cannot unpack {Path(path).name}: {error}") from None
            target_dir = root / top
            _swap_in(staging / top, target_dir, staging / ".replaced")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    _forget_argos_language_cache()
    return ModelPackage(**{**model.__dict__, "path": target_dir})


def _swap_in(new: Path, target: Path, old: Path) -> None:
    """Put `new` at `target`; the folder there before waits at `old` and comes back on failure."""
    had_old = target.exists()
    try:
        if had_old:
            target.rename(old)
        try:
            new.rename(target)
        except OSError:
            if had_old:
                old.rename(target)
            raise
    except OSError as error:
        raise ModelError(
            f"cannot install {target.name} into {target.parent}: {_os_reason(error)}; "
            f"the installed version (if any) is unchanged"
        ) from None


def _forget_argos_language_cache() -> None:
    # Argos caches its installed languages; only a process that already loaded them cares.
    import sys

    translate = sys.modules.get("argostranslate.translate")
    if translate is not None:
        translate.get_installed_languages.cache_clear()


def _remove_stale_staging(root: Path) -> None:
    """Unpacking folders a killed `models install` left behind (old ones only: a live one
    belongs to an install running now)."""
    now = time.time()
    for folder in root.glob(f"{_STAGING_PREFIX}*"):
        try:
            if folder.is_dir() and now - folder.stat().st_mtime > _STALE_STAGING_SECONDS:
                shutil.rmtree(folder)
        except OSError:
            continue


def remove_model(from_code: str, to_code: str) -> ModelPackage:
    """Uninstall the package for a pair; ModelError if none is installed or it cannot be.

    The folder is first renamed out of the way (all or nothing), then deleted.
    """
    for package in installed_packages():
        if package.from_code == from_code and package.to_code == to_code:
            folder = Path(package.package_path)
            removed = _from_argos(package, folder)
            trash = folder.with_name(f"{_STAGING_PREFIX}removed-{folder.name}-{os.getpid()}")
            try:
                folder.rename(trash)
            except OSError as error:
                raise ModelError(
                    f"cannot remove {removed.name} from {folder.parent}: {_os_reason(error)}; "
                    f"it is still installed"
                ) from None
            shutil.rmtree(trash, ignore_errors=True)
            _forget_argos_language_cache()
            return removed
    raise ModelError(
        f"no installed model for {from_code}→{to_code}; 'workbench models list' shows what is installed"
    )


def install_pairs(
    pairs: Iterable[tuple[str, str]],
    *,
    progress_for: Callable[[ModelPackage], DownloadProgress | None] | None = None,
) -> list[ModelPackage]:
    """Download and install the packages for `pairs` from the index (needs internet)."""
    pairs = list(pairs)
    offered = available_models(refresh=True)
    chosen = []
    for source, target in pairs:
        candidates = [m for m in offered if (m.from_code, m.to_code) == (source, target)]
        if not candidates:
            raise ModelError(f"the Argos index has no model for {source}→{target}")
        chosen.append(max(candidates, key=lambda m: _version_key(m.version)))
    installed = []
    with tempfile.TemporaryDirectory(prefix="workbench-download-") as folder:
        for model in chosen:
            file = download_model(
                model, Path(folder), progress_for(model) if progress_for else None
            )
            installed.append(install_model_file(file))
    return installed


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))
