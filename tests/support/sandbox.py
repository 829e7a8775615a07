"""A private home for anything that runs Argos outside the user's real one: tests, benchmarks,
the README screenshot. Must run before argostranslate is imported: its settings module reads
HOME, XDG_* and ARGOS_PACKAGES_DIR once, at import."""

from __future__ import annotations

import os
from pathlib import Path

# An index address that cannot resolve: "offline" is deterministic, and nothing leaves the machine.
UNREACHABLE_INDEX = "http://argos-index.invalid/"


def isolate_environment(root: Path) -> Path:
    """Point HOME, XDG_* and ARGOS_PACKAGES_DIR into `root`; returns the packages folder."""
    for variable, folder in {
        "HOME": "home",
        "XDG_DATA_HOME": "home/.local/share",
        "XDG_CONFIG_HOME": "home/.config",
        "XDG_CACHE_HOME": "home/.cache",
        "ARGOS_PACKAGES_DIR": "argos-packages",
    }.items():
        (root / folder).mkdir(parents=True, exist_ok=True)
        os.environ[variable] = str(root / folder)
    os.environ["ARGOS_PACKAGE_INDEX"] = UNREACHABLE_INDEX
    os.environ.pop("ARGOS_DEVICE_TYPE", None)
    return root / "argos-packages"
