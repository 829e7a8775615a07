"""Progress bars for long commands: rich on a terminal, silence when piped."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text


def stderr_console() -> Console:
    return Console(stderr=True, force_terminal=is_interactive())


def is_interactive() -> bool:
    return sys.stderr.isatty()


class RateColumn(ProgressColumn):
    """Segments per second."""

    def render(self, task: Any) -> Text:
        speed = task.finished_speed or task.speed
        return Text("–/s" if speed is None else f"{speed:,.1f} seg/s", style="progress.data.speed")


@contextmanager
def segment_progress() -> Iterator[Progress | None]:
    """A bar with segments done/total, segments per second and ETA; None when not a terminal."""
    if not is_interactive():
        yield None
        return
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        console=stderr_console(),
        transient=False,
    ) as bar:
        yield bar


@contextmanager
def download_progress() -> Iterator[Progress | None]:
    if not is_interactive():
        yield None
        return
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
        console=stderr_console(),
    ) as bar:
        yield bar
