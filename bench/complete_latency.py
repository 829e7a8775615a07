"""Interactive MT: from a pause in typing to the completion shown, against one raw CTranslate2 call.

Builds the realistic-size synthetic Argos package (6+6 layers, d=512, 8k vocabulary, random
weights: it never emits </s>, so every decode runs to a fixed length) and a document whose
first segment is a 30-piece sentence, opens the review TUI on it (headless), puts the start
of the model's own translation in the en editor, then alternates (each going first in turn),
`--runs` times:

  raw       one ctranslate2 `translate_batch` of the sentence with the same target prefix,
            beam and decoding length, on the engine's own Translator (the baseline)
  complete  the editor's pause fires (`CompletingTextArea._ask`, what the debounce timer
            calls) -> CompletionWanted -> worker -> `Completer.complete` -> CompletionReady ->
            the suggestion is set on the text area

and prints the medians, their spread (min-max) and the ratios: of the medians, the median of
each run's complete/raw pair (robust to a load that drifts), and of the fastest runs (the least
disturbed by other processes). The debounce pause itself
(`ReviewSettings.completion_pause`, 0.2 s) comes before both and is not counted.
Targets: complete ≤ 1.2× raw and ≤ 300 ms.

    python bench/complete_latency.py [--runs 15] [--tokens 30] [--beam 4]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pick_sentence(tokenizer, tokens: int) -> str:
    """A synthetic sentence of exactly `tokens` SentencePiece pieces (cut at a word)."""
    from bench.synthetic_argos import synthetic_corpus

    for sentence in synthetic_corpus(2000, seed=5):
        words = sentence.split()
        for end in range(len(words), 0, -1):
            text = " ".join(words[:end])
            if len(tokenizer.encode(text, out_type=str)) == tokens:
                return text
    raise SystemExit(f"no synthetic sentence of {tokens} pieces")


def write_project(work: Path, sentence: str) -> Path:
    from bench.synthetic_argos import synthetic_corpus
    from workbench.core.catalogs.merge import build_template, merge_catalog
    from workbench.core.catalogs.paths import catalog_path
    from workbench.core.catalogs.pofile import render
    from workbench.core.sources.document import load_document
    from workbench.core.textio import atomic_write

    document_path = work / "seeds" / "bench.fr.txt"
    document_path.parent.mkdir(parents=True)
    others = [s for s in synthetic_corpus(6, seed=9) if s != sentence][:4]
    document_path.write_text("\n\n".join([sentence, *others]) + "\n", encoding="utf-8")
    document = load_document(document_path)
    assert document.segments[0].text == sentence, "the sentence must be one segment"
    template = build_template([document], document.name)
    po, _ = merge_catalog(None, template, "en", {})
    atomic_write(catalog_path(work / "locales", "en", document.name), render(po))
    return document_path


def spread(values: list[float]) -> str:
    return f"{min(values) * 1000:.0f}-{max(values) * 1000:.0f} ms"


async def measure(document: Path, args: argparse.Namespace) -> tuple[list[float], list[float]]:
    from workbench.core.engines.argos import DecodingOptions, open_engine
    from workbench.tui.app import ReviewApp
    from workbench.tui.screens.review import OpenRequest, ReviewSettings

    options = DecodingOptions(beam_size=args.beam, max_decoding_length=args.tokens)
    engine = open_engine("fr", "en", options, install_missing=False)
    sentence = document.read_text(encoding="utf-8").split("\n\n")[0].strip()
    # What the translator typed: the start of the model's own translation, whole words.
    full = engine.translate_batch([sentence])[0][0].text
    prefix = " ".join(full.split()[: max(1, len(full.split()) // 3)]) + " "
    tokenizer, translator = engine._tokenizer, engine._translator
    source_tokens = tokenizer.encode(sentence, out_type=str)
    prefix_tokens = tokenizer.encode(prefix.rstrip(), out_type=str)
    print(f"sentence: {len(source_tokens)} pieces; typed prefix: {len(prefix_tokens)} pieces")

    def raw() -> float:
        started = time.perf_counter()
        translator.translate_batch(
            [source_tokens],
            target_prefix=[prefix_tokens],
            beam_size=args.beam,
            num_hypotheses=1,
            return_scores=True,
            length_penalty=options.length_penalty,
            max_decoding_length=options.max_decoding_length + len(prefix_tokens),
        )
        return time.perf_counter() - started

    request = OpenRequest(document, ("en",), document.parent.parent / "locales")
    settings = ReviewSettings(
        autosave_delay=None, disk_check_interval=None, check_all=False, completion_pause=None
    )
    app = ReviewApp(request, settings)
    raws, completes = [], []
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen_stack[0]
        while screen.session is None or not screen.session.is_loaded():
            await asyncio.sleep(0.01)
        await pilot.pause()
        screen.machine.engines["en"] = engine  # the engine with the benchmark's decoding length
        area = screen.editor.area("en")
        area.focus()
        await pilot.pause()
        area.load_text(prefix)
        area.move_cursor(area.document.end)
        await pilot.pause()
        # Waiting must not spin: the event loop would take CPU from the decoding threads.
        shown = asyncio.Event()
        offer = area.offer

        def offered(generation: int, completion: str) -> bool:
            done = offer(generation, completion)
            if done:
                shown.set()
            return done

        area.offer = offered
        for run in range(args.runs + 1):
            if run % 2:  # alternate which goes first
                raw_time = raw()
            area.suggestion = ""
            shown.clear()
            started = time.perf_counter()
            area._ask()  # the pause is over
            try:
                await asyncio.wait_for(shown.wait(), timeout=30)
            except TimeoutError:
                raise SystemExit("no completion shown: the model's text did not continue") from None
            complete_time = time.perf_counter() - started
            if not run % 2:
                raw_time = raw()
            if run:  # the first run warms up (worker pool, caches)
                raws.append(raw_time)
                completes.append(complete_time)
        print(f"shown: {prefix[-30:]!r} + {area.suggestion[:50]!r}…")
    return raws, completes


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tokens", type=int, default=30)
    parser.add_argument("--beam", type=int, default=4)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="workbench-bench-complete-"))
    from tests.support.sandbox import isolate_environment

    isolate_environment(work)
    os.chdir(work)
    import argostranslate.package
    import sentencepiece

    from bench.synthetic_argos import build_random_package, synthetic_corpus

    started = time.perf_counter()
    package = build_random_package(
        work / "packages", "fr", "en", training_text="\n".join(synthetic_corpus(20000, seed=2))
    )
    argostranslate.package.install_from_path(package)
    installed = next(
        p for p in argostranslate.package.get_installed_packages() if p.from_code == "fr"
    )
    tokenizer = sentencepiece.SentencePieceProcessor(
        model_file=str(Path(installed.package_path) / "sentencepiece.model")
    )
    print(f"built and installed {package.name} in {time.perf_counter() - started:.1f} s")
    document = write_project(work, pick_sentence(tokenizer, args.tokens)).relative_to(work)
    raws, completes = asyncio.run(measure(document, args))
    raw, complete = statistics.median(raws), statistics.median(completes)
    print(f"{'':10}{'median':>10}{'spread':>16}")
    print(f"{'raw':10}{raw * 1000:>7.0f} ms{spread(raws):>16}")
    print(f"{'complete':10}{complete * 1000:>7.0f} ms{spread(completes):>16}")
    paired = statistics.median(c / r for c, r in zip(completes, raws, strict=True))
    print(
        f"ratio of medians {complete / raw:.2f}× raw, median of paired ratios {paired:.2f}×, "
        f"of the fastest runs {min(completes) / min(raws):.2f}× (target ≤ 1.2×); "
        f"{complete * 1000:.0f} ms absolute (target ≤ 300 ms)"
    )


if __name__ == "__main__":
    main()
