"""The test sandbox: every test process (each pytest-xdist worker too) has a home of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, WORKER

SANDBOXED = ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")


def sandbox_of(environment: dict[str, str]) -> dict[str, Path]:
    return {name: Path(environment[name]) for name in SANDBOXED}


def test_home_and_argos_packages_are_in_this_workers_own_folder():
    folders = sandbox_of(dict(os.environ))
    home = folders["HOME"].parent
    assert home.name.startswith(f"workbench-tests-{WORKER}-")
    assert folders["ARGOS_PACKAGES_DIR"].parent == home
    # XDG_DATA_HOME is moved again for each test (the `private_user_data` fixture).
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR"):
        assert home in folders[name].parents
    assert Path.home() == folders["HOME"]


def test_argostranslate_installs_into_the_sandbox(tiny_packages):
    import argostranslate.package
    import argostranslate.settings

    packages_dir = Path(os.environ["ARGOS_PACKAGES_DIR"])
    assert Path(argostranslate.settings.package_data_dir) == packages_dir
    installed = argostranslate.package.get_installed_packages()
    assert installed and all(packages_dir in p.package_path.parents for p in installed)


def test_two_worker_processes_get_different_sandboxes(tmp_path):
    """What pytest-xdist does: separate processes, each importing tests/conftest.py."""
    show = f"import os, tests.conftest; print(*(os.environ[n] for n in {SANDBOXED!r}))"
    sandboxes = []
    for worker in ("gw0", "gw1"):
        environment = {**os.environ, "PYTEST_XDIST_WORKER": worker}
        output = subprocess.run(
            [sys.executable, "-c", show],
            cwd=REPO,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        sandboxes.append(dict(zip(SANDBOXED, output, strict=True)))
        shutil.rmtree(Path(sandboxes[-1]["HOME"]).parent)  # a bare import never finishes a session
    first, second = sandboxes
    assert all(first[name] != second[name] for name in SANDBOXED)
    assert "workbench-tests-gw0-" in first["ARGOS_PACKAGES_DIR"]
    assert "workbench-tests-gw1-" in second["ARGOS_PACKAGES_DIR"]
