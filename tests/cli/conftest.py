"""Helpers for driving the CLI in-process, in a project folder of its own."""

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from workbench.cli import main


@pytest.fixture
def project(tmp_path, monkeypatch, seed_path):
    """A fresh project folder holding seeds/<the seed>, as the working directory."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(seed_path, tmp_path / "seeds" / seed_path.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, **kwargs):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)

    return invoke


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )


def load_po(path: Path) -> polib.POFile:
    return polib.pofile(str(path))


def one_line_error(result) -> str:
    """The error a failed command printed: exactly one line, no traceback."""
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("workbench: error: ")
    assert "Traceback" not in result.output
    return lines[0]
