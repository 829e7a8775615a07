"""`workbench models`: list, install from a file, refuse bad packages, remove; offline errors."""

import json
import zipfile

import pytest

from tests.cli.conftest import one_line_error
from tests.support.tiny_argos import build_package, training_corpus


@pytest.fixture(scope="module")
def de_en_package(tmp_path_factory):
    return build_package(tmp_path_factory.mktemp("de"), "de", "en", training_text=training_corpus())


def test_list_shows_installed_models(run, tiny_packages):
    result = run("models", "list")
    assert result.exit_code == 0
    assert "fr→en  translate-fr_en 1.0" in result.output
    assert "en→az  translate-en_az 1.0" in result.output


def test_list_available_offline_explains_and_still_lists_installed(run, tiny_packages):
    result = run("models", "list", "--available")
    assert result.exit_code == 0
    assert "translate-fr_en" in result.stdout
    assert "cannot reach the Argos package index" in result.stderr
    assert "workbench models install FILE.argosmodel" in result.stderr


def test_install_pair_offline_fails_with_the_file_command(run):
    error = one_line_error(run("models", "install", "fr:de"))
    assert "cannot reach the Argos package index" in error
    assert "workbench models install FILE.argosmodel" in error and "translate-fr_de" in error


def test_install_from_file_then_translate_then_remove(run, project, de_en_package, tiny_packages):
    result = run("models", "install", de_en_package)
    assert result.exit_code == 0, result.output
    assert "installed translate-de_en 1.0" in result.output
    assert "de→en" in run("models", "list").output
    (project / "hallo.de.txt").write_text("Guten Tag. Wie geht es?", encoding="utf-8")
    assert run("translate", "hallo.de.txt", "--to", "en").exit_code == 0
    result = run("models", "remove", "de:en")
    assert result.exit_code == 0 and "removed translate-de_en" in result.output
    assert "de→en" not in run("models", "list").output
    error = one_line_error(run("models", "remove", "de:en"))
    assert "no installed model for de→en" in error


def _rezip(source, target, rename=None, drop=None, extra=None):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            if drop and drop in item.filename:
                continue
            name = rename(item.filename) if rename else item.filename
            new.writestr(name, old.read(item.filename))
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return target


def test_corrupt_package_is_refused(run, tmp_path, de_en_package):
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes(de_en_package.read_bytes()[: de_en_package.stat().st_size // 2])
    assert "not an Argos package" in one_line_error(run("models", "install", truncated))
    not_zip = tmp_path / "text.argosmodel"
    not_zip.write_text("hello", encoding="utf-8")
    assert "not a zip archive" in one_line_error(run("models", "install", not_zip))
    no_meta = _rezip(de_en_package, tmp_path / "nometa.argosmodel", drop="metadata.json")
    assert "no metadata.json" in one_line_error(run("models", "install", no_meta))


def test_package_escaping_the_packages_dir_is_refused(run, tmp_path, de_en_package):
    evil = _rezip(
        de_en_package,
        tmp_path / "evil.argosmodel",
        extra={"translate-de_en/../../escaped.txt": "x"},
    )
    error = one_line_error(run("models", "install", evil))
    assert "outside the packages folder" in error
    absolute = _rezip(de_en_package, tmp_path / "abs.argosmodel", extra={"/tmp/escaped.txt": "x"})
    assert "outside the packages folder" in one_line_error(run("models", "install", absolute))
    assert "de→en" not in run("models", "list").output


def test_bad_metadata_is_refused(run, tmp_path, de_en_package):
    bad = _rezip(
        de_en_package,
        tmp_path / "badmeta.argosmodel",
        drop="metadata.json",
        extra={"translate-de_en/metadata.json": json.dumps({"package_type": "translate"})},
    )
    assert "from_code" in one_line_error(run("models", "install", bad))


def test_bad_spec_and_missing_file(run):
    assert "language pair like fr:en" in one_line_error(run("models", "install", "french"))
    assert "not found" in one_line_error(run("models", "install", "nowhere.argosmodel"))


def test_python_dash_m_workbench_runs_the_cli():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "workbench" in result.stdout


def test_a_stray_folder_in_the_packages_dir_does_not_break_listing(run, tiny_packages):
    from workbench.core.engines.argos_packages import packages_dir

    stray = packages_dir() / "half-deleted-package"
    stray.mkdir()
    try:
        result = run("models", "list")
        assert result.exit_code == 0
        assert "fr→en" in result.output
    finally:
        stray.rmdir()


def test_reinstalling_replaces_the_old_version(run, tmp_path, tiny_packages):
    from workbench.core.engines.argos_packages import packages_dir

    first = build_package(
        tmp_path / "v1", "de", "en", training_text=training_corpus(), package_version="1.0"
    )
    second = build_package(
        tmp_path / "v2", "de", "en", training_text=training_corpus(), package_version="2.0"
    )
    assert run("models", "install", first).exit_code == 0
    (packages_dir() / "translate-de_en" / "leftover.txt").write_text("old", encoding="utf-8")
    assert run("models", "install", second).exit_code == 0
    listing = run("models", "list").output
    assert "translate-de_en 2.0" in listing and "translate-de_en 1.0" not in listing
    assert not (packages_dir() / "translate-de_en" / "leftover.txt").exists()
    assert not list(packages_dir().parent.glob(".workbench-replaced-*"))
    assert run("models", "remove", "de:en").exit_code == 0
