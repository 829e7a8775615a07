"""Make docs/screenshot.svg: the review screen on the seed, as the README shows it.

Builds the tiny test Argos models (tests/support/tiny_argos.py) in a temporary folder,
translates the seed to en and az with the shipped glossary, opens the review app headless,
approves two rows in every language, moves to a row with glossary terms and saves Textual's
SVG screenshot.

    python docs/make_screenshot.py [--out docs/screenshot.svg] [--size 120x36]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = "seeds/azertac-2020-06-27.fr.txt"
GLOSSARY = "glossaries/azertac.tbx"


def prepare(work: Path) -> Path:
    from tests.support.sandbox import isolate_environment

    isolate_environment(work)

    import argostranslate.package
    from click.testing import CliRunner

    from tests.support.tiny_argos import build_package, training_corpus
    from workbench.cli import main

    corpus = training_corpus()
    for path in (
        build_package(work, "fr", "en", training_text=corpus),
        build_package(work, "en", "az", training_text=corpus, permutation_seed=7),
    ):
        argostranslate.package.install_from_path(path)
    project = work / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "glossaries").mkdir()
    shutil.copy(ROOT / SEED, project / SEED)
    shutil.copy(ROOT / GLOSSARY, project / GLOSSARY)
    os.chdir(project)
    args = ["translate", SEED, "--to", "en,az", "--glossary", GLOSSARY, "--no-tm"]
    result = CliRunner().invoke(main, args)
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return project


async def shoot(out: Path, size: tuple[int, int]) -> None:
    from workbench.tui.app import ReviewApp
    from workbench.tui.screens.review import OpenRequest, ReviewSettings

    request = OpenRequest(
        Path(SEED), ("en", "az"), Path("locales"), glossaries=(Path(GLOSSARY),), memory=None
    )
    app = ReviewApp(request, ReviewSettings(autosave_delay=None, disk_check_interval=None))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("shift+f8", "shift+f8", "down", "down", "down", "down")
        screen = app.screen_stack[0]
        while screen.editor_pending:
            await pilot.pause(0.02)
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        out.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=out.name, path=str(out.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.svg")
    parser.add_argument("--size", default="120x36", help="Terminal columns x lines.")
    args = parser.parse_args()
    columns, lines = (int(part) for part in args.size.split("x"))
    out = args.out.resolve()
    work = Path(tempfile.mkdtemp(prefix="workbench-screenshot-"))
    try:
        prepare(work)
        asyncio.run(shoot(out, (columns, lines)))
    finally:
        os.chdir(ROOT)
        shutil.rmtree(work, ignore_errors=True)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
