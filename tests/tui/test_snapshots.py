"""Pictures of the main screen (pytest-textual-snapshot), after pressing keys.

Regenerate after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the SVGs in tests/tui/__snapshots__ before committing them.
"""

from textual.widgets import TextArea

from tests.tui.conftest import editor_follows, loaded


def keys(*pressed):
    """Wait for the catalogs and checks, press the keys, let the editor catch up. The editors'
    cursors do not blink: a picture taken mid-blink on a busy machine would differ."""

    async def run_before(pilot):
        await loaded(pilot)
        for area in pilot.app.query(TextArea):
            area.cursor_blink = False
        await pilot.press(*pressed)
        await editor_follows(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_main_screen_80x24(make_app, snap_compare):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=keys("down", "down", "f8"))


def test_main_screen_160x48(make_app, snap_compare):
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=keys("f8", "down", "down"))


def test_main_screen_light_theme_80x24(make_app, snap_compare):
    assert snap_compare(
        make_app(theme="textual-light"), terminal_size=(80, 24), run_before=keys("down", "f8")
    )


def test_editing_at_80x24(make_app, snap_compare):
    assert snap_compare(
        make_app(), terminal_size=(80, 24), run_before=keys("down", "enter", "X", "space")
    )


def test_help_screen_80x24(make_app, snap_compare):
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=keys("f1"))
