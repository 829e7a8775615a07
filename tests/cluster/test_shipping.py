"""Models reach the workers as bytes and are checked before use (no Ray needed)."""

from __future__ import annotations

import dataclasses

import pytest

from workbench.core.cluster.shipping import pack_package, unpack_package
from workbench.core.engines.argos_packages import installed_models
from workbench.core.errors import ModelError


@pytest.fixture
def fr_en(tiny_packages):
    return next(m for m in installed_models() if m.pair == "fr_en")


def test_a_packed_package_unpacks_to_the_same_files(fr_en, tmp_path):
    data, identity = pack_package(fr_en)
    assert pack_package(fr_en) == (data, identity), "same package, same bytes"
    model = unpack_package(data, identity, tmp_path)
    assert (model.name, model.version) == (fr_en.name, fr_en.version)
    originals = sorted(p.relative_to(fr_en.path) for p in fr_en.path.rglob("*") if p.is_file())
    assert sorted(p.relative_to(model.path) for p in model.path.rglob("*") if p.is_file()) == (
        originals
    )
    assert (model.path / "model" / "model.bin").read_bytes() == (
        fr_en.path / "model" / "model.bin"
    ).read_bytes()


def test_a_worker_refuses_another_version_or_damaged_bytes(fr_en, tmp_path):
    data, identity = pack_package(fr_en)
    with pytest.raises(ModelError, match=r"instead of translate-fr_en 9\.9"):
        unpack_package(data, dataclasses.replace(identity, version="9.9"), tmp_path)
    with pytest.raises(ModelError, match="damaged"):
        unpack_package(data[:-1] + b"x", identity, tmp_path)
    assert not any(tmp_path.iterdir()), "nothing left behind"
