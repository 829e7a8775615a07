"""One CLI: glossaries found alike, the same exit code for the same problem, errors that say
what to do, no debris from a failed run, a progress rate from the first batch."""

import io
from pathlib import Path

import pytest
from rich.console import Console
from rich.progress import Progress

from tests.cli.conftest import one_line_error
from tests.support.po_catalogs import write_catalog
from workbench.cli.progress import EtaColumn, RateColumn

SEED = "seeds/azertac-2020-06-27.fr.txt"
CATALOG = "locales/en/LC_MESSAGES/news.po"


@pytest.fixture
def mistranslated(project):
    """A catalog where the glossary's "Bakou → Baku" is not followed."""
    write_catalog(project / CATALOG, [("Il vit à Bakou.", "He lives in Baky.")], language="en")
    return project


def write_glossary(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("fr,en\nBakou,Baku\n", encoding="utf-8")
    return path


def glossary_problems(run) -> tuple[int, int, int]:
    """Exit codes of check and glossary check, and the problems stats counts."""
    import json

    check = run("check", CATALOG)
    terms = run("glossary", "check", CATALOG)
    stats = json.loads(run("stats", "--json").stdout)["languages"]["en"]["total"]["problems"]
    assert "Baku" in check.output and "Baku" in terms.output
    return check.exit_code, terms.exit_code, sum(stats.values())


def test_glossaries_come_from_the_project_file(mistranslated, run):
    write_glossary(mistranslated / "terms" / "places.csv")
    (mistranslated / "workbench.toml").write_text(
        'targets = ["en"]\nglossaries = ["terms/places.csv"]\n', encoding="utf-8"
    )
    assert glossary_problems(run) == (1, 1, 1)


def test_glossaries_come_from_the_glossaries_folder_otherwise(mistranslated, run):
    from workbench.core.glossary import load_glossary, save_glossary

    csv = write_glossary(mistranslated / "places.csv")
    save_glossary(load_glossary(csv), mistranslated / "glossaries" / "places.tbx")
    assert glossary_problems(run) == (1, 1, 1)


def test_a_missing_glossary_is_the_same_error_everywhere(mistranslated, run):
    (mistranslated / "workbench.toml").write_text(
        'targets = ["en"]\nglossaries = ["nowhere.tbx"]\n', encoding="utf-8"
    )
    errors = {
        one_line_error(run(*command))
        for command in (("check", CATALOG), ("glossary", "check", CATALOG), ("stats",))
    }
    assert len(errors) == 1 and "nowhere.tbx" in errors.pop()


def test_a_missing_pivot_leg_is_named_and_nothing_is_left_behind(project, run, tiny_packages):
    from workbench.core.memory import default_memory_path

    error = one_line_error(run("translate", SEED, "--to", "de", "--offline"))
    assert "no model installed for fr→de" in error
    assert "pivots through English, fr→en→de; missing: en→de" in error
    assert "fr→en and" not in error  # fr→en is installed: only the missing leg is named
    assert "workbench models install en:de" in error and "--no-mt" in error
    assert not (project / "locales").exists()  # no empty folders from a failed run
    assert not default_memory_path().exists()


def test_a_direct_pair_is_not_called_a_pivot(project, run):
    Path("note.en.txt").write_text("Hello there.\n", encoding="utf-8")
    error = one_line_error(run("translate", "note.en.txt", "--to", "de", "--offline"))
    assert "no model installed for en→de;" in error and "pivot" not in error
    assert "--no-mt" in error


def test_the_rate_and_eta_show_from_the_first_batch():
    progress = Progress(console=Console(file=io.StringIO()), auto_refresh=False)
    task_id = progress.add_task("fr→en", total=100)
    progress.update(task_id, completed=25)  # one batch: rich itself has no speed yet
    task = progress.tasks[0]
    assert task.speed is None
    rate = RateColumn().render(task).plain
    assert rate.endswith(" seg/s") and "–" not in rate
    assert RateColumn("str").render(task).plain.endswith(" str/s")  # a catalog's strings
    eta = EtaColumn().render(task).plain
    assert eta != "-:--:--" and ":" in eta


def test_an_output_folder_that_cannot_be_made_fails_before_any_work(project, run):
    (project / "locales").write_text("not a folder", encoding="utf-8")
    error = one_line_error(run("translate", SEED, "--to", "en", "--no-mt"))
    assert "locales is a file, not a folder" in error
    assert (project / "locales").read_text(encoding="utf-8") == "not a folder"
