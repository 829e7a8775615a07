"""The base of the review screen's parts: an invisible widget that owns its state and workers.

A part is a child widget of `ReviewScreen` that draws nothing (display: none), so it can run
thread workers, set timers and handle the messages its workers post, the way Textual wants
(attributes down, messages up). It gets everything it works with in its constructor: the
session (through a function, since the session arrives after the screen is up), the widgets
it drives, the few other parts it acts through, and callables the screen gives it to tell
the rest of the screen (e.g. "the header is out of date"). No part reads the screen's state.
Parts without a worker (`Navigator`, `Reviewer`) are parts all the same: like any widget they
can say something (`notify`) and open a dialog (`app.push_screen`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widget import Widget

if TYPE_CHECKING:
    from workbench.core.review import ReviewSession

SessionSource = Callable[[], "ReviewSession | None"]  # the screen's session (None: loading)
Notice = Callable[[], None]  # a part tells the screen something happened


def _no_session() -> ReviewSession | None:
    return None


class Part(Widget):
    """An invisible child of the review screen: state, workers and timers of one job."""

    def __init__(self, session: SessionSource = _no_session) -> None:
        super().__init__()
        self.display = False
        self._session_source = session

    @property
    def session(self) -> ReviewSession | None:
        return self._session_source()
