"""`workbench init` and the project file on the command line: defaults, overrides, bad files."""

import subprocess
from pathlib import Path

import pytest

from tests.cli.conftest import load_po, one_line_error
from workbench.core.project import load_project

SEED = "seeds/azertac-2020-06-27.fr.txt"
TBX = Path(__file__).resolve().parents[2] / "glossaries" / "azertac.tbx"


@pytest.fixture
def initialised(project, run):
    """The seed project with a glossary, after `workbench init` with flags."""
    (project / "glossaries").mkdir()
    (project / "glossaries" / "azertac.tbx").write_bytes(TBX.read_bytes())
    result = run("init", "--to", "en,az", "--name", "Leyla", "--email", "leyla@example.org")
    assert result.exit_code == 0, result.output
    return project


def test_init_fills_defaults_from_the_folder_and_asks_nothing(initialised):
    project = load_project(initialised / "workbench.toml")
    assert project.source == "fr" and project.targets == ("en", "az")
    assert project.documents == (initialised / SEED,)
    assert project.glossaries == (initialised / "glossaries" / "azertac.tbx",)
    assert project.catalog_folder == initialised / "locales"
    assert project.memory == initialised / "memory.sqlite"
    assert str(project.translator) == "Leyla <leyla@example.org>"
    assert project.autosave is False
    text = (initialised / "workbench.toml").read_text(encoding="utf-8")
    assert str(initialised) not in text  # every path relative to the project root


def test_init_takes_the_translator_from_git(project, run):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    subprocess.run(["git", "-C", str(project), "config", "user.name", "Ada L"], check=True)
    subprocess.run(["git", "-C", str(project), "config", "user.email", "ada@x.org"], check=True)
    assert run("init", "--to", "az").exit_code == 0
    assert str(load_project(project / "workbench.toml").translator) == "Ada L <ada@x.org>"


def test_init_takes_the_targets_from_the_catalogs_present(project, run):
    assert run("translate", SEED, "--to", "az", "--no-mt", "--no-tm").exit_code == 0
    assert run("init", "--name", "Leyla").exit_code == 0
    assert load_project(project / "workbench.toml").targets == ("az",)


def test_init_never_replaces_a_project_without_force(initialised, run):
    assert "already exists" in one_line_error(run("init", "--to", "az"))
    assert run("init", "--to", "az", "--force").exit_code == 0
    assert load_project(initialised / "workbench.toml").targets == ("az",)


def test_init_needs_the_targets_when_nothing_tells_them(project, run):
    assert "give the target languages" in one_line_error(run("init"))
    assert not (project / "workbench.toml").exists()


def test_translate_from_a_subfolder_uses_the_project(initialised, run, monkeypatch):
    (initialised / "notes").mkdir()
    monkeypatch.chdir(initialised / "notes")
    result = run("translate", "--no-mt")
    assert result.exit_code == 0, result.output
    assert not (initialised / "notes" / "locales").exists()
    for lang in ("en", "az"):
        po = load_po(initialised / f"locales/{lang}/LC_MESSAGES/azertac-2020-06-27.po")
        assert po.metadata["Last-Translator"] == "Leyla <leyla@example.org>"
        # references as xgettext writes them: relative to the project root, from anywhere
        assert {path for entry in po for path, _ in entry.occurrences} == {SEED}
    assert (initialised / "memory.sqlite").exists()


def test_flags_override_the_project(initialised, run):
    result = run("translate", "--no-mt", "--to", "az", "--out", "elsewhere", "--no-tm")
    assert result.exit_code == 0, result.output
    assert (initialised / "elsewhere/az/LC_MESSAGES/azertac-2020-06-27.po").is_file()
    assert not (initialised / "elsewhere/en").exists()
    assert not (initialised / "locales").exists()


def test_an_absolute_document_outside_the_folder_gives_no_machine_path(project, run, monkeypatch):
    (project / "work").mkdir()
    monkeypatch.chdir(project / "work")
    result = run("translate", (project / SEED).resolve(), "--to", "en", "--no-mt", "--no-tm")
    assert result.exit_code == 0, result.output
    po = load_po(project / "work/locales/en/LC_MESSAGES/azertac-2020-06-27.po")
    assert {path for entry in po for path, _ in entry.occurrences} == {f"../{SEED}"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("targets = [\n", "not valid TOML"),
        ('targets = ["en"]\nlanguages = ["az"]\n', "unknown key 'languages'"),
        ('targets = "az"\n', "'targets'"),
    ],
)
@pytest.mark.parametrize("command", [("translate", "--no-mt"), ("stats",), ()])
def test_a_bad_project_file_is_one_line_and_exit_2(project, run, text, key, command):
    (project / "sub").mkdir()
    (project / "workbench.toml").write_text(text, encoding="utf-8")
    error = one_line_error(run(*command))
    assert f"{project / 'workbench.toml'}: " in error and key in error


def test_bare_workbench_opens_the_project(initialised, monkeypatch):
    from click.testing import CliRunner

    from workbench.cli import main
    from workbench.tui.app import ReviewApp

    opened = []
    monkeypatch.setattr(ReviewApp, "run", lambda app: opened.append((app.request, app.settings)))
    (initialised / "workbench.toml").write_text(
        (initialised / "workbench.toml")
        .read_text(encoding="utf-8")
        .replace("autosave = false", "autosave = true"),
        encoding="utf-8",
    )
    (initialised / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(initialised / "deep" / "er")
    result = CliRunner().invoke(main, [], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    ((request, settings),) = opened
    assert f"opening {initialised / SEED}" in result.stderr
    assert request.document == initialised / SEED
    assert request.targets == ("en", "az") and request.source_lang == "fr"
    assert request.locales == initialised / "locales"
    assert request.glossaries == (initialised / "glossaries" / "azertac.tbx",)
    assert request.memory == initialised / "memory.sqlite"
    assert request.translator == "Leyla <leyla@example.org>"
    assert settings.autosave is True


def test_open_flags_override_the_project(initialised, monkeypatch, run):
    from workbench.tui.app import ReviewApp

    opened = []
    monkeypatch.setattr(ReviewApp, "run", lambda app: opened.append(app.request))
    assert run("open", "--to", "az", "--no-tm").exit_code == 0
    assert opened[0].targets == ("az",) and opened[0].memory is None


def test_translate_without_documents_or_project_says_what_to_give(project, run):
    assert "give the documents" in one_line_error(run("translate", "--to", "en"))
    assert "give the target languages" in one_line_error(run("translate", SEED))


def test_bare_workbench_reopens_the_project_document_last_opened(initialised, monkeypatch, run):
    from workbench.tui.app import ReviewApp

    other = initialised / "seeds" / "other.fr.txt"
    other.write_text("Bonjour.\n", encoding="utf-8")
    assert run("init", "--force", "--to", "en").exit_code == 0  # both documents now
    opened = []
    monkeypatch.setattr(ReviewApp, "run", lambda app: opened.append(app.request.document))
    assert run("open", "seeds/other.fr.txt").exit_code == 0
    assert run().exit_code == 0
    assert opened == [Path("seeds/other.fr.txt"), Path("seeds/other.fr.txt")]
