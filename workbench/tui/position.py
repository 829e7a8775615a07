"""Where the translator left off: the last row and language, per project and document.

Kept in the user's state folder (platformdirs; `$XDG_STATE_HOME/workbench/positions.json`),
not in the project, so a shared project does not carry one person's place. A file we cannot
read is no position, and a folder we cannot write just means the place is not remembered.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from workbench.core.errors import WorkbenchError
from workbench.core.textio import atomic_write

_KEPT = 200  # projects remembered; the least recently closed are forgotten first


@dataclass(frozen=True)
class Position:
    row: int  # document row, from 0
    lang: str  # the current language


def positions_file() -> Path:
    return Path(platformdirs.user_state_dir("workbench")) / "positions.json"


def position_key(document: Path, locales: Path) -> str:
    """One key per project (its locales folder) and document."""
    return f"{Path(locales).resolve()}|{Path(document).resolve()}"


def read_position(key: str) -> Position | None:
    found = _read_all().get(key)
    if not isinstance(found, dict):
        return None
    row, lang = found.get("row"), found.get("lang")
    if not isinstance(row, int) or not isinstance(lang, str) or row < 0:
        return None
    return Position(row, lang)


def remember_position(key: str, position: Position) -> None:
    places = _read_all()
    places.pop(key, None)
    places[key] = {"row": position.row, "lang": position.lang}  # last: the most recent
    kept = dict(list(places.items())[-_KEPT:])
    text = json.dumps(kept, ensure_ascii=False, indent=1) + "\n"
    with contextlib.suppress(WorkbenchError, OSError):
        atomic_write(positions_file(), text)


def _read_all() -> dict[str, object]:
    try:
        data = json.loads(positions_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
