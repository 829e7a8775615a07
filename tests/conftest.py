"""Test-wide setup: a private home for every run, and the tiny real Argos packages.

The environment is set at import time, before any test module can import argostranslate,
whose settings module reads HOME, XDG_* and ARGOS_PACKAGES_DIR once, when first imported.
Under pytest-xdist every worker is a process of its own that imports this module itself, so
each worker gets its own home and packages folder (named after the worker) and builds its own
session fixtures: no worker ever sees another's files.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.support.sandbox import isolate_environment

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
_RUN_HOME = Path(tempfile.mkdtemp(prefix=f"workbench-tests-{WORKER}-"))
isolate_environment(_RUN_HOME)
# One OpenMP thread per CTranslate2 call (set before it loads; subprocesses inherit it): the test
# models are tiny and the xdist workers already fill the cores, so a second thread only
# synchronises; it cost ~2.5x the CPU of one (1.9 s against 0.7 s for the seed fr→en→az).
os.environ.setdefault("OMP_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "azertac-2020-06-27.fr.txt"


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """What `-n auto` means here: a worker per core and one more. The workers wait about as
    much as they compute (the TUI tests' idle checks and timers, Ray's start-up and actors,
    msgfmt and pocount in subprocesses), so the extra worker runs while another one waits.
    PYTEST_XDIST_AUTO_NUM_WORKERS still decides when it is set (None: xdist's own rule)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    # The cores this process may use (a container's share), where the system can tell.
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_RUN_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def private_user_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test gets its own user data folder, so the default translation memory one test
    fills never answers another test's lookups. (Argos's folders were fixed at import.)"""
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def tiny_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build and install fr→en (copy) and en→az (token permutation) into ARGOS_PACKAGES_DIR.

    Returns the `.argosmodel` files by pair ("fr_en", "en_az"). Installed as `workbench models
    install` does: argostranslate's own `install_from_path` imports its translate module (stanza,
    spaCy), a second or more of every worker's start-up that nothing else here needs.
    """
    from tests.support.tiny_argos import build_package, training_corpus
    from workbench.core.engines.argos_packages import install_model_file

    out = tmp_path_factory.mktemp("argosmodels")
    corpus = training_corpus()
    built = {
        "fr_en": build_package(out, "fr", "en", training_text=corpus),
        "en_az": build_package(out, "en", "az", training_text=corpus, permutation_seed=7),
    }
    for path in built.values():
        install_model_file(path)
    return built
