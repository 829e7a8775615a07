"""An Argos package file (`.argosmodel`) and what it holds, checked before anything is unpacked.

A real zip with sane and unique member names under one package folder, a sane total size and
compression ratio (no zip bomb), a metadata.json with real language codes, and a CTranslate2
model: anything else is refused with one line, so a corrupt or hostile file never lands
half-installed. `ModelPackage` describes a package, installed or offered by the index.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from workbench.core.errors import ModelError

# Real packages hold a few hundred MB of int8 weights, which barely compress; a bigger total,
# or a big member that compresses like a run of zeros, is a zip bomb.
MAX_PACKAGE_BYTES = 4 * 2**30
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_ABOVE = 16 * 2**20  # small members (vocabularies, tiny test models) compress well
# An Argos language code: "fr", "pt_BR", "zt" (Argos's own code for traditional Chinese).
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class ModelPackage:
    """An Argos translate package, installed (`path` set) or offered by the index (`links`)."""

    from_code: str
    to_code: str
    version: str
    from_name: str = ""
    to_name: str = ""
    path: Path | None = None
    links: tuple[str, ...] = ()
    target_prefix: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}_{self.to_code}"

    @property
    def name(self) -> str:
        """The argospm name, e.g. `translate-fr_en`."""
        return f"translate-{self.pair}"


def inspect_package_file(path: Path) -> ModelPackage:
    """Check that `path` is a well-formed, safe `.argosmodel`; return what it holds."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"package file not found: {path}")
    if not zipfile.is_zipfile(path):
        raise ModelError(
            f"{path.name} is not an Argos package (not a zip archive); download it again"
        )
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            _check_member_names(path, names)
            _check_sizes(path, archive.infolist())  # before testzip inflates a bomb
            top = PurePosixPath(names[0]).parts[0]
            bad = archive.testzip()
            if bad is not None:
                raise ModelError(
                    f"{path.name} is corrupt ({bad} fails its checksum); download it again"
                )
            try:
                metadata = json.loads(archive.read(f"{top}/metadata.json"))
            except KeyError:
                raise ModelError(
                    f"{path.name} is not an Argos package: it has no metadata.json"
                ) from None
            except ValueError:
                raise ModelError(
                    f"{path.name} has an unreadable metadata.json; download it again"
                ) from None
            if not any(name.startswith(f"{top}/model/") for name in names):
                raise ModelError(
                    f"{path.name} holds no CTranslate2 model (model/ folder); download it again"
                )
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ModelError(f"{path.name} is corrupt ({error}); download it again") from None
    if (
        not isinstance(metadata, dict)
        or not metadata.get("from_code")
        or not metadata.get("to_code")
    ):
        raise ModelError(
            f"{path.name}: metadata.json names no from_code/to_code; it is not a translate package"
        )
    for field in ("from_code", "to_code"):
        code = metadata[field]
        if not isinstance(code, str) or not _LANGUAGE_CODE.fullmatch(code):
            raise ModelError(
                f"refusing {path.name}: its metadata.json {field} {code!r} is not a language code"
            )
    return ModelPackage(
        from_code=metadata["from_code"],
        to_code=metadata["to_code"],
        version=str(metadata.get("package_version", "")),
        from_name=metadata.get("from_name", ""),
        to_name=metadata.get("to_name", ""),
        path=None,
        target_prefix=metadata.get("target_prefix", ""),
    )


def _check_member_names(path: Path, names: list[str]) -> None:
    if not names:
        raise ModelError(f"{path.name} is an empty archive, not an Argos package")
    seen: set[str] = set()
    for name in names:
        key = name.replace("\\", "/").rstrip("/")
        if key in seen:  # which copy would be unpacked is up to the tool
            raise ModelError(f"refusing {path.name}: it holds '{name}' twice")
        seen.add(key)
    tops = set()
    for name in names:
        pure = PurePosixPath(name.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts or (pure.parts and ":" in pure.parts[0]):
            raise ModelError(
                f"refusing {path.name}: member '{name}' would be written outside the packages folder"
            )
        tops.add(pure.parts[0] if pure.parts else "")
    if len(tops) != 1 or "" in tops:
        raise ModelError(
            f"refusing {path.name}: an Argos package holds exactly one top folder, this has {len(tops)}"
        )


def _check_sizes(path: Path, members: list[zipfile.ZipInfo]) -> None:
    total = sum(member.file_size for member in members)
    if total > MAX_PACKAGE_BYTES:
        raise ModelError(
            f"refusing {path.name}: it unpacks to {total / 2**30:.1f} GiB, over the "
            f"{MAX_PACKAGE_BYTES // 2**30} GiB a translation package may take"
        )
    for member in members:
        ratio = member.file_size / max(1, member.compress_size)
        if member.file_size > RATIO_CHECKED_ABOVE and ratio > MAX_COMPRESSION_RATIO:
            raise ModelError(
                f"refusing {path.name}: '{member.filename}' expands {ratio:.0f} times "
                f"(a zip bomb?); a real model compresses far less"
            )
