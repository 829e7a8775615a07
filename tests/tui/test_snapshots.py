"""Pictures of the main screen (pytest-textual-snapshot), after pressing keys.

Regenerate after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the SVGs in tests/tui/__snapshots__ before committing them.
"""

from tests.tui.conftest import loaded


async def _ready(pilot):
    await loaded(pilot)


def test_main_screen_80x24(make_app, snap_compare):
    assert snap_compare(
        make_app(), press=["down", "down", "f8"], terminal_size=(80, 24), run_before=_ready
    )


def test_main_screen_160x48(make_app, snap_compare):
    assert snap_compare(
        make_app(), press=["f8", "down", "down"], terminal_size=(160, 48), run_before=_ready
    )


def test_main_screen_light_theme_80x24(make_app, snap_compare):
    assert snap_compare(
        make_app(theme="textual-light"),
        press=["down", "f8"],
        terminal_size=(80, 24),
        run_before=_ready,
    )


def test_help_screen_80x24(make_app, snap_compare):
    assert snap_compare(make_app(), press=["f1"], terminal_size=(80, 24), run_before=_ready)
