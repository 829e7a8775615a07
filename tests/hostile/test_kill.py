"""kill -9 during the review's save: the catalog on disk is always a whole version, old or new.

One helper process runs the rounds: it forks a child that opens a review session and saves a
new translation in a loop, reporting each version it saved, and kills it with SIGKILL at a
random moment, then keeps a copy of the catalog as it was left. Each copy must parse, pass
msgfmt, hold every entry, and carry the version saved last or the one being written, never a
torn file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROUNDS = 6

HELPER = """
import itertools, os, random, signal, sys, time
from pathlib import Path
from workbench.core.review import ReviewSession

catalog, rounds, rng = Path(sys.argv[1]), int(sys.argv[2]), random.Random(int(sys.argv[3]))
# Version -1, saved here first: the children then start with every lazy import done.
warm = ReviewSession.open(Path("doc.fr.txt"), ["en"], Path("locales"))
warm.set_translation(0, "en", "version -1")
warm.save()
for round_number in range(rounds):
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read_end)
        session = ReviewSession.open(Path("doc.fr.txt"), ["en"], Path("locales"))
        for version in itertools.count(round_number * 100_000):
            session.set_translation(0, "en", f"version {version} " + "x" * (version % 400))
            session.save()
            os.write(write_end, f"{version}\\n".encode())
    os.close(write_end)
    time.sleep(0.08 + rng.random() * 0.12)
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    with os.fdopen(read_end) as reports:
        saved = [line for line in reports.read().split() if line]
    Path(f"round-{round_number}.po").write_bytes(catalog.read_bytes())
    print(round_number, saved[-1] if saved else "none", flush=True)
"""


@pytest.fixture
def catalog(project, run) -> Path:
    (project / "doc.fr.txt").write_text(
        "\n\n".join(f"Phrase numéro {i}." for i in range(200)), encoding="utf-8"
    )
    assert run("translate", "doc.fr.txt", "--to", "en", "--no-mt", "--no-tm").exit_code == 0
    return project / "locales" / "en" / "LC_MESSAGES" / "doc.po"


def _version(po: polib.POFile, msgid: str) -> int:
    entry = po.find(msgid)
    assert entry is not None
    return int(entry.msgstr.split()[1])


def test_a_save_killed_at_any_moment_leaves_a_whole_catalog(project, catalog):
    original = polib.pofile(str(catalog))
    msgids = [entry.msgid for entry in original]
    edited = next(entry.msgid for entry in original if entry.msgid)
    done = subprocess.run(
        [sys.executable, "-c", HELPER, str(catalog), str(ROUNDS), "13"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    previous = -1  # what the helper saved before the first round
    saves = 0
    for line in done.stdout.splitlines():
        round_number, last = line.split()
        copy = project / f"round-{round_number}.po"
        after = polib.pofile(str(copy))
        assert [entry.msgid for entry in after] == msgids
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(copy)])
        assert check.returncode == 0
        version = _version(after, edited)
        first_of_round = int(round_number) * 100_000
        if last == "none":  # killed before its first save was reported
            assert version in {previous, first_of_round}
        else:
            saves += 1
            assert version in {int(last), int(last) + 1}  # saved last, or the one in flight
        previous = version
    assert saves >= ROUNDS // 2, "too few rounds got to save before the kill"
