"""The TUI starts without the MT stack: CTranslate2 and Argos load only when MT is asked for."""

import subprocess
import sys
import textwrap

HEAVY = ("ctranslate2", "argostranslate", "torch", "stanza", "sentencepiece")

SCRIPT = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from workbench.tui.app import ReviewApp
    from workbench.tui.screens.review import OpenRequest, ReviewSettings

    async def main():
        request = OpenRequest(Path(sys.argv[1]), ("en", "az"), Path(sys.argv[2]))
        app = ReviewApp(request, ReviewSettings(autosave_delay=None, disk_check_interval=None))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.press("down", "f8", "ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert len(app.screen_stack[0].table.view) > 10

    asyncio.run(main())
    print(" ".join(sorted(sys.modules)))
    """
)


def test_opening_reviewing_and_saving_load_no_mt_stack(project):
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "seeds/azertac-2020-06-27.fr.txt", "locales"],
        capture_output=True,
        text=True,
        check=True,
        cwd=project,
    )
    loaded = {name.split(".")[0] for name in result.stdout.split()}
    assert "textual" in loaded
    assert not loaded & set(HEAVY)


def test_the_open_command_module_imports_no_textual():
    code = "import sys, workbench.cli.open; print(' '.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert "textual" not in {name.split(".")[0] for name in output.stdout.split()}
