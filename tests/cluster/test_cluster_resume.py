"""A cluster job killed with SIGKILL and started again redoes only the batches not yet finished.

The job that is killed runs in a process of its own (connecting to the tests' Ray as a real
second driver would); the rerun needs no process of its own and runs here, on the same Ray.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cluster.conftest import catalog_bytes
from workbench.core.cluster.checkpoint import CHECKPOINT_NAME

pytestmark = pytest.mark.xdist_group("ray")  # one Ray for all of them (see conftest.py)

REPO = Path(__file__).resolve().parents[2]
SEED = "seeds/azertac-2020-06-27.fr.txt"
JOB = (SEED, "--to", "az", "--batch-size", "1", "--no-tm")
BATCHES = 36  # 18 distinct sentences, one a batch, on both legs of fr→en→az
# The job in a process of its own, with the PO header dates fixed as `fixed_dates` fixes them here.
DRIVER = (
    "import sys, workbench.core.catalogs.merge as c\n"
    "c.po_timestamp = lambda: '2026-01-01 00:00+0000'\n"
    "from workbench.cli import main\n"
    "sys.exit(main())"
)


def cluster_args(address):
    return ("--cluster", address, "--actors", "1")


def start_job(project, address):
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            DRIVER,
            "translate",
            *JOB,
            "--out",
            "cluster",
            *cluster_args(address),
        ],
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, killed whole below
    )


def recorded_batches(path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM batches").fetchone()[0]
    except sqlite3.Error:  # created but no table yet
        return 0


def test_a_job_killed_after_a_checkpoint_resumes_and_gives_identical_catalogs(
    project, run, tiny_packages, ray_address, fixed_dates
):
    local = run("translate", *JOB, "--out", "local")
    assert local.exit_code == 0, local.output
    checkpoint = project / "cluster" / CHECKPOINT_NAME

    job = start_job(project, ray_address)
    deadline = time.monotonic() + 120
    while recorded_batches(checkpoint) < 3:
        assert job.poll() is None, job.communicate()
        assert time.monotonic() < deadline, "no batch was checkpointed in time"
        time.sleep(0.05)
    os.killpg(job.pid, signal.SIGKILL)
    job.communicate()
    kept = recorded_batches(checkpoint)
    assert 0 < kept < BATCHES
    assert not list((project / "cluster").rglob("*.po*")), "the killed job wrote no catalog"

    rerun = run("translate", *JOB, "--out", "cluster", *cluster_args(ray_address))
    assert rerun.exit_code == 0, rerun.output
    translated, resumed = map(
        int, re.search(r"(\d+) batches translated .* (\d+) resumed", rerun.output).groups()
    )
    assert resumed >= kept and translated == BATCHES - resumed
    assert catalog_bytes(project / "cluster") == catalog_bytes(project / "local")
    assert not checkpoint.exists()
