"""Argos packages to the workers through Ray's object store: no disk shared with the driver.

The driver zips the installed package folder (`pack_package`); each actor unpacks its copy into a
folder of its own (`unpack_package`) after the same checks `workbench models install` makes, and
refuses a package whose name, version or digest is not the one the driver meant to send.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from workbench.core.engines.package_files import ModelPackage, inspect_package_file
from workbench.core.errors import ModelError

# A fixed date for every member: the same package always packs to the same bytes (and digest).
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class PackageIdentity:
    """What an actor checks its unpacked package against."""

    name: str  # translate-fr_en
    version: str
    digest: str  # sha256 of the packed bytes


def pack_package(model: ModelPackage) -> tuple[bytes, PackageIdentity]:
    """The installed package folder of `model` as zip bytes, and how to recognise them."""
    if model.path is None or not model.path.is_dir():
        raise ModelError(f"{model.name} is not installed; nothing to send to the cluster")
    buffer = io.BytesIO()
    # Stored, not deflated: CTranslate2 weights barely compress and workers unpack faster.
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for path in sorted(p for p in model.path.rglob("*") if p.is_file()):
            member = f"{model.path.name}/{path.relative_to(model.path).as_posix()}"
            archive.writestr(zipfile.ZipInfo(member, _ZIP_DATE), path.read_bytes())
    data = buffer.getvalue()
    return data, PackageIdentity(model.name, model.version, hashlib.sha256(data).hexdigest())


def unpack_package(data: bytes, expected: PackageIdentity, into: Path) -> ModelPackage:
    """Check and unpack a packed package into the folder `into`; the package, installed there."""
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected.digest:
        raise ModelError(
            f"the copy of {expected.name} {expected.version} this worker received is damaged (digest {digest[:12]}, expected {expected.digest[:12]})"
        )
    with tempfile.NamedTemporaryFile(dir=into, suffix=".argosmodel", delete=False) as file:
        file.write(data)
    archive_path = Path(file.name)
    try:
        model = inspect_package_file(archive_path)  # zip sanity, member names, metadata
        if (model.name, model.version) != (expected.name, expected.version):
            raise ModelError(
                f"this worker received {model.name} {model.version} instead of {expected.name} {expected.version}"
            )
        with zipfile.ZipFile(archive_path) as archive:
            top = archive.namelist()[0].split("/")[0]
            archive.extractall(into)
    finally:
        archive_path.unlink(missing_ok=True)
    return ModelPackage(**{**model.__dict__, "path": into / top})
