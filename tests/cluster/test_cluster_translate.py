"""`workbench translate --cluster` writes the catalogs the local run writes, byte for byte."""

from __future__ import annotations

import os

import pytest

from tests.cluster.conftest import catalog_bytes
from workbench.core.cluster.checkpoint import CHECKPOINT_NAME

pytestmark = pytest.mark.xdist_group("ray")  # one Ray for all of them (see conftest.py)

SEED = "seeds/azertac-2020-06-27.fr.txt"
GLOSSARY = "glossaries/azertac.tbx"


@pytest.fixture
def glossary(project, seed_path):
    import shutil

    (project / "glossaries").mkdir()
    shutil.copy(seed_path.parents[1] / GLOSSARY, project / GLOSSARY)
    return project / GLOSSARY


def translate_both_ways(run, project, *args, actors=2):
    """Run the job locally into local/, then on the cluster into cluster/; both outputs."""
    local = run("translate", *args, "--out", "local")
    assert local.exit_code == 0, local.output
    cluster = run("translate", *args, "--out", "cluster", "--cluster", "--actors", str(actors))
    assert cluster.exit_code == 0, cluster.output
    return local, cluster


def test_seed_with_glossary_gives_identical_catalogs(
    project, run, tiny_packages, ray_address, fixed_dates, glossary, monkeypatch
):
    from workbench.core.cluster import session as sessions

    pools = []  # the actors each translation call was given
    original = sessions.ClusterSession._pool
    monkeypatch.setattr(
        sessions.ClusterSession, "_pool", lambda self: pools.append(original(self)) or pools[-1]
    )
    args = (SEED, "--to", "en,az", "--glossary", glossary, "--batch-size", "4", "--no-tm")
    # One actor for every translation call of the job (each leg, each glossary pass).
    _, cluster = translate_both_ways(run, project, *args, actors=1)
    assert len(pools) > 2
    assert len({id(actor) for pool in pools for actor in pool}) == 1, "one pool for the job"
    expected = catalog_bytes(project / "local")
    assert set(expected) == {
        "azertac-2020-06-27.pot",
        "en/LC_MESSAGES/azertac-2020-06-27.po",
        "az/LC_MESSAGES/azertac-2020-06-27.po",
    }
    assert catalog_bytes(project / "cluster") == expected
    assert b"Term: " in expected["az/LC_MESSAGES/azertac-2020-06-27.po"]
    assert "resumed from the checkpoint" in cluster.output
    assert not (project / "cluster" / CHECKPOINT_NAME).exists(), "a finished job keeps none"


def test_several_documents_both_targets_identical_catalogs(
    project, run, tiny_packages, ray_address, fixed_dates, seed_text, monkeypatch
):
    import workbench.cli.progress

    monkeypatch.setattr(workbench.cli.progress, "is_interactive", lambda: True)  # draw the bar
    paragraphs = seed_text.split("\n\n")
    (project / "one.fr.txt").write_text("\n\n".join(paragraphs[:3]), encoding="utf-8")
    (project / "two.fr.txt").write_text(
        "\n\n".join([*paragraphs[2:], "Une phrase de plus."]), encoding="utf-8"
    )
    args = ("one.fr.txt", "two.fr.txt", "--to", "en,az", "--batch-size", "3", "--no-tm")
    _, cluster = translate_both_ways(run, project, *args)
    expected = catalog_bytes(project / "local")
    assert len(expected) == 6  # two catalogs per target and two templates
    assert catalog_bytes(project / "cluster") == expected
    assert "by 2 actors" in cluster.output
    # The progress bar counts what comes back from the actors: done/total, rate, per route.
    assert "seg/s" in cluster.stderr and "fr→en→az" in cluster.stderr
    total = len(_msgids(project / "local"))  # distinct sentences of both documents
    assert f"{total}/{total}" in cluster.stderr


def test_a_killed_actor_is_restarted_and_the_job_still_gives_identical_catalogs(
    project, run, tiny_packages, ray_address, fixed_dates, monkeypatch
):
    import signal

    from workbench.core.cluster import session as sessions

    killed: list[int] = []
    original = sessions.ClusterSession.translate_rows

    def kill_after_the_first_batch(self, *args, **kwargs):
        for row in original(self, *args, **kwargs):
            if not killed:
                killed.append(_actor_pids()[0])
                os.kill(killed[0], signal.SIGKILL)
            yield row

    args = (SEED, "--to", "en", "--batch-size", "2", "--no-tm")
    local = run("translate", *args, "--out", "local")
    assert local.exit_code == 0, local.output
    monkeypatch.setattr(sessions.ClusterSession, "translate_rows", kill_after_the_first_batch)
    cluster = run("translate", *args, "--out", "cluster", "--cluster", "--actors", "1")
    assert cluster.exit_code == 0, cluster.output
    assert killed, "an actor must have been killed"
    assert catalog_bytes(project / "cluster") == catalog_bytes(project / "local")
    assert "9 batches translated" in cluster.output  # 18 sentences, 2 a batch, none lost


def test_a_cancelled_job_stops_its_actors_and_keeps_its_checkpoint(
    tiny_packages, ray_address, seed_text, tmp_path
):
    import threading
    import time

    from workbench.core.cluster.session import ClusterSession, ClusterSettings
    from workbench.core.engines import argos
    from workbench.core.errors import Cancelled

    sentences = [line for line in seed_text.splitlines() if line.strip()]
    options = argos.DecodingOptions(batch_size=1)
    engine = argos.open_engine("fr", "en", options, install_missing=False)
    cancel = threading.Event()  # Ctrl+C, as the CLI's progress loop sets it
    with ClusterSession(ClusterSettings(actors=1), tmp_path) as session:
        distributed = session.distribute(engine)
        with pytest.raises(Cancelled):
            distributed.translate_batch(sentences, cancel=cancel, progress=lambda n: cancel.set())
        assert _actor_pids(), "the job's actor runs until the job ends"
        assert 0 < session.checkpoint.count() < len(sentences)
    assert (tmp_path / CHECKPOINT_NAME).exists(), "an unfinished job keeps its checkpoint"
    deadline = time.monotonic() + 10
    while _actor_pids():
        assert time.monotonic() < deadline, "the cancelled job's actor is still running"
        time.sleep(0.05)


def _actor_pids() -> list[int]:
    """Processes of this Ray's translator actors (Ray titles them after the class). Only ours:
    the Ray the tests started here is this process's child, its workers their grandchildren
    (other Rays on a shared machine have translator actors too)."""
    from pathlib import Path

    def parent(pid: str) -> str:
        # /proc/PID/stat: "pid (command) state ppid ..."; the command may hold spaces.
        return (Path("/proc") / pid / "stat").read_text().rpartition(")")[2].split()[1]

    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                title = (proc / "cmdline").read_bytes()
                if not (title.startswith(b"ray::") and b"TranslatorActor" in title):
                    continue
                if parent(parent(proc.name)) == str(os.getpid()):
                    pids.append(int(proc.name))
            except (OSError, IndexError):
                continue
    return pids


def _msgids(locales):
    import polib

    return {
        e.msgid for path in locales.glob("en/LC_MESSAGES/*.po") for e in polib.pofile(str(path))
    }
