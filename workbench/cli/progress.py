"""Progress bars for long commands: rich on a terminal, silence when piped."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import click
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


def task_rate(task: Any) -> float | None:
    """Items per second: rich's recent speed, else the average since the start, so a rate
    shows from the first batch (rich needs two updates before it has a speed)."""
    speed = task.finished_speed or task.speed
    if speed is None and task.completed and task.elapsed:
        speed = task.completed / task.elapsed
    return speed


class RateColumn(ProgressColumn):
    """Items per second: segments of a document, strings of a catalog."""

    def __init__(self, unit: str = "seg") -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Any) -> Text:
        speed = task_rate(task)
        rate = "–/s" if speed is None else f"{speed:,.1f} {self.unit}/s"
        return Text(rate, style="progress.data.speed")


class EtaColumn(TimeRemainingColumn):
    """Time left at the rate `task_rate` gives, from the first batch on."""

    def render(self, task: Any) -> Text:
        speed = task_rate(task)
        if task.finished or task.total is None or not speed:
            return super().render(task)
        remaining = max(task.total - task.completed, 0) / speed
        minutes, seconds = divmod(int(remaining + 0.5), 60)
        hours, minutes = divmod(minutes, 60)
        clock = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
        return Text(clock, style="progress.remaining")


@contextmanager
def _terminal_progress(*columns: ProgressColumn) -> Iterator[Progress | None]:
    """A rich progress display on a terminal; None when output is piped or redirected."""
    if not is_interactive():
        yield None
        return
    with Progress(
        TextColumn("[bold]{task.description}"), *columns, console=stderr_console()
    ) as bar:
        yield bar


def segment_progress(unit: str = "seg") -> AbstractContextManager[Progress | None]:
    """Items (segments; `unit` names them) done/total, percent, items per second and ETA."""
    return _terminal_progress(
        BarColumn(), MofNCompleteColumn(), TaskProgressColumn(), RateColumn(unit), EtaColumn()
    )


def download_progress() -> AbstractContextManager[Progress | None]:
    """Bytes downloaded, speed and ETA."""
    return _terminal_progress(
        BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn()
    )


def download_reporter(
    bar: Progress | None,
) -> Callable[[Any], Callable[[int, int | None], None] | None]:
    """For each model about to be downloaded: say so, and give a callback that moves its bar."""

    def for_model(model: Any) -> Callable[[int, int | None], None] | None:
        click.echo(f"downloading {model.name} {model.version} from the Argos index", err=True)
        if bar is None:
            return None
        task = bar.add_task(model.name, total=None)
        return lambda done, total: bar.update(task, completed=done, total=total)

    return for_model
