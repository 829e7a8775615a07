"""One local Ray for every cluster test: its start-up (several seconds) is paid once.

The tests that use it are in the xdist group "ray": the test command's `--dist loadgroup` runs
them on one worker, one after the other, so a run starts one Ray, not one per worker, and it
stops after the last of them (package scope) instead of idling until the run ends.

Skipped, with the reason, where Ray is not installed; the test of the message a user without Ray
gets does not need it and lives in test_cluster_cli.py beside the others.
"""

from __future__ import annotations

import logging

import pytest

from tests.cli.conftest import project, run  # noqa: F401  (the CLI tests' fixtures)

NO_RAY = "ray is not installed (pip install -e '.[cluster]'): cluster tests skipped"


@pytest.fixture(scope="package")
def ray_address():
    """The GCS address of a 2-CPU local Ray, initialised in this process."""
    try:
        import ray
    except ImportError:
        pytest.skip(NO_RAY)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()


@pytest.fixture
def fixed_dates(monkeypatch):
    """The same PO header dates in every run, so catalogs can be compared byte for byte."""
    import workbench.core.catalogs.merge

    monkeypatch.setattr(
        workbench.core.catalogs.merge, "po_timestamp", lambda: "2026-01-01 00:00+0000"
    )


def catalog_bytes(locales) -> dict[str, bytes]:
    """Every catalog and template under `locales`, by relative path."""
    return {
        str(path.relative_to(locales)): path.read_bytes()
        for path in sorted(locales.rglob("*.po*"))
        if path.suffix in (".po", ".pot")
    }
