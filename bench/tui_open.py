"""The review TUI on a 10,000-segment document, against an empty Textual app in the same process.

Writes a synthetic French document of N distinct sentences and its en and az catalogs (every
entry a machine draft with 3 alternatives, as `workbench translate` leaves them), then times,
headless, at 160×48:

  first screen   app start -> the first frame showing rows (source text; catalogs still loading)
  translations   app start -> every catalog loaded and shown
  checked        app start -> every row checked (problem counts complete; a background worker)
  move one row   one Down key, processed and redrawn (median of --keys presses)
  approve+next   one F8 (approve in en and az, then next row), processed and redrawn

and the same for an empty Textual `App` (start to first frame; a key press it ignores), printing
each as a ratio to the empty app. Targets: first screen ≤ 1 s, a key ≤ 50 ms. Autosave and
the disk watcher are off so that only the measured work runs.

    python bench/tui_open.py [--segments 10000] [--keys 40]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (160, 48)
WORDS = tuple(
    " ".join(
        (
            "le la les de du des un une et en pour sur avec par dans au aux conseil président",
            "république mouvement coopération solidarité internationale lutte contre pandémie",
            "session sommet organisation membres pays assistant initiative mesures santé vie",
            "gouvernement ministre affaires étrangères politique économique sociale humanitaire",
        )
    ).split(" ")
)


def synthetic_document(count: int, seed: int = 1) -> str:
    """`count` distinct sentences, four to a paragraph."""
    rng = random.Random(seed)
    sentences = []
    for number in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 28))]
        sentences.append(" ".join(words).capitalize() + f" {number}.")
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, count, 4)]
    return "\n\n".join(paragraphs) + "\n"


def write_project(folder: Path, count: int) -> Path:
    from workbench.core.catalog import Draft, build_template, catalog_path, merge_catalog, render
    from workbench.core.document import load_document
    from workbench.core.engines.base import Hypothesis
    from workbench.core.textio import atomic_write

    document_path = folder / "seeds" / "synthetic.fr.txt"
    document_path.parent.mkdir(parents=True)
    document_path.write_text(synthetic_document(count), encoding="utf-8")
    document = load_document(document_path)
    template = build_template([document], document.name)
    for lang in ("en", "az"):
        drafts = {
            entry.msgid: Draft(
                (
                    Hypothesis(f"{lang}: {entry.msgid}", -0.1),
                    Hypothesis(f"{lang} (2): {entry.msgid}", -0.6),
                    Hypothesis(f"{lang} (3): {entry.msgid}", -0.9),
                ),
                signature="synthetic 1.0 (beam 4)",
            )
            for entry in template
        }
        po, _ = merge_catalog(None, template, lang, drafts)
        atomic_write(catalog_path(folder / "locales", lang, document.name), render(po))
    return document_path


async def wait_until(pilot, condition: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await pilot.pause(0.005)


async def key_latency(pilot, key: str, presses: int) -> float:
    """Median seconds for one key to be handled and the screen redrawn."""
    timings = []
    for _ in range(presses):
        started = time.perf_counter()
        await pilot.press(key)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


async def measure_empty_app(presses: int) -> dict[str, float]:
    from textual.app import App

    started = time.perf_counter()
    app = App()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = time.perf_counter() - started
        key = await key_latency(pilot, "down", presses)
    return {"first screen": first, "key": key}


async def measure_review_app(document: Path, presses: int) -> dict[str, float]:
    from workbench.tui.app import ReviewApp
    from workbench.tui.screens.review import OpenRequest, ReviewSettings

    started = time.perf_counter()
    request = OpenRequest(document, ("en", "az"), document.parent.parent / "locales")
    app = ReviewApp(request, ReviewSettings(autosave_delay=None, disk_check_interval=None))
    results: dict[str, float] = {}
    checked: list[float] = []

    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen_stack[0]
        original = screen.on_checks_done

        def checks_done(message: object) -> None:
            checked.append(time.perf_counter() - started)
            original(message)

        screen.on_checks_done = checks_done  # type: ignore[method-assign]
        await wait_until(pilot, lambda: bool(screen.table.view))
        await pilot.pause()
        results["first screen"] = time.perf_counter() - started
        await wait_until(pilot, lambda: screen.session.is_loaded())
        await pilot.pause()
        results["translations"] = time.perf_counter() - started
        await wait_until(pilot, lambda: bool(checked), timeout=600)
        results["checked"] = checked[0]
        results["move one row"] = await key_latency(pilot, "down", presses)
        results["approve+next"] = await key_latency(pilot, "f8", presses)
        assert screen.session.counts("en").approved == presses
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=40, help="Presses per key measurement.")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="workbench-bench-tui-"))
    for variable in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[variable] = str(work / "home")
    os.chdir(work)
    started = time.perf_counter()
    document = write_project(work, args.segments).relative_to(work)
    print(
        f"setup: {args.segments} segments, en+az catalogs in {time.perf_counter() - started:.1f} s"
    )

    def run(
        measure: Callable[..., Awaitable[dict[str, float]]], *params: object
    ) -> dict[str, float]:
        return asyncio.run(measure(*params))

    empty = run(measure_empty_app, args.keys)
    review = run(measure_review_app, document, args.keys)

    print(f"{'':16}{'review app':>12}{'empty app':>12}{'ratio':>8}   target")
    rows = [
        ("first screen", "first screen", "≤ 1 s"),
        ("translations", "first screen", ""),
        ("checked", "first screen", ""),
        ("move one row", "key", "≤ 50 ms"),
        ("approve+next", "key", "≤ 50 ms"),
    ]
    for name, baseline, target in rows:
        value, base = review[name], empty[baseline]
        print(f"{name:16}{_ms(value):>12}{_ms(base):>12}{value / base:>7.1f}×   {target}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


if __name__ == "__main__":
    main()
