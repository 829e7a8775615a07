"""Class 1 in the review TUI: an engine that raises anything (here CTranslate2's own error for
an input past the position table) ends as an error notice, never as WorkerFailed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import anyio_backend, loaded, settle  # noqa: F401 - a fixture too
from workbench.core.engines.base import Engine
from workbench.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.anyio


class ExplodingEngine(Engine):
    """Fails the way CTranslate2 does on an input longer than its position table."""

    def __init__(self, source: str, target: str, error: BaseException) -> None:
        super().__init__()
        self.source, self.target, self.error = source, target, error

    @property
    def signature(self) -> str:
        return "exploding"

    def translate_prepared(self, batch, n_best):
        raise self.error


async def test_an_engine_that_raises_is_a_notice_not_a_crash(project, run):
    error = RuntimeError("No position encodings are defined for positions >= 512")
    from workbench.tui.app import ReviewApp
    from workbench.tui.screens.review import OpenRequest, ReviewSettings

    # Drafts need no model: the engine the screen would open is replaced below.
    assert run("translate", "doc.fr.txt", "--to", "en", "--no-mt", "--no-tm").exit_code == 0
    request = OpenRequest(document=Path("doc.fr.txt"), targets=("en",), locales=Path("locales"))
    app = ReviewApp(request, ReviewSettings(autosave_delay=None, disk_check_interval=None))
    notices: list[tuple[str, str]] = []
    app.notify = lambda message, *args, severity="information", **kwargs: notices.append(
        (str(message), severity)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        screen = app.screen_stack[0]
        assert isinstance(screen, ReviewScreen)
        assert screen.session.empty_units(["en"])["en"]
        screen._engines["en"] = ExplodingEngine("fr", "en", error)
        await pilot.press("f9")
        await settle(pilot)
        assert app.is_running
        assert screen._mt_cancel is None  # MT can be started again
        assert any(
            severity == "error" and "machine translation failed" in message
            for message, severity in notices
        ), notices
