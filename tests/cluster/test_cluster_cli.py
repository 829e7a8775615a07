"""What `--cluster` says when it cannot run; none of these needs Ray running."""

from __future__ import annotations

import sys

import pytest

from tests.cli.conftest import one_line_error

SEED = "seeds/azertac-2020-06-27.fr.txt"


def test_without_ray_cluster_mode_says_how_to_install_it(project, run, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as if not installed
    monkeypatch.setitem(sys.modules, "ray.data", None)
    error = one_line_error(run("translate", SEED, "--to", "en", "--cluster"))
    assert "pip install -e '.[cluster]'" in error
    assert not list(project.glob("locales/**/*.po*"))


def test_actor_options_need_cluster_mode(project, run):
    error = one_line_error(run("translate", SEED, "--to", "en", "--actors", "2"))
    assert "--cluster" in error


def test_a_document_taken_for_the_address_is_explained(project, run):
    error = one_line_error(run("translate", "--to", "en", "--cluster", SEED, SEED))
    assert "put --cluster after the documents" in error


def test_an_address_nothing_listens_on_fails_at_once(project, run):
    pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[cluster]')")
    error = one_line_error(run("translate", SEED, "--to", "en", "--cluster", "127.0.0.1:1"))
    assert "cannot reach the Ray cluster at 127.0.0.1:1" in error


def test_the_project_file_turns_cluster_mode_on_and_off_overrides_it(project, run):
    pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[cluster]')")
    (project / "workbench.toml").write_text(
        f'targets = ["en"]\ndocuments = ["{SEED}"]\n[cluster]\naddress = "127.0.0.1:1"\n',
        encoding="utf-8",
    )
    error = one_line_error(run("translate"))
    assert "cannot reach the Ray cluster at 127.0.0.1:1" in error
    local = run("translate", "--cluster", "off", "--no-mt")
    assert local.exit_code == 0, local.output
    assert (project / "locales" / "en" / "LC_MESSAGES" / "azertac-2020-06-27.po").is_file()
