"""Class 4: model packages. Hostile archives are refused before anything is unpacked; a failed
install or removal leaves the installed package whole; unusable Argos folders are one line."""

from __future__ import annotations

import errno
import json
import sys
import warnings
import zipfile
from pathlib import Path

import pytest

from tests.hostile.conftest import snapshot
from tests.support.tiny_argos import build_package, training_corpus
from workbench.core.engines import argos_packages, package_files

TOP = "translate-fr_en"


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    return build_package(
        tmp_path_factory.mktemp("pkg"), "fr", "en", training_text=training_corpus()
    )


@pytest.fixture(scope="module")
def members(package) -> dict[str, bytes]:
    """The package's files, its 3.5 MB model.bin replaced by a stand-in: installing only
    unpacks, and small archives keep these cases cheap."""
    with zipfile.ZipFile(package) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return {name: b"model" if name.endswith("model.bin") else data for name, data in files.items()}


def write_zip(path: Path, entries: list[tuple[str, bytes]]) -> Path:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicates we make on purpose
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return path


def with_metadata(members: dict[str, bytes], **changes: object) -> list[tuple[str, bytes]]:
    metadata = json.loads(members[f"{TOP}/metadata.json"])
    metadata.update(changes)
    return [
        (name, json.dumps(metadata).encode() if name.endswith("metadata.json") else data)
        for name, data in members.items()
    ]


def installed(run) -> str:
    result = run("models", "list")
    assert result.exit_code == 0, result.output
    return result.output


BAD_CODES = [
    "../../fr",
    "fr/../en",
    "/fr",
    "..",
    "fr\n",
    " fr",
    "fr_",
    "FR!",
    "f",
    "x" * 9,
    "fr en",
]


@pytest.mark.parametrize("field", ["from_code", "to_code"])
@pytest.mark.parametrize("code", BAD_CODES, ids=repr)
def test_metadata_whose_codes_are_not_language_codes_is_refused(
    project, refused, own_packages, members, field, code
):
    bad = write_zip(project / "bad.argosmodel", with_metadata(members, **{field: code}))
    assert "is not a language code" in refused("models", "install", bad)


@pytest.mark.parametrize("code", [5, ["fr"], {"fr": 1}], ids=repr)
def test_metadata_codes_of_the_wrong_type_are_refused(
    project, refused, own_packages, members, code
):
    bad = write_zip(project / "bad.argosmodel", with_metadata(members, from_code=code))
    assert "is not a language code" in refused("models", "install", bad)


@pytest.mark.parametrize("code", ["pt_BR", "zt", "zh-Hant", "yue"])
def test_real_argos_codes_are_accepted(project, run, own_packages, members, code):
    good = write_zip(project / "good.argosmodel", with_metadata(members, from_code=code))
    assert run("models", "install", good).exit_code == 0


def test_a_zip_bomb_by_ratio_is_refused_before_inflating(project, refused, own_packages, members):
    bomb = [*members.items(), (f"{TOP}/model/padding.bin", bytes(17 * 2**20))]
    path = write_zip(project / "bomb.argosmodel", bomb)
    assert path.stat().st_size < 2**20
    assert "a zip bomb?" in refused("models", "install", path)


def test_a_package_over_the_total_size_limit_is_refused(
    project, refused, own_packages, package, monkeypatch
):
    with zipfile.ZipFile(package) as archive:
        unpacked = sum(member.file_size for member in archive.infolist())
    monkeypatch.setattr(package_files, "MAX_PACKAGE_BYTES", unpacked - 1)  # one byte too big
    assert "GiB, over the" in refused("models", "install", package)


DUPLICATES = {
    "metadata twice": f"{TOP}/metadata.json",
    "model.bin twice": f"{TOP}/model/model.bin",
    "vocabulary twice": f"{TOP}/model/shared_vocabulary.json",
}


@pytest.mark.parametrize("name", DUPLICATES.values(), ids=DUPLICATES.keys())
def test_duplicate_members_are_refused(project, refused, own_packages, members, name):
    path = write_zip(project / "dup.argosmodel", [*members.items(), (name, b"{}")])
    assert "twice" in refused("models", "install", path)


SLIPS = ["../evil", "/tmp/evil", f"{TOP}/../../evil", "C:/evil", f"{TOP}\\..\\..\\evil"]


@pytest.mark.parametrize("name", SLIPS)
def test_members_that_leave_the_packages_folder_are_refused(
    project, refused, own_packages, members, name
):
    path = write_zip(project / "slip.argosmodel", [*members.items(), (name, b"x")])
    assert "outside the packages folder" in refused("models", "install", path)


@pytest.mark.parametrize("keep", [0, 10, 100, 1000, 0.5, -22])
def test_a_truncated_package_is_refused(project, refused, own_packages, package, keep):
    data = package.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    path = project / "cut.argosmodel"
    path.write_bytes(data[:cut])
    error = refused("models", "install", path)
    assert "not a zip archive" in error or "corrupt" in error


@pytest.fixture
def installed_v1(project, run, own_packages, package) -> Path:
    assert run("models", "install", package).exit_code == 0
    folder = own_packages / TOP
    assert (folder / "model" / "model.bin").is_file()
    return folder


def _failing_rename(monkeypatch, when):
    """The first rename that `when` picks fails, as it would on a folder we may not change."""
    real = Path.rename
    failed = []

    def rename(self, target):
        if not failed and when(Path(self), Path(target)):
            failed.append(target)
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)


FAILING_STEPS = {
    "moving the old version aside": lambda source, target: source.name == TOP,
    "moving the new version in": lambda source, target: target.name == TOP,
}


@pytest.mark.parametrize("when", FAILING_STEPS.values(), ids=FAILING_STEPS.keys())
def test_a_failed_install_leaves_the_installed_package_whole(
    project, run, refused, installed_v1, own_packages, package, monkeypatch, when
):
    before = snapshot(own_packages)
    _failing_rename(monkeypatch, when)
    assert "the installed version (if any) is unchanged" in refused("models", "install", package)
    assert snapshot(own_packages) == before
    assert "fr→en  translate-fr_en 1.0" in installed(run)


def test_a_full_disk_while_unpacking_leaves_the_installed_package_whole(
    project, run, refused, installed_v1, own_packages, package, monkeypatch
):
    before = snapshot(own_packages)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "extractall", full)
    assert "No space left on device" in refused("models", "install", package)
    assert snapshot(own_packages) == before


def test_reinstalling_replaces_the_files_of_the_old_version(
    project, run, installed_v1, own_packages, members
):
    (installed_v1 / "stale-file-of-v1").write_text("old")
    newer = write_zip(project / "v2.argosmodel", with_metadata(members, package_version="2.0"))
    assert run("models", "install", newer).exit_code == 0
    assert not (installed_v1 / "stale-file-of-v1").exists()
    assert "translate-fr_en 2.0" in installed(run)
    assert [p.name for p in own_packages.iterdir()] == [TOP]  # nothing hidden left behind


def test_a_stale_unpacking_folder_of_a_killed_install_is_swept(project, run, own_packages, package):
    import os

    stale = own_packages / ".workbench-installing-killed"
    (stale / TOP).mkdir(parents=True)
    os.utime(stale, (0, 0))
    assert run("models", "install", package).exit_code == 0
    assert not stale.exists()


def test_a_remove_that_is_not_permitted_is_one_line(
    project, run, refused, installed_v1, monkeypatch
):
    _failing_rename(monkeypatch, lambda source, target: source.name == TOP)
    error = refused("models", "remove", "fr:en")
    assert "cannot remove translate-fr_en" in error and "it is still installed" in error
    assert "fr→en" in installed(run)


def test_a_read_only_packages_folder_is_one_line(
    project, refused, own_packages, package, monkeypatch
):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EROFS, "Read-only file system", str(own_packages))

    monkeypatch.setattr(argos_packages.tempfile, "mkdtemp", denied)
    assert "Read-only file system" in refused("models", "install", package)


def _unusable_folder(tmp_path: Path, kind: str) -> Path:
    if kind == "a plain file":
        (tmp_path / "packages-file").write_text("not a folder")
        return tmp_path / "packages-file"
    (tmp_path / "blocker").write_text("a file where a folder should be")
    return tmp_path / "blocker" / "packages"


@pytest.mark.parametrize("kind", ["a plain file", "under a plain file"])
@pytest.mark.parametrize("command", [("models", "list"), ("models", "remove", "fr:en")])
def test_an_unusable_argos_packages_dir_is_one_line(
    project, refused, monkeypatch, tmp_path, kind, command
):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(_unusable_folder(tmp_path, kind)))
    # Argos reads its settings once, at import: make the next import read them again.
    monkeypatch.delitem(sys.modules, "argostranslate.settings")
    error = refused(*command)
    assert "cannot use the Argos data folders" in error and "ARGOS_PACKAGES_DIR" in error


def test_translate_with_an_unusable_argos_packages_dir_is_one_line(
    project, refused, monkeypatch, tmp_path
):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(_unusable_folder(tmp_path, "a plain file")))
    monkeypatch.delitem(sys.modules, "argostranslate.settings")
    error = refused("translate", "doc.fr.txt", "--to", "en", "--offline", "--no-tm")
    assert "cannot use the Argos data folders" in error
