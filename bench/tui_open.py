"""The review TUI on a 10,000-segment document, against an empty Textual app in the same process.

Writes a synthetic French document of N distinct sentences and its en and az catalogs (every
entry a machine draft with 3 alternatives, as `workbench translate` leaves them), then times,
headless, at 160×48:

  first screen   app start -> the first frame showing rows (source text; catalogs still loading)
  translations   app start -> every catalog loaded and shown
  checked        app start -> every row checked (problem counts complete; a background worker)
  move one row   one Down key in the list, processed and redrawn (median of --keys presses)
  … while checking  the same while the checks still run in the background
  editor follows the same, until the editor shows the new row (it waits for the cursor to
                 rest for 50 ms, so holding Down scrolls the list at full speed)
  approve+next   one Shift+F8 in the list (approve in en and az, then next row), processed and redrawn
  … from editor  the same with the cursor in the en editor: the editor shows the next row at once

and the same for an empty Textual `App` (start to first frame; a key press it ignores), printing
each as a ratio to the empty app. Targets: first screen ≤ 1 s, a key ≤ 50 ms. Autosave and
the disk watcher are off so that only the measured work runs.

With `--catalog po`, the same on a software catalog instead (issue 8): a N-entry `messages.pot`
shaped as `bench/catalog_translate.py` makes it (plurals, contexts, placeholders) and its en and
az catalogs, every entry machine-filled; the en catalog is opened where it is (`workbench open
locales/en/LC_MESSAGES/messages.po`). With `--catalog pot`, the template is opened with `--to
en,az` (three files to parse). Targets: first screen ≤ 0.5 s, every translation shown ≤ 1 s.

    python bench/tui_open.py [--segments 10000] [--keys 40] [--catalog po|pot]
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
    from workbench.core.catalogs.comments import Draft
    from workbench.core.catalogs.merge import build_template, merge_catalog
    from workbench.core.catalogs.paths import catalog_path
    from workbench.core.catalogs.pofile import render
    from workbench.core.engines.base import Hypothesis
    from workbench.core.sources.document import load_document
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


def write_catalog_project(folder: Path, count: int) -> Path:
    """`messages.pot` (French msgids) of `count` entries and its en and az catalogs, every
    entry a draft."""
    from bench.catalog_translate import generated_template
    from workbench.core.catalogs.comments import Draft
    from workbench.core.catalogs.entries import entry_key
    from workbench.core.catalogs.merge import merge_catalog, nplurals
    from workbench.core.catalogs.paths import catalog_path
    from workbench.core.catalogs.pofile import render
    from workbench.core.engines.base import Hypothesis
    from workbench.core.textio import atomic_write

    sentences = synthetic_document(count * 2).replace("\n\n", " ").split(". ")
    generated = generated_template(count * 2, [f"{text}." for text in sentences if text])
    template = type(generated)()
    template.metadata = generated.metadata
    seen = set()
    for entry in generated:  # distinct keys only: a catalog never holds one twice
        if entry_key(entry) not in seen and len(template) < count:
            seen.add(entry_key(entry))
            template.append(entry)
    template_path = folder / "messages.pot"
    atomic_write(template_path, render(template))
    for lang in ("en", "az"):
        empty, _ = merge_catalog(None, template, lang, {})
        forms = nplurals(empty)
        drafts = {
            entry_key(entry): Draft(
                (Hypothesis(f"{lang}: {entry.msgid}", -0.1), Hypothesis(f"{lang} 2", -0.6)),
                signature="synthetic 1.0 (beam 4)",
                forms=tuple(f"{lang} {n}: {entry.msgid}" for n in range(forms))
                if entry.msgid_plural
                else (),
            )
            for entry in template
        }
        po, _ = merge_catalog(None, template, lang, drafts)
        atomic_write(catalog_path(folder / "locales", lang, "messages"), render(po))
    return template_path


async def wait_until(pilot, condition: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.005)  # not pilot.pause(): its idle detection burns CPU itself


def idle(app) -> bool:
    """Every message queue of the app and its screen is empty (Textual internals, read only)."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return all(node._message_queue.empty() for node in nodes)


async def press(app, key: str, done: Callable[[], bool] = lambda: True) -> float:
    """Seconds from a key arriving (as the terminal driver posts it) to its frame being drawn.

    Pilot's `press` sleeps in 20 ms steps until the process looks idle, which hides anything
    shorter, so keys are posted here directly: the clock stops once the key's effect is there
    (`done`), every message it caused is handled, and the screen has drawn the frame (the
    screen's update timer is run at once: the call the timer makes, a private method).
    """
    from textual import events

    started = time.perf_counter()
    app.post_message(events.Key(key, None))
    while not (done() and idle(app)):
        await asyncio.sleep(0)
    app.screen._on_timer_update()
    return time.perf_counter() - started


async def rest(app) -> None:
    """Let whatever a key started later (the editor following the cursor) finish."""
    while getattr(app.screen, "editor_pending", False) or not idle(app):
        await asyncio.sleep(0.001)
    app.screen._on_timer_update()
    await asyncio.sleep(0.01)


async def key_latency(
    app, key: str, presses: int, done_after: Callable[[], Callable[[], bool]]
) -> float:
    timings = []
    for _ in range(presses):
        timings.append(await press(app, key, done_after()))
        await rest(app)
    return statistics.median(timings)


async def editor_latency(app, presses: int) -> float:
    """Median seconds from Down in the list to the editor showing the new row, drawn."""
    screen = app.screen
    timings = []
    for _ in range(presses):
        started = time.perf_counter()
        target = screen.table.cursor + 1
        await press(app, "down", lambda target=target: screen.table.cursor == target)
        while screen.editor_pending or not idle(app):
            await asyncio.sleep(0.001)
        screen._on_timer_update()
        timings.append(time.perf_counter() - started)
        await rest(app)
    return statistics.median(timings)


async def measure_empty_app(presses: int) -> dict[str, float]:
    from textual.app import App

    started = time.perf_counter()
    app = App()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = time.perf_counter() - started
        key = await key_latency(app, "down", presses, lambda: lambda: True)
    return {"first screen": first, "key": key}


async def measure_review_app(
    document: Path, presses: int, targets: tuple[str, ...] = ("en", "az")
) -> dict[str, float]:
    from workbench.tui.app import ReviewApp
    from workbench.tui.screens.review import OpenRequest, ReviewSettings

    started = time.perf_counter()
    request = OpenRequest(document, targets, Path("locales"))
    app = ReviewApp(request, ReviewSettings(autosave_delay=None, disk_check_interval=None))
    results: dict[str, float] = {}

    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen_stack[0]
        frames: list[tuple[float, bool]] = []  # (when drawn, rows on screen)
        draw = screen._compositor_refresh  # the call that puts a frame on the terminal

        def drawn() -> None:
            draw()
            frames.append((time.perf_counter(), bool(screen.table.view)))

        screen._compositor_refresh = drawn  # type: ignore[method-assign]
        await wait_until(pilot, lambda: any(rows for _, rows in frames))
        results["first screen"] = next(when for when, rows in frames if rows) - started
        screen._compositor_refresh = draw  # type: ignore[method-assign]
        await wait_until(pilot, lambda: screen.session.is_loaded())
        await pilot.pause()
        results["translations"] = time.perf_counter() - started
        table = screen.table

        def moved() -> Callable[[], bool]:
            target = table.cursor + 1
            return lambda: table.cursor == target

        results["… while checking"] = await key_latency(app, "down", 10, moved)
        await wait_until(pilot, lambda: screen.checked, timeout=600)
        results["checked"] = time.perf_counter() - started
        await rest(app)
        results["move one row"] = await key_latency(app, "down", presses, moved)
        results["editor follows"] = await editor_latency(app, presses)
        results["approve+next"] = await key_latency(app, "shift+f8", presses, moved)
        first = targets[0]
        assert screen.session.counts(first).approved >= presses * 0.8  # some may be refused
        screen.editor.area(first).focus()  # typing in the editor: the next row comes at once
        await rest(app)
        results["… from editor"] = await key_latency(app, "f8", presses, moved)
        area = screen.editor.area(first)
        assert area.text == screen.session.cell(screen.table.current_index, first).text
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--keys", type=int, default=40, help="Presses per key measurement.")
    parser.add_argument(
        "--catalog", choices=["po", "pot"], help="Open a catalog (po) or a template (pot)."
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="workbench-bench-tui-"))
    from tests.support.sandbox import isolate_environment

    isolate_environment(work)
    os.chdir(work)
    started = time.perf_counter()
    targets: tuple[str, ...] = ("en", "az")
    if args.catalog:
        document = write_catalog_project(work, args.segments).relative_to(work)
        if args.catalog == "po":
            document, targets = Path("locales/en/LC_MESSAGES/messages.po"), ("en",)
    else:
        document = write_project(work, args.segments).relative_to(work)
    print(
        f"setup: {args.segments} {'entries' if args.catalog else 'segments'}, "
        f"{'+'.join(targets)} catalogs in {time.perf_counter() - started:.1f} s"
    )

    def run(
        measure: Callable[..., Awaitable[dict[str, float]]], *params: object
    ) -> dict[str, float]:
        return asyncio.run(measure(*params))

    empty = run(measure_empty_app, args.keys)
    review = run(measure_review_app, document, args.keys, targets)

    print(f"{'':16}{'review app':>12}{'empty app':>12}{'ratio':>8}   target")
    rows = [
        ("first screen", "first screen", "≤ 0.5 s" if args.catalog else "≤ 1 s"),
        ("translations", "first screen", "≤ 1 s" if args.catalog else ""),
        ("checked", "first screen", ""),
        ("move one row", "key", "≤ 50 ms"),
        ("… while checking", "key", "≤ 50 ms"),
        ("editor follows", "key", ""),
        ("approve+next", "key", "≤ 50 ms"),
        ("… from editor", "key", "≤ 50 ms"),
    ]
    for name, baseline, target in rows:
        value, base = review[name], empty[baseline]
        print(f"{name:16}{_ms(value):>12}{_ms(base):>12}{value / base:>7.1f}×   {target}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


if __name__ == "__main__":
    main()
