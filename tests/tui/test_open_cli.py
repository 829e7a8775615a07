"""`workbench open` and bare `workbench`: arguments, the remembered project, bad input."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import main
from workbench.cli.open import LAST_OPEN


@pytest.fixture
def runs(monkeypatch):
    """Replace the app's run() (a real terminal) and record what it would have opened."""
    from workbench.tui.app import ReviewApp

    opened = []

    def fake_run(self):
        opened.append((self.request, self.theme))

    monkeypatch.setattr(ReviewApp, "run", fake_run)
    return opened


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_line_error(result):
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("workbench: error: "), result.stderr
    return lines[0]


def test_open_runs_the_app_and_remembers_the_project(project, runs):
    result = invoke("open", "seeds/azertac-2020-06-27.fr.txt", "--to", "en,az", "--no-tm")
    assert result.exit_code == 0, result.output
    ((request, theme),) = runs
    assert request.document == Path("seeds/azertac-2020-06-27.fr.txt")
    assert request.targets == ("en", "az") and request.source_lang == "fr"
    assert request.locales == Path("locales") and request.memory is None
    assert theme == "textual-dark"
    remembered = json.loads((project / LAST_OPEN).read_text(encoding="utf-8"))
    assert remembered["document"] == "seeds/azertac-2020-06-27.fr.txt"
    assert remembered["targets"] == ["en", "az"]


def test_bare_workbench_reopens_the_last_project(project, runs):
    invoke("open", "seeds/azertac-2020-06-27.fr.txt", "--to", "az", "--theme", "light")
    result = invoke()
    assert result.exit_code == 0, result.output
    assert "reopening seeds/azertac-2020-06-27.fr.txt" in result.stderr
    assert runs[1][0].targets == ("az",)
    assert runs[1][0] == runs[0][0]


def test_targets_default_to_the_catalogs_present(project, runs):
    result = invoke("open", "seeds/azertac-2020-06-27.fr.txt", "--tm", "memory.sqlite")
    assert result.exit_code == 0, result.output
    assert set(runs[0][0].targets) == {"en", "az"}
    assert runs[0][0].memory == Path("memory.sqlite")


def test_the_default_memory_is_the_users(project, runs):
    from workbench.core.memory import default_memory_path

    invoke("open", "seeds/azertac-2020-06-27.fr.txt", "--to", "en")
    assert runs[0][0].memory == default_memory_path()


def test_bare_workbench_lists_what_it_can_open(tmp_path, monkeypatch, seed_path, runs):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / seed_path.name).write_bytes(seed_path.read_bytes())
    result = invoke()
    assert result.exit_code == 0
    assert "seeds/azertac-2020-06-27.fr.txt  (fr; no catalog yet)" in result.output
    assert "workbench open seeds/azertac-2020-06-27.fr.txt --to en,az" in result.output
    assert not runs


def test_bare_workbench_elsewhere_prints_help(tmp_path, monkeypatch, runs):
    monkeypatch.chdir(tmp_path)
    result = invoke()
    assert result.exit_code == 0
    assert "Usage:" in result.output and "open" in result.output
    assert not runs


def test_a_broken_remembered_project_is_ignored(project, runs):
    (project / LAST_OPEN).parent.mkdir(exist_ok=True)
    (project / LAST_OPEN).write_text("{not json", encoding="utf-8")
    result = invoke()
    assert result.exit_code == 0
    assert "Documents you can open" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["seeds/missing.fr.txt", "--to", "en"], "does not exist"),
        (["seeds", "--to", "en"], "is a directory"),
        (["seeds/azertac-2020-06-27.fr.txt", "--to", "fr"], "already in 'fr'"),
        (
            ["seeds/azertac-2020-06-27.fr.txt", "--to", "en", "--glossary", "none.tbx"],
            "glossary not found",
        ),
        (["seeds/azertac-2020-06-27.fr.txt", "--to", "en", "--tm", "seeds"], "is a directory"),
    ],
)
def test_bad_input_is_one_line(project, runs, args, message):
    assert message in one_line_error(invoke("open", *args))
    assert not runs


def test_no_target_and_no_catalog_says_what_to_do(tmp_path, monkeypatch, seed_path, runs):
    monkeypatch.chdir(tmp_path)
    document = tmp_path / "doc.fr.txt"
    document.write_bytes(seed_path.read_bytes())
    result = invoke("open", "doc.fr.txt")
    assert result.exit_code == 2
    assert "--to en,az" in result.output


def test_an_error_inside_the_app_is_one_line(project, monkeypatch):
    from workbench.tui.app import ReviewApp

    def failing_run(self):
        self.error = "locales/az/LC_MESSAGES/x.po is not a valid PO file (line 2); fix it"

    monkeypatch.setattr(ReviewApp, "run", failing_run)
    line = one_line_error(invoke("open", "seeds/azertac-2020-06-27.fr.txt", "--to", "az"))
    assert "is not a valid PO file" in line
