"""Reading text the user gives us, and writing files that hold a translator's work.

Reads fail with one clear line (missing, a directory, not UTF-8, empty). Writes are atomic
(temporary file in the same folder, fsync, rename) and refuse to replace a file that changed
since the caller read it, so nobody's edit is silently lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import ConflictError, InputError, OutputError

UTF8_BOM = "\ufeff"


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like when it was read; `digest` is None for a file that did not exist."""

    digest: str | None

    @classmethod
    def of(cls, path: Path) -> FileStamp:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return cls(None)
        return cls(hashlib.sha256(data).hexdigest())

    @classmethod
    def of_bytes(cls, data: bytes) -> FileStamp:
        return cls(hashlib.sha256(data).hexdigest())

    @property
    def exists(self) -> bool:
        return self.digest is not None


def read_input_bytes(path: Path, what: str = "file") -> bytes:
    """The bytes of an input file, or an InputError that says why not in one line."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{what} not found: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a directory, not a {what}; give the path of a file")
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None


def decode_utf8(data: bytes, path: Path, what: str = "file") -> str:
    """UTF-8 text without its BOM; a clear error naming the first bad byte otherwise."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{path} is not UTF-8 (byte 0x{data[error.start]:02x} on line {line}); "
            f"convert it first, e.g. iconv -f LATIN1 -t UTF-8 {path.name}"
        ) from None
    return text.removeprefix(UTF8_BOM)


def read_text(path: Path, what: str = "file") -> str:
    """The UTF-8 text of an input file (BOM removed, line endings as they are)."""
    path = Path(path)
    return decode_utf8(read_input_bytes(path, what), path, what)


def ensure_writable_dir(directory: Path) -> None:
    """Create `directory` if needed; an OutputError if it cannot hold our files."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"cannot write into {directory}: it is a file, not a folder") from None
    except OSError as error:
        raise OutputError(f"cannot create {directory}: {error.strerror}") from None
    if not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write into {directory}: permission denied")


def check_writable_dir(directory: Path) -> None:
    """The OutputError `ensure_writable_dir` would raise, without creating anything: a command
    checks its outputs first, and one that fails later leaves no empty folders behind."""
    directory = Path(directory).absolute()
    existing = next(folder for folder in (directory, *directory.parents) if folder.exists())
    if not existing.is_dir():
        raise OutputError(f"cannot write into {directory}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write into {directory}: permission denied")


def atomic_write(path: Path, data: bytes | str, *, expected: FileStamp | None = None) -> FileStamp:
    """Replace `path` with `data` in one step, so readers see the old or the new file, never half.

    With `expected`, the file on disk must still be what the caller read (or still absent);
    otherwise a ConflictError is raised and nothing is written. Returns the new file's stamp.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    ensure_writable_dir(path.parent)
    if expected is not None and FileStamp.of(path) != expected:
        raise ConflictError(
            f"{path} changed on disk since it was read; nothing was written. "
            f"Reload it (or merge with 'workbench import') and try again"
        )
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o666 & ~_current_umask()
    try:
        descriptor, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp_name).chmod(mode)
        Path(temp_name).replace(path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            Path(temp_name).unlink()
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror}") from None
        raise
    _fsync_dir(path.parent)
    return FileStamp.of_bytes(payload)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(directory: Path) -> None:
    # The rename itself is durable only once the folder's entry is on disk.
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
