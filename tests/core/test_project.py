"""The project file: found from a subfolder, paths relative to it, one-line errors naming the key."""

from pathlib import Path

import pytest

from workbench.core.errors import InputError
from workbench.core.project import (
    PROJECT_FILE,
    ClusterSetting,
    Project,
    Translator,
    find_project,
    find_project_file,
    load_project,
    project_toml,
    reference_path,
)

GOOD = """\
source = "fr"
targets = ["en", "az"]
documents = ["seeds/news.fr.txt"]
catalogs = "po"
glossaries = ["glossaries/terms.tbx"]
memory = "tm/memory.sqlite"
domain = "news"
autosave = true

[translator]
name = "Leyla Məmmədova"
email = "leyla@example.org"
"""


def write(folder: Path, text: str) -> Path:
    path = folder / PROJECT_FILE
    path.write_text(text, encoding="utf-8")
    return path


def test_found_from_a_subfolder_with_paths_relative_to_its_folder(tmp_path):
    write(tmp_path, GOOD)
    deep = tmp_path / "seeds" / "old"
    deep.mkdir(parents=True)
    assert find_project_file(deep) == tmp_path / PROJECT_FILE
    project = find_project(deep)
    assert project is not None and project.root == tmp_path
    assert project.source == "fr" and project.targets == ("en", "az")
    assert project.documents == (tmp_path / "seeds/news.fr.txt",)
    assert project.catalog_folder == tmp_path / "po"
    assert project.glossaries == (tmp_path / "glossaries/terms.tbx",)
    assert project.memory == tmp_path / "tm/memory.sqlite"
    assert project.domain == "news" and project.autosave is True
    assert str(project.translator) == "Leyla Məmmədova <leyla@example.org>"


def test_outside_any_project_there_is_none(tmp_path):
    assert find_project(tmp_path) is None


def test_defaults_when_keys_are_left_out(tmp_path):
    project = load_project(write(tmp_path, 'targets = ["az"]\n'))
    assert project.catalog_folder == tmp_path / "locales"
    assert project.memory is None and project.autosave is False
    assert str(project.translator) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('targets = ["en"\n', "not valid TOML"),
        ('targets = ["en"]\ncolour = "blue"\n', "unknown key 'colour'"),
        ('targets = "en,az"\n', "'targets': must be a list of strings"),
        ('targets = ["xx-nope"]\n', "'targets': unknown language code 'xx-nope'"),
        ("autosave = 1\n", "'autosave': must be true or false"),
        ("documents = [1]\n", "'documents': must be a list of strings"),
        ('translator = "me"\n', "'translator': must be a table"),
        ('[translator]\nnick = "me"\n', "'translator': unknown key 'nick'"),
        ("[cluster]\nactors = 0\n", "'cluster': must be a whole number of at least 1"),
        ('[cluster]\nnodes = "a"\n', "'cluster': unknown key 'nodes'"),
    ],
)
def test_a_bad_file_is_one_line_naming_file_and_key(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as raised:
        load_project(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and expected in message
    assert "\n" not in message


def test_written_as_read(tmp_path):
    project = Project(
        path=tmp_path / PROJECT_FILE,
        source="fr",
        targets=("en", "az"),
        documents=(tmp_path / "seeds" / "a.fr.txt",),
        catalogs=tmp_path / "locales",
        glossaries=(tmp_path / "glossaries" / "t.tbx",),
        memory=tmp_path / "memory.sqlite",
        translator=Translator("Ada", "ada@example.org"),
        cluster=ClusterSetting("ray://head:10001", actors=4, actor_threads=2),
    )
    text = project_toml(project)
    assert 'documents = [\n    "seeds/a.fr.txt",\n]' in text  # relative, portable
    assert str(tmp_path) not in text
    assert load_project(write(tmp_path, text)) == project


def test_references_are_relative_to_the_project_root(tmp_path, monkeypatch):
    write(tmp_path, 'targets = ["en"]\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert reference_path(tmp_path / "seeds" / "a.fr.txt") == "seeds/a.fr.txt"
    assert reference_path(Path("../seeds/a.fr.txt")) == "seeds/a.fr.txt"
    # a document outside the project: a relative path still, never this machine's absolute one
    outside = tmp_path.parent / "elsewhere" / "b.fr.txt"
    assert reference_path(outside) == f"../elsewhere/{outside.name}"


def test_a_cluster_table_alone_means_a_local_ray(tmp_path):
    project = load_project(write(tmp_path, "[cluster]\nactors = 2\n"))
    assert project.cluster == ClusterSetting("local", actors=2)
    assert load_project(write(tmp_path, 'targets = ["az"]\n')).cluster.address is None
