"""The review session under threads: the UI edits while workers load, check, translate and save.

One seeded run of a few hundred random moments on a multi-thousand-segment project. What the TUI
does on its UI thread runs here on the test's thread; what it does in workers runs in threads.
It must never raise, never leave a torn or invalid catalog on disk, and never lose a saved edit.
"""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib
import pytest

from workbench.core.catalogs.merge import build_template, merge_catalog
from workbench.core.catalogs.paths import catalog_path
from workbench.core.catalogs.pofile import render
from workbench.core.engines.base import Engine, Hypothesis
from workbench.core.errors import Cancelled, InputError
from workbench.core.pipeline import PipelineOptions, PipelineResult
from workbench.core.review import ReviewSession
from workbench.core.review.entries import entry_value
from workbench.core.sources.document import load_document
from workbench.core.sources.units import UnitKey
from workbench.core.textio import atomic_write

TARGETS = ("en", "az")
SEGMENTS = 2000
MOMENTS = 300
TIME_BOUND = 2.5  # seconds of random moments; the whole test stays a few seconds


class UpperCaseEngine(Engine):
    """A deterministic engine with no model: the pipeline runs for real around it."""

    def __init__(self, target: str) -> None:
        super().__init__()
        self.source, self.target = "fr", target

    @property
    def signature(self) -> str:
        return "upper-case 1.0"

    def translate_prepared(self, batch: list[Any], n_best: int) -> list[list[Hypothesis]]:
        return [[Hypothesis(str(sentence).upper(), -0.5)] for sentence in batch]


def write_project(folder: Path, segments: int = SEGMENTS) -> Path:
    """A document of distinct sentences and a machine-draft catalog per target."""
    path = folder / "big.fr.txt"
    path.write_text(
        "\n\n".join(f"Phrase numéro {n} sur la coopération régionale." for n in range(segments))
        + "\n",
        encoding="utf-8",
    )
    document = load_document(path)
    template = build_template([document], document.name)
    for lang in TARGETS:
        po, _ = merge_catalog(None, template, lang, {})
        for number, entry in enumerate(template):
            if number % 3:  # two thirds drafted, a third empty
                po.find(entry.msgid).msgstr = f"{lang} {entry.msgid}"
                po.find(entry.msgid).flags.append("fuzzy")
        atomic_write(catalog_path(folder / "locales", lang, document.name), render(po))
    return path


class Failures:
    """Exceptions raised in any thread, kept for the test to report."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def guard(self, work: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                work()
            except BaseException as error:  # anything at all is a failure of the session
                self.errors.append(f"{type(error).__name__}: {error}")

        return run


def test_quit_save_reload_merge_at_random_moments_while_workers_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rng = random.Random(14)
    document_path = write_project(tmp_path)
    session = ReviewSession.open(document_path, TARGETS, tmp_path / "locales", load=False)
    msgids = [segment.text for segment in session.segments]
    mine = msgids[0::2]  # rows this "translator" edits
    theirs = msgids[1::2]  # rows "Poedit" edits on disk meanwhile
    expected: dict[
        tuple[str, str], tuple[tuple[str, ...], bool]
    ] = {}  # my values, as the session has them
    their_values: dict[tuple[str, str], str] = {}
    disk_gate = threading.Lock()  # our saves and "Poedit"'s writes never interleave
    stop = threading.Event()
    failures = Failures()

    def load_then_check_then_watch() -> None:
        for lang in TARGETS:
            session.attach(session.read_language(lang))
        session.check_all(cancel=stop)
        while not stop.is_set():  # what the disk watcher does; every read parses the file
            session.changed_on_disk()
            for lang in TARGETS:
                session.read_language(lang)
                session.counts(lang)

    def autosave() -> None:
        saver_rng = random.Random(15)
        while not stop.is_set():
            time.sleep(saver_rng.uniform(0, 0.02))
            with disk_gate:
                report = session.save()
                for lang in report.conflicts:
                    session.merge(lang)

    def machine_translate() -> None:
        engines: dict[str, Engine] = {lang: UpperCaseEngine(lang) for lang in TARGETS}
        options = PipelineOptions(install_missing=False)
        while not stop.is_set():
            loaded = [lang for lang in TARGETS if session.is_loaded(lang)]
            requests = {lang: [UnitKey(None, text) for text in mine[:40]] for lang in loaded}
            try:
                results.append(
                    session.machine_translate(
                        requests, engines=engines, options=options, cancel=stop
                    )
                )
            except Cancelled:  # the test is over
                return

    results: list[PipelineResult] = []
    workers = [
        threading.Thread(target=failures.guard(job), daemon=True)
        for job in (load_then_check_then_watch, autosave, machine_translate)
    ]
    for worker in workers:
        worker.start()

    def remember(lang: str, msgid: str) -> None:
        entry = session._lanes[lang].entries.get(UnitKey(None, msgid))
        expected[(lang, msgid)] = entry_value(entry) if entry is not None else (("",), False)

    def poedit_writes(lang: str) -> None:
        path = session.catalog_path(lang)
        with disk_gate:
            po = polib.pofile(str(path))
            msgid = rng.choice(theirs)
            text = f"poedit {rng.random():.6f}"
            po.find(msgid).msgstr = text
            atomic_write(path, str(po))
            their_values[(lang, msgid)] = text

    def one_moment(moment: int) -> None:
        lang = rng.choice(TARGETS)
        index = 2 * rng.randrange(len(mine))  # a row of mine
        msgid = msgids[index]
        action = rng.choice(
            ["edit", "edit", "approve", "unapprove", "drafts", "read", "read", "save", "quit",
             "poedit", "reload", "merge"]
        )  # fmt: skip
        if action == "edit":
            session.set_translation(index, lang, f"my edit {moment}")
            remember(lang, msgid)
        elif action == "approve":
            session.approve(index, lang)
            remember(lang, msgid)
        elif action == "unapprove":
            session.unapprove(index, lang)
            remember(lang, msgid)
        elif action == "drafts" and results:
            session.apply_drafts(results[-1])
            for code in TARGETS:
                for mt_key in results[-1].drafts.get(code, {}):
                    if session.is_loaded(code):
                        remember(code, mt_key.source)
        elif action == "read":
            session.row(index)
            session.counts(lang)
            session.alternatives(index, lang)
            session.empty_units(TARGETS)
        elif action in ("save", "quit"):
            session.dirty_languages()  # what quitting asks before it saves
            if session.dirty:
                with disk_gate:
                    session.save()
        elif action == "poedit" and session.is_loaded(lang):
            poedit_writes(lang)
        elif action == "reload" and lang not in session.dirty_languages():
            session.reload(lang)  # nothing unsaved: what was saved must come back from disk
            for (code, key), value in expected.items():
                if code == lang:
                    entry = session._lanes[lang].entries[UnitKey(None, key)]
                    assert entry_value(entry) == value, key
        elif action == "merge" and session.is_loaded(lang):
            session.merge(lang)

    deadline = time.monotonic() + TIME_BOUND
    try:
        for moment in range(MOMENTS):
            if time.monotonic() > deadline:
                break
            try:
                one_moment(moment)
            except InputError as error:  # the only refusal: a language still loading
                assert "still loading" in str(error)
            time.sleep(rng.uniform(0, 0.004))
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=30)
    assert not failures.errors, failures.errors
    assert session.is_loaded()

    for _ in range(5):  # what quitting with "save" does, conflicts merged first
        report = session.save()
        for lang in report.conflicts:
            session.merge(lang)
        if not session.dirty:
            break
    assert not session.dirty

    for lang in TARGETS:
        path = session.catalog_path(lang)
        on_disk = {entry.msgid: entry for entry in polib.pofile(str(path))}
        assert len(on_disk) == SEGMENTS  # none lost, none duplicated
        for (code, msgid), value in expected.items():
            if code == lang:
                assert entry_value(on_disk[msgid]) == value, msgid
        for (code, msgid), text in their_values.items():
            if code == lang and on_disk[msgid].msgstr != text:
                # only a later Poedit write to the same entry may replace it
                later = [t for (c, m), t in their_values.items() if (c, m) == (code, msgid)]
                assert on_disk[msgid].msgstr in later, msgid
        checked = subprocess.run(
            ["msgfmt", "-c", "--use-fuzzy", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
        )
        assert checked.returncode == 0, checked.stderr


@pytest.fixture
def switch_often():
    """Hand the interpreter between threads far more often than the default 5 ms, so a
    window between two bytecodes of an unguarded read is hit in a fraction of a second."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_reading_the_session_never_raises_while_languages_attach(tmp_path, switch_often):
    """The crash of issue 14: `dirty` iterated the lanes while the loader added one."""
    document_path = write_project(tmp_path, segments=20)  # small: many attaches a second
    first = ReviewSession.open(document_path, TARGETS, tmp_path / "locales", load=False)
    states = [first.read_language(lang) for lang in TARGETS]
    current = [first]
    stop = threading.Event()
    failures = Failures()

    def open_and_attach_again_and_again() -> None:
        while not stop.is_set():  # a new session each time, so every attach adds a language
            session = ReviewSession(first.document, TARGETS, first.locales)
            current[0] = session
            for state in states:
                session.attach(state)

    worker = threading.Thread(target=failures.guard(open_and_attach_again_and_again), daemon=True)
    worker.start()
    try:
        deadline = time.monotonic() + 1.0
        index = 0
        while time.monotonic() < deadline and not failures.errors:
            session = current[0]
            session.dirty  # noqa: B018 - reading it is the test
            session.dirty_languages()
            session.changed_on_disk()
            for lang in TARGETS:
                if session.is_loaded(lang):
                    session.counts(lang)
                    session.alternatives(index % len(session), lang)
            index += 1
    finally:
        stop.set()
        worker.join(timeout=10)
    assert not failures.errors, failures.errors
