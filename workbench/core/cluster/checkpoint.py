"""Finished batches on disk beside the output, so a killed job redoes only what was not done.

Per batch, not per catalog: a batch is the unit a worker finishes, so a job killed at 90% of its
one big catalog keeps 90% of its work; and since a rerun cuts the same batches from the same
input, a batch's key (model, decoding settings, its token sequences) finds its results again.
Each batch is one SQLite transaction, so a kill -9 at any moment leaves every recorded batch
whole and nothing half-written. The file is removed when the job that used it finished.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from workbench.core.errors import OutputError

CHECKPOINT_NAME = ".workbench-cluster-checkpoint.sqlite"


def batch_key(leg: str, n_best: int, batch_text: str) -> str:
    """The identity of one batch of one leg: what must match for its results to be reused."""
    return hashlib.sha256(json.dumps([leg, n_best, batch_text]).encode("utf-8")).hexdigest()


class BatchCheckpoint:
    """Results of finished batches, keyed by `batch_key`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._used: set[str] = set()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            # WAL: a commit survives the process being killed; readers never see half a batch.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS batches (key TEXT PRIMARY KEY, results TEXT NOT NULL)"
            )
        except sqlite3.Error as error:
            raise OutputError(f"cannot keep a checkpoint in {path} ({error})") from None

    def found(self, keys: Iterable[str]) -> dict[str, str]:
        """The recorded results of those of `keys` that finished before."""
        keys = list(keys)
        self._used.update(keys)
        found: dict[str, str] = {}
        for begin in range(0, len(keys), 500):  # SQLite's limit on bound parameters
            chunk = keys[begin : begin + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self._db.execute(
                    f"SELECT key, results FROM batches WHERE key IN ({marks})", chunk
                ).fetchall()
            )
        return found

    def record(self, key: str, results: str) -> None:
        self._used.add(key)
        self._db.execute("INSERT OR REPLACE INTO batches VALUES (?, ?)", (key, results))

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM batches").fetchone()[0])

    def close(self, *, finished: bool) -> None:
        """Close; when the job `finished`, forget its batches, and the file once it is empty
        (another job writing into the same folder may still need its own)."""
        if finished:
            used = list(self._used)
            for begin in range(0, len(used), 500):
                chunk = used[begin : begin + 500]
                self._db.execute(
                    f"DELETE FROM batches WHERE key IN ({','.join('?' * len(chunk))})", chunk
                )
            empty = self.count() == 0
        self._db.close()
        if finished and empty:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
