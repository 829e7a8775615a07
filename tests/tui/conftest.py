"""A translated seed project (real tiny Argos models) and the review app opened on it."""

import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from workbench.cli import main

SEED = "seeds/azertac-2020-06-27.fr.txt"
DOMAIN = "azertac-2020-06-27"
TARGETS = ("en", "az")


def catalog_file(project: Path, lang: str) -> Path:
    return project / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def load_po(project: Path, lang: str) -> polib.POFile:
    return polib.pofile(str(catalog_file(project, lang)))


@pytest.fixture(scope="session")
def translated_template(tmp_path_factory, tiny_packages, seed_path):
    """The seed translated once to en and az by `workbench translate` (copied per test)."""
    folder = tmp_path_factory.mktemp("translated")
    (folder / "seeds").mkdir()
    shutil.copy(seed_path, folder / SEED)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = CliRunner().invoke(main, ["translate", SEED, "--to", "en,az", "--no-tm"])
    assert result.exit_code == 0, result.output
    return folder


@pytest.fixture
def project(translated_template, tmp_path, monkeypatch):
    """A fresh copy of the translated project, as the working directory."""
    folder = tmp_path / "project"
    shutil.copytree(translated_template, folder)
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def make_app(project, tmp_path, monkeypatch):
    """Build the review app on the project; autosave and disk watching off unless asked.

    The last position is remembered in a state folder of the test's own."""
    from workbench.tui.app import ReviewApp
    from workbench.tui.screens.review import OpenRequest, ReviewSettings

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def build(
        *,
        autosave_delay=None,
        autosave=False,
        disk_check_interval=None,
        glossaries=(),
        memory=None,
        targets=TARGETS,
        theme="textual-dark",
        translator=None,
        **delays,  # editor_delay, completion_pause: ReviewSettings' own unless given
    ):
        request = OpenRequest(
            document=Path(SEED),
            targets=tuple(targets),
            locales=Path("locales"),
            glossaries=tuple(Path(g) for g in glossaries),
            memory=memory,
            translator=translator,
        )
        settings = ReviewSettings(
            autosave_delay=autosave_delay,
            autosave=autosave,
            disk_check_interval=disk_check_interval,
            **delays,
        )
        return ReviewApp(request, settings, theme=theme)

    return build


async def loaded(pilot):
    """Wait until the document, the catalogs and the checks are in."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def settle(pilot, delay=0.0):
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(delay)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot, condition, timeout=10.0):
    """Let the app run until `condition()` holds: timers and workers take longer on a busy
    machine than a fixed pause allows."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the app never got there"
        await pilot.pause(0.02)
    await settle(pilot)


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def type_text(pilot, text):
    """Type `text` as a quick typist does: every key is in the app's queue before it handles the
    first, and the test waits once, for all of them (`pilot.press` waits for an idle app after
    each key, ~0.1 s a key). The keys take the path `pilot.press` gives them."""
    from textual import events
    from textual.keys import _character_to_key

    for char in text:
        pilot.app.post_message(events.Key(_character_to_key(char), char))
    await pilot.pause()  # the app forwards the keys to the focused widget...
    await pilot.pause()  # ...which handles them


async def editor_follows(pilot, timeout=5.0):
    """Wait until the editor shows the row under the list cursor (it waits for the cursor to rest)."""
    import time

    screen = pilot.app.screen_stack[0]
    await pilot.pause()  # the cursor's message reaches the screen
    deadline = time.monotonic() + timeout
    while screen.editor_pending:
        assert time.monotonic() < deadline, "the editor never caught up with the cursor"
        await pilot.pause(0.01)
    await pilot.pause()
