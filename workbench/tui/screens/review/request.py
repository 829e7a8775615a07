"""What the review screen opens (the arguments of `workbench open`) and how it behaves."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OpenRequest:
    """What to open: the arguments of `workbench open`."""

    document: Path
    targets: tuple[str, ...]
    locales: Path
    source_lang: str | None = None
    domain: str | None = None
    glossaries: tuple[Path, ...] = ()
    memory: Path | None = None  # the translation memory approvals feed (None: none)
    translator: str | None = None  # "Name <email>": Last-Translator of every save
    recovery: Path | None = None  # the journal's folder (None: .workbench/recovery beside locales)


@dataclass(frozen=True)
class ReviewSettings:
    autosave_delay: float | None = 3.0  # seconds of quiet before changes are journalled
    autosave: bool = False  # the project's opt-in: autosave writes the catalogs themselves
    disk_check_interval: float | None = 2.0  # how often to look for outside changes
    check_all: bool = True  # run every check after loading (counts problems in the header)
    editor_delay: float | None = 0.05  # the editor follows the list cursor once it rests
    completion_pause: float | None = 0.2  # quiet typing before the model completes (None: off)
