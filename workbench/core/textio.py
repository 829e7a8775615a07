"""Reading text the user gives us, and writing files that hold a translator's work.

Reads fail with one clear line (missing, a directory, not a regular file, too big, not UTF-8,
control characters). Writes are atomic (temporary file in the same folder, fsync, rename),
write through a symlink to its target, refuse to replace a file that changed since the caller
read it, so nobody's edit is silently lost, and sweep temporary files a killed run left behind.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import re
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import ConflictError, InputError, OutputError

UTF8_BOM = "\ufeff"
# Inputs are read whole: past this size a "document" is a mistake (a disk image, a log), and
# refusing it at once beats swapping. Documented in the README's Reliability section.
MAX_INPUT_BYTES = 64 * 1024 * 1024
# C0 controls and DEL, but tab, line feed, vertical tab, form feed and carriage return: a NUL in
# a msgid would be copied into the .po and break the .mo.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# A temporary file of ours: ".NAME.PID-RANDOM.tmp" (mkstemp's random part is 8 characters).
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[a-z0-9_]{8}\.tmp$")
# A temporary file lives for one write; one this old whose process is gone was left by a kill.
STALE_TEMP_SECONDS = 600


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
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{what} not found: {path}") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} is a directory, not a {what}; give the path of a file")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO would block forever, a device (/dev/zero) never ends.
        raise InputError(
            f"{path} is a {_file_kind(info.st_mode)}, not a regular file; give the path of a {what}"
        )
    if info.st_size > MAX_INPUT_BYTES:
        raise InputError(
            f"{path} is {info.st_size / 2**20:.0f} MiB, over the {MAX_INPUT_BYTES // 2**20} MiB "
            f"limit for a {what}; split it into smaller files"
        )
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, open does not hang.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise InputError(f"{path} is not a regular file; give the path of a {what}")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    finally:
        os.close(descriptor)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{path} grew past the {MAX_INPUT_BYTES // 2**20} MiB limit while read")
    return data


def _file_kind(mode: int) -> str:
    kinds = {
        stat.S_ISFIFO: "named pipe (FIFO)",
        stat.S_ISCHR: "character device",
        stat.S_ISBLK: "block device",
        stat.S_ISSOCK: "socket",
    }
    return next((kind for test, kind in kinds.items() if test(mode)), "special file")


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


def check_control_characters(text: str, path: Path | str) -> None:
    """An InputError naming the line and column of the first control character in `text`."""
    match = _CONTROL_CHARACTER.search(text)
    if match is None:
        return
    offset = match.start()
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    raise InputError(
        f"{path} holds a control character (U+{ord(match.group()):04X}) on line {line}, "
        f"column {column}; remove it (is this a text file?)"
    )


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
    A symlink is written through: its target is replaced, the link stays a link.
    """
    path = _through_symlinks(Path(path))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    ensure_writable_dir(path.parent)
    remove_stale_temp_files(path)
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
            prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=path.parent
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


def _through_symlinks(path: Path) -> Path:
    """The file a write to `path` must replace: the final target of a symlink (renaming over
    the link itself would turn it into a plain file and leave the target stale)."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if target.is_symlink():  # realpath gives up on a loop
        raise OutputError(f"cannot write {path}: it is a symlink loop")
    return target


def remove_stale_temp_files(path: Path, *, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Delete the temporary files a killed run left beside `path` (`.NAME.PID-XXXXXXXX.tmp`):
    only ours, for this file, older than `older_than` seconds and whose process is gone."""
    path = Path(path)
    removed = []
    now = time.time()
    for temp in path.parent.glob(glob.escape(f".{path.name}.") + "*.tmp"):
        match = _TEMP_NAME.match(temp.name)
        if match is None or match["name"] != path.name or _process_alive(int(match["pid"])):
            continue
        try:
            info = temp.lstat()
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < older_than:
                continue
            temp.unlink()
        except OSError:  # gone already, or not ours to delete
            continue
        removed.append(temp)
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # gone, or a pid no process can have
        return False
    except PermissionError:  # another user's live process
        return True
    return True


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
