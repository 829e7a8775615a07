"""Catalog MT throughput: `workbench translate FILE.pot` against raw CTranslate2.

Builds the synthetic Argos package of bench/translate_throughput.py (6+6 layers, d=512, 8k
vocabulary, random weights: every hypothesis decodes to the fixed --max-length), generates a
POT of N entries that look like an application's strings (python-format and brace
placeholders, HTML tags, plural entries, msgctxt), then times in one process:

  raw   ctranslate2 `translate_batch` over the pre-tokenised distinct strings the catalog
        holds (msgids and msgid_plurals): the baseline
  wb    `workbench translate shop.pot --to en` in-process: read the POT, shield placeholders
        and markup, tokenise, translate, restore, fill the plural forms, write the catalog

Both sides run --repeat times, alternating which goes first (on a loaded machine the second
of two back-to-back runs is the slower); it prints each side's median and spread (min-max),
the ratio of the medians and the median of the paired ratios (each round's wb / raw), and that
paired ratio for the process's CPU time (all threads), which a busy neighbour disturbs less.
Target: ≤ 1.10×.

    python bench/catalog_translate.py [--entries 10000] [--repeat 3] [--max-length 24] [--beam 4]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def generated_template(entries: int, sentences: list[str], seed: int = 3) -> object:
    """A POT of `entries` entries built from `sentences`, with the shapes real catalogs have."""
    import polib

    rng = random.Random(seed)
    pot = polib.POFile()
    pot.metadata = {
        "Project-Id-Version": "bench 1.0",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "fr",
    }
    texts = iter(sentences)
    for number in range(entries):
        text = next(texts)
        words = text.rstrip(".?!").split()
        kind = rng.random()
        entry = polib.POEntry(
            msgid=text, occurrences=[(f"app/views_{number % 50}.py", str(number))]
        )
        if kind < 0.12:  # plural, with a count placeholder
            entry.msgid = f"%(count)d {' '.join(words[:6])}"
            entry.msgid_plural = f"%(count)d {' '.join(words[:6])}s"
            entry.msgstr_plural = {0: "", 1: ""}
            entry.flags = ["python-format"]
        elif kind < 0.27:
            cut = len(words) // 2
            entry.msgid = f"{' '.join(words[:cut])} %(name)s {' '.join(words[cut:])}."
            entry.flags = ["python-format"]
        elif kind < 0.37:
            entry.msgid = f"{{user}} {text}"
            entry.flags = ["python-brace-format"]
        elif kind < 0.45:
            entry.msgid = f"<strong>{words[0]}</strong> {' '.join(words[1:])}."
        if rng.random() < 0.05:
            entry.msgctxt = rng.choice(["menu", "button", "title"])
        pot.append(entry)
    return pot


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--max-length", type=int, default=24)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="Time each side this many times, alternating which goes first.",
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="workbench-bench-"))
    from tests.support.sandbox import isolate_environment

    isolate_environment(work)

    import polib
    import sentencepiece
    from click.testing import CliRunner

    from bench.synthetic_argos import (
        benchmark_sentences,
        install_synthetic_fr_en,
        raw_translator,
    )
    from workbench.cli import main as cli

    sentences = benchmark_sentences(args.entries)
    installed = install_synthetic_fr_en(work)
    pot = generated_template(args.entries, sentences)
    pot_path = work / "bench.pot"
    pot.save(str(pot_path))
    strings = list(
        dict.fromkeys(text for entry in pot for text in (entry.msgid, entry.msgid_plural) if text)
    )

    sp = sentencepiece.SentencePieceProcessor(
        model_file=str(Path(installed.package_path) / "sentencepiece.model")
    )
    translator, decoding = raw_translator(installed, args.beam, 1, args.max_length)
    tokens = sp.encode(strings, out_type=str)

    def raw() -> None:
        translator.translate_batch(tokens, max_batch_size=args.batch_size, **decoding)

    def workbench(template: Path = pot_path) -> None:
        result = CliRunner().invoke(
            cli,
            [
                "translate",
                str(template),
                "--to",
                "en",
                "--out",
                str(work / "locales"),
                "--no-tm",
                "--n-best",
                "1",
                "--beam",
                str(args.beam),
                "--batch-size",
                str(args.batch_size),
                "--max-length",
                str(args.max_length),
            ],
        )
        assert result.exit_code == 0, result.output
        from workbench.core.engines import argos

        argos._engines.clear()  # a new process starts with an empty cache; so does each run

    cpu = {"raw": [], "workbench": []}  # CPU seconds of the process, all threads

    def timed(function) -> float:
        begin, begin_cpu = time.perf_counter(), time.process_time()
        function()
        cpu[function.__name__].append(time.process_time() - begin_cpu)
        return time.perf_counter() - begin

    plurals = sum(1 for entry in pot if entry.msgid_plural)
    contexts = sum(1 for entry in pot if entry.msgctxt)
    print(
        f"{len(pot)} entries ({plurals} plural, {contexts} with msgctxt), {len(strings)} distinct "
        f"strings; beam {args.beam}, max length {args.max_length}, batch {args.batch_size}"
    )
    # Load the model once on both sides: raw's translator is loaded, so is workbench's.
    translator.translate_batch(tokens[:8], **decoding)
    warm_up = work / "warm.pot"
    generated_template(8, sentences[:8]).save(str(warm_up))
    workbench(warm_up)
    # Interleaved, and in alternating order, so a neighbour's load hits both sides alike.
    raws: list[float] = []
    ours: list[float] = []
    for round_number in range(args.repeat):
        if round_number % 2:
            ours.append(timed(workbench))
        raws.append(timed(raw))
        if not round_number % 2:
            ours.append(timed(workbench))
        print(
            f"round {round_number + 1}: raw {raws[-1]:.2f}s, workbench {ours[-1]:.2f}s "
            f"(CPU {cpu['raw'][-1]:.1f}s, {cpu['workbench'][-1]:.1f}s)",
            flush=True,
        )
    written = polib.pofile(str(work / "locales" / "en" / "LC_MESSAGES" / "bench.po"))
    filled = sum(1 for entry in written if entry.msgstr or any(entry.msgstr_plural.values()))
    base, mine = statistics.median(raws), statistics.median(ours)
    paired = statistics.median(o / r for o, r in zip(ours, raws, strict=True))
    print(f"{'':34}{'median':>9}{'spread':>18}{'strings/s':>11}")
    print(
        f"{'raw ctranslate2 translate_batch':34}{base:8.2f}s{spread(raws):>18}{len(strings) / base:11.1f}"
    )
    print(
        f"{'workbench translate FILE.pot':34}{mine:8.2f}s{spread(ours):>18}{len(strings) / mine:11.1f}"
    )
    print(
        f"ratio of medians {mine / base:.3f}, median of paired ratios {paired:.3f} (target ≤ 1.10) "
        f"over {args.repeat} rounds; {filled} of {len(written)} entries filled"
    )
    # On a shared machine wall time follows the neighbours; CPU time much less so.
    cpu_paired = statistics.median(o / r for o, r in zip(cpu["workbench"], cpu["raw"], strict=True))
    print(
        f"CPU time: raw median {statistics.median(cpu['raw']):.1f}s, workbench "
        f"{statistics.median(cpu['workbench']):.1f}s, median of paired ratios {cpu_paired:.3f}"
    )


def spread(values: list[float]) -> str:
    """min-max of a side's runs."""
    return f"{min(values):.2f}-{max(values):.2f}s"


if __name__ == "__main__":
    main()
