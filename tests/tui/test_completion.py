"""Interactive MT in the editor (Pilot): the model completes what the translator types.

The seed's en catalog is the fr→en copy model's output, so the completion of a typed start
of a segment's source is the rest of that source.
"""

import pytest

from tests.tui.conftest import editor_follows, loaded, type_text, until
from workbench.tui.screens.review import ReviewScreen
from workbench.tui.widgets.completing_area import CompletingTextArea

pytestmark = pytest.mark.anyio

SIZE = (80, 24)
ROW = 2  # a segment with a long sentence


def review(app) -> ReviewScreen:
    return app.screen_stack[0]


async def start_typing(pilot, row: int = ROW) -> tuple[CompletingTextArea, str]:
    """The en editor of `row`, emptied, focused; returns it and the row's source."""
    screen = review(pilot.app)
    screen.table.set_cursor(row)
    await editor_follows(pilot)
    await pilot.press("enter")
    area = screen.editor.area("en")
    assert isinstance(area, CompletingTextArea)
    area.clear()
    return area, screen.session.segments[row].text


async def shown(pilot, area: CompletingTextArea, timeout: float = 5.0) -> str:
    """Wait for the completion after the pause; its text."""
    import time

    deadline = time.monotonic() + timeout
    while not area.suggestion:
        assert time.monotonic() < deadline, "no completion shown"
        await pilot.pause(0.02)
        await pilot.app.workers.wait_for_complete()
    return area.suggestion


async def asked(pilot, area: CompletingTextArea) -> None:
    """Wait until the pause after the last keystroke is over and its request answered."""
    await until(pilot, lambda: area._ask_timer is None)


async def test_a_pause_shows_the_rest_and_tab_accepts_word_by_word(make_app, tiny_packages):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        area, source = await start_typing(pilot)
        words = source.split(" ")
        long_word = next(i for i, word in enumerate(words) if i and len(word) >= 4)
        typed = " ".join(words[:long_word]) + " " + words[long_word][:2]  # partly typed
        await type_text(pilot, typed)
        assert area.text == typed
        assert await shown(pilot, area) == source[len(typed) :]
        await pilot.press("tab")  # the rest of the partly typed word
        word_end = source.index(" ", len(typed))
        assert area.text == source[:word_end]
        assert app.focused is area  # Tab did not move the focus away
        await pilot.press("tab")  # the next word, with its space
        assert area.text == source[: source.index(" ", word_end + 1)]
        assert area.suggestion == source[len(area.text) :]
        await pilot.press("end")  # all of it
        assert area.text == source
        assert area.suggestion == ""
        assert review(app).session.cell(ROW, "en").text == source  # written like typing


async def test_ctrl_right_accepts_all(make_app, tiny_packages):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        area, source = await start_typing(pilot)
        await type_text(pilot, source[:5])
        await shown(pilot, area)
        await pilot.press("ctrl+right")
        assert area.text == source


async def test_typing_on_ignores_the_completion(make_app, tiny_packages):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        area, source = await start_typing(pilot)
        await type_text(pilot, source[:5])
        rest = await shown(pilot, area)
        await type_text(pilot, rest[:3])  # what it shows: the rest stays
        assert area.suggestion == rest[3:]
        await pilot.press("Z")  # something else: it goes, the text is what was typed
        assert area.suggestion == ""
        assert area.text == source[:8] + "Z"
        await pilot.press("end")  # no completion: End is the usual end of line
        assert area.text == source[:8] + "Z"
        await asked(pilot, area)
        assert area.suggestion == ""  # the model has nothing that continues "…Z"


async def test_tab_without_a_completion_moves_the_focus(make_app, tiny_packages):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        area, _ = await start_typing(pilot)
        area.pause = None  # never asks
        await type_text(pilot, "Xq")
        await pilot.press("tab")
        assert app.focused is not area
        assert area.text == "Xq"


async def test_an_answer_for_older_text_is_dropped(make_app, tiny_packages):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        area, source = await start_typing(pilot)
        area.pause = None  # the test asks by hand
        await type_text(pilot, source[:4])
        old = area.generation
        await type_text(pilot, source[4:6])
        assert not area.offer(old, "stale")  # the text changed since it was asked for
        assert area.suggestion == ""
        assert area.offer(area.generation, source[6:])
        assert area.suggestion == source[6:]


async def test_a_newer_keystroke_cancels_the_older_request(make_app, tiny_packages):
    import threading

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        area, source = await start_typing(pilot)
        area.pause = None  # the test asks by hand
        await type_text(pilot, source[:6])
        real = screen.completion.completer()
        release = threading.Event()

        class SlowFirst:
            def complete(self, lang, text, prefix, n=1):
                if prefix == source[:4]:
                    release.wait(5)  # the older request is still decoding…
                return real.complete(lang, text, prefix, n)

        offered = []
        offer = area.offer
        area.offer = lambda generation, text: offered.append(generation) or offer(generation, text)
        older = screen.completion.complete(
            SlowFirst(), "en", source, source[:4], area, area.generation - 1
        )
        newer = screen.completion.complete(
            SlowFirst(), "en", source, source[:6], area, area.generation
        )
        await pilot.pause(0.1)
        release.set()  # …when the newer keystroke's request has started
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert older.is_cancelled and not newer.is_cancelled
        assert offered == [area.generation]  # the cancelled one posted nothing
        assert area.suggestion == source[6:]


async def test_no_model_no_suggestion_one_quiet_notice(make_app, tiny_packages, monkeypatch):
    from workbench.core.errors import ModelError

    def no_model(*args, **kwargs):
        raise ModelError("no model installed for fr→en")

    monkeypatch.setattr("workbench.core.engines.argos.open_engine", no_model)
    app = make_app(completion_pause=0.05)  # four pauses, four requests
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        area, _ = await start_typing(pilot)
        notices = []
        app.notify = lambda message, **kw: notices.append(message)
        for letter in "Le p":
            await type_text(pilot, letter)
            await asked(pilot, area)
        assert area.suggestion == ""
        assert area.text == "Le p"
        assert len(notices) == 1 and "no model" in notices[0]
