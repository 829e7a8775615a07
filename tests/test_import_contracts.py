"""The layer contracts in pyproject.toml hold, and a wrong-way import breaks them.

`lint-imports` runs in a process of its own (as CI runs it), on this checkout and on a copy of
the package with wrong-way imports planted in it: one up the layers, one lazy (inside a
function) between packages that must not know each other, one of Textual from the core.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

LINT = (
    "import sys\nfrom importlinter.cli import lint_imports\n"
    "sys.exit(lint_imports(no_cache=True, no_logo=True))"
)


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with `root`'s pyproject.toml, on `root`'s `workbench` package."""
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "300"}
    return subprocess.run(
        [sys.executable, "-c", LINT], cwd=root, env=env, capture_output=True, text=True
    )


def plant(path: Path, code: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + code + "\n", encoding="utf-8")


def test_the_contracts_hold():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_wrong_way_import_breaks_its_contract(tmp_path):
    shutil.copytree(
        REPO / "workbench", tmp_path / "workbench", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    core = tmp_path / "workbench" / "core"
    plant(core / "sources" / "units.py", "from workbench.core.catalogs import pofile")
    plant(
        core / "memory" / "__init__.py",
        "def _terms() -> object:\n    from workbench.core.glossary import Glossary\n\n    return Glossary",
    )
    plant(core / "checks" / "base.py", "import textual")

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout
    assert "Front ends over the pipeline, over the core packages, over the basics BROKEN" in report
    assert "workbench.core.sources.units -> workbench.core.catalogs.pofile" in report
    assert "Memory, glossary and cluster do not know each other BROKEN" in report
    assert "workbench.core.memory -> workbench.core.glossary" in report
    assert "The core never imports the front ends' libraries BROKEN" in report
    assert "workbench.core.checks.base -> textual" in report
    assert "The QA checks and the memory do not know each other KEPT" in report
