"""The review screen's parts work alone: each is mounted in a bare app with a stand-in session
and the callables the screen would give it, and nothing else of the screen."""

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget

from workbench.tui.screens.review import ReviewScreen, ReviewSettings
from workbench.tui.screens.review.disk import DiskWatcher
from workbench.tui.screens.review.part import Part
from workbench.tui.screens.review.saver import Saver

pytestmark = pytest.mark.anyio


class StubSession:
    """What the saver and the disk watcher ask of a `ReviewSession`, recorded."""

    def __init__(self, *, dirty=(), changed=()):
        self.dirty_langs = tuple(dirty)
        self.changed = tuple(changed)
        self.calls: list[str] = []

    @property
    def dirty(self):
        return bool(self.dirty_langs)

    def dirty_languages(self):
        return self.dirty_langs

    def write_recovery(self):
        self.calls.append("journal")
        return self.dirty_langs

    def changed_on_disk(self):
        return self.changed

    def catalog_path(self, lang):
        return Path(f"locales/{lang}.po")

    def reload(self, lang):
        self.calls.append(f"reload {lang}")


class OnePart(App[None]):
    def __init__(self, part: Widget) -> None:
        super().__init__()
        self.part = part

    def compose(self) -> ComposeResult:
        yield self.part


async def until(pilot, condition):
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("never happened")


def test_the_screen_is_its_parts_not_mixins():
    assert ReviewScreen.__bases__ == (Screen,)
    assert issubclass(Saver, Part) and issubclass(DiskWatcher, Part)


async def test_the_saver_alone_journals_after_a_quiet_moment():
    session = StubSession(dirty=("en",))
    told: list[str] = []
    saver = Saver(
        lambda: session,
        settings=ReviewSettings(autosave_delay=0.01),
        commit=lambda: told.append("commit"),
        status_changed=lambda: told.append("header"),
        redraw=lambda: told.append("redraw"),
        conflict=told.append,
    )
    async with OnePart(saver).run_test() as pilot:
        assert not saver.display  # a part draws nothing
        saver.edited()
        await until(pilot, lambda: session.calls == ["journal"])
        assert saver.note == "unsaved" and not saver.saving


async def test_the_disk_watcher_alone_reloads_a_catalog_with_nothing_unsaved():
    session = StubSession(changed=("az",))
    redrawn: list[bool] = []
    disk = DiskWatcher(
        lambda: session,
        interval=None,
        saving=lambda: False,
        redraw=lambda: redrawn.append(True),
        merged=lambda: None,
    )
    async with OnePart(disk).run_test() as pilot:
        disk.look()
        await until(pilot, lambda: redrawn)
        assert session.calls == ["reload az"]
