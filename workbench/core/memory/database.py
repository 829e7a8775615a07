"""The memory file: SQLite with our application id, its format (and migrating older ones),
connections (read-only ones too) and SQLite's errors as one-line messages.

Every write runs in one IMMEDIATE transaction (all or nothing); the file is in WAL mode so
readers never wait for a writer. A file that is not a database, a damaged one, or one another
process keeps locked beyond the timeout gives a one-line error instead of a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

import platformdirs

from workbench.core.errors import InputError, OutputError, WorkbenchError

SCHEMA_VERSION = 2  # 2: a context column (msgctxt) in the unit key
# PRAGMA application_id marks the file as ours ("WBTM"), so we never write into someone
# else's SQLite database.
APPLICATION_ID = 0x5742544D
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

_SCHEMA = """
CREATE TABLE unit (
    id INTEGER PRIMARY KEY,
    source_lang TEXT NOT NULL,   -- as given, normalised: fr, pt_BR
    target_lang TEXT NOT NULL,
    source_group TEXT NOT NULL,  -- without the region: what lookups match on
    target_group TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    source_key TEXT NOT NULL,    -- NFC, white space folded
    target_key TEXT NOT NULL,
    origin TEXT NOT NULL,
    document TEXT,
    created_at TEXT NOT NULL,    -- UTC, ISO 8601
    created_by TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '',  -- a catalog entry's msgctxt, '' for none
    -- One index for both jobs: its prefix (groups, source_key) serves exact lookups.
    UNIQUE (source_group, target_group, source_key, target_key, source_lang, target_lang, context)
);
"""
COLUMNS = (
    "source_lang, target_lang, source_group, target_group, source, target, source_key, "
    "target_key, origin, document, created_at, created_by, context"
)
# Format 1 had no context column: its units had none.
_MIGRATE_FROM_1 = f"""
ALTER TABLE unit RENAME TO unit_v1;
{_SCHEMA}
INSERT INTO unit (id, {COLUMNS})
    SELECT id, {COLUMNS.replace(", context", "")}, '' FROM unit_v1 ORDER BY id;
DROP TABLE unit_v1;
"""


def default_memory_path() -> Path:
    """The user's memory: `memory.sqlite` in the user data folder (honours XDG_DATA_HOME)."""
    return Path(platformdirs.user_data_dir("workbench")) / "memory.sqlite"


def format_time(moment: datetime) -> str:
    if moment.tzinfo is None:  # a naive time is taken to be UTC, as TMX dates are
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


def read_header(connection: sqlite3.Connection) -> tuple[int, int, int]:
    """(application id, schema version, number of schema objects) of an open database."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    objects = connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    return int(application_id), int(version), int(objects)


def connect(path: Path, timeout: float, *, read_only: bool = False) -> sqlite3.Connection:
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a translation memory; give a file path to --tm")
    if path.exists() and not path.is_file():  # SQLite would block forever reading a FIFO
        raise InputError(
            f"{path} is not a regular file, so not a translation memory; give a file path to --tm"
        )
    if read_only:
        return _connect_read_only(path, timeout)
    if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        # SQLite would say only "unable to open database file" (it needs the folder for its
        # -wal and -shm files).
        raise OutputError(
            f"cannot write the translation memory {path}: it or its folder is read-only; "
            f"pass --no-tm, or copy the memory somewhere writable and pass --tm COPY"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            f"cannot create {path.parent} for the translation memory: {error.strerror}"
        ) from None
    try:
        # Autocommit mode: transactions are opened explicitly (BEGIN IMMEDIATE) in _write().
        return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as error:
        raise user_error(path, error) from None


def _connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that never writes. Where nothing can be written (a read-only file system)
    SQLite cannot even take its locks, so the file is opened as immutable."""
    writable = os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if writable else "&immutable=1")
    try:
        return sqlite3.connect(
            uri, uri=True, timeout=timeout, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as error:
        raise user_error(path, error) from None


def user_error(path: Path, error: sqlite3.Error) -> WorkbenchError:
    code = getattr(error, "sqlite_errorname", "")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return WorkbenchError(
            f"the translation memory {path} is locked by another program (another workbench "
            f"run?); wait for it to finish and try again"
        )
    if code.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        return InputError(
            f"{path} is not a usable translation memory ({error}); restore a backup or pass "
            f"another file with --tm"
        )
    if code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_FULL", "SQLITE_IOERR")):
        return OutputError(f"cannot use the translation memory {path}: {error}")
    return InputError(f"the translation memory {path} cannot be used: {error}")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


class MemoryFile:
    """An open memory file: its connection, its format and its transactions (all or nothing).
    Use as a context manager, or call close()."""

    def __init__(self, path: Path, *, timeout: float = 5.0, read_only: bool = False) -> None:
        """`read_only` opens an existing memory for lookups and export only: it works where the
        file or its folder cannot be written (a read-only file system, another user's file)."""
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._connection = connect(self.path, timeout, read_only=read_only)
        try:
            with self._database_errors():
                self._prepare_schema()
        except BaseException:
            self._connection.close()
            raise

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def verify(self) -> None:
        """An InputError if the file is damaged anywhere (SQLite's quick_check reads it all):
        inserting can succeed in a memory whose other pages are garbage."""
        with self._lock, self._database_errors():
            problems = [row[0] for row in self._connection.execute("PRAGMA quick_check(1)")]
        if problems != ["ok"]:
            raise InputError(
                f"{self.path} is not a usable translation memory (damaged: {_one_line(problems[0])}); "
                f"restore a backup or pass another file with --tm"
            )

    def check_writable(self) -> None:
        """An error now, before other files are written, if adding to the memory would fail
        (read-only, locked by another program, on a read-only file system)."""
        if self.read_only:
            raise OutputError(f"the translation memory {self.path} is open read-only")
        with self._write():
            pass

    def _prepare_schema(self) -> None:
        connection = self._connection
        if self.read_only:
            if read_header(connection)[0] != APPLICATION_ID:
                raise InputError(
                    f"{self.path} is not a workbench translation memory; pass another --tm file"
                )
            return
        if read_header(connection) == (0, 0, 0):  # a new, empty file: make it a memory
            connection.execute("PRAGMA journal_mode=WAL")
            with self._write():
                # Another process may have created it while we waited for the write lock.
                if read_header(connection) == (0, 0, 0):
                    connection.execute(_SCHEMA)
                    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        application_id, version, _ = read_header(connection)
        if application_id != APPLICATION_ID:
            raise InputError(
                f"{self.path} is a SQLite database but not a workbench translation memory; "
                f"pass another --tm file"
            )
        if version > SCHEMA_VERSION:
            raise InputError(
                f"{self.path} was written by a newer workbench (memory format {version}); "
                f"upgrade workbench to use it"
            )
        if version < SCHEMA_VERSION:
            self._migrate()
        connection.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL cannot corrupt the file; a bigger page cache keeps the
        # unique index in memory during large imports.
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute("PRAGMA cache_size=-32000")

    def _migrate(self) -> None:
        """Bring an older memory file to this format, in one transaction (all or nothing)."""
        with self._write() as connection:
            version = read_header(connection)[1]  # another process may have migrated it meanwhile
            if version == 1:
                for statement in _MIGRATE_FROM_1.split(";"):
                    if statement.strip():
                        connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def _database_errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise user_error(self.path, error) from None

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise OutputError(f"cannot add to the translation memory {self.path}: open read-only")
        with self._lock, self._database_errors():
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
                raise
