"""The hostile-input suite's tools: a project folder, the CLI in-process, and the checks every
refusal must pass (its exit code, exactly one `workbench: error:` line, no traceback, and not
one file of the project changed)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from workbench.cli import main

DOCUMENT = "Bakou, le 27 juin. Le président a parlé.\n\nLa session a commencé.\n"

Snapshot = dict[str, tuple[object, ...]]
HASHED_UP_TO = 1 << 20


def snapshot(root: Path) -> Snapshot:
    """Every file and link under `root`: content hash (or size) and mtime for files."""
    state: Snapshot = {}
    for path in sorted(Path(root).rglob("*")):
        name = str(path.relative_to(root))
        if path.is_symlink():
            state[name] = ("link", str(path.readlink()))
        elif path.is_dir():
            continue  # an empty folder made on the way (locales/en/) holds nobody's work
        elif path.is_file():
            info = path.stat()
            # A big (sparse) file is compared by size and mtime: hashing it would cost seconds.
            content = info.st_size if info.st_size > HASHED_UP_TO else _digest(path)
            state[name] = ("file", content, info.st_mtime_ns)
        else:
            state[name] = ("special",)
    return state


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def error_line(result: Result, code: int = 2) -> str:
    """The one error line of a refused command (and the checks every refusal must pass)."""
    assert result.exit_code == code, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("workbench: error: "), lines[0]
    return lines[0]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder four levels under `tmp_path` (so paths that climb out of it stay in
    the test's own folder), holding doc.fr.txt, as the working directory."""
    folder = tmp_path / "a" / "b" / "c" / "d" / "project"
    folder.mkdir(parents=True)
    (folder / "doc.fr.txt").write_text(DOCUMENT, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def run() -> Callable[..., Result]:
    runner = CliRunner()

    def invoke(*args: object, **kwargs: object) -> Result:
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)

    return invoke


@pytest.fixture
def refused(run: Callable[..., Result], tmp_path: Path) -> Callable[..., str]:
    """Run a command that must be refused: returns its error line, after checking that no
    file anywhere under the test's folder changed."""

    def check(*args: object, code: int = 2) -> str:
        before = snapshot(tmp_path)
        result = run(*args)
        line = error_line(result, code)
        assert snapshot(tmp_path) == before, "a refused command changed files"
        return line

    return check


@pytest.fixture
def own_packages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty packages folder of the test's own, where Argos looks and installs (the
    session's tiny packages stay untouched)."""
    import argostranslate.settings as settings

    folder = tmp_path / "packages"
    folder.mkdir()
    monkeypatch.setattr(settings, "package_data_dir", folder)
    monkeypatch.setattr(settings, "package_dirs", [folder])
    return folder
