"""MT throughput: `workbench translate` against raw CTranslate2 on the same sentences.

Builds a realistic-size synthetic Argos package (6+6 layers, d=512, 8k vocabulary, random
weights: it never emits </s>, so every run decodes to the same fixed --max-length), writes a
document of N distinct sentences, then times in one process:

  raw     ctranslate2 `translate_batch` over the pre-tokenised sentences (the baseline)
  wb      `workbench translate` in-process: read, segment, tokenise, translate, write catalogs
  argos   a per-paragraph loop as Argos's translate() does it (one translate_batch per paragraph)

and prints each as a ratio to raw. Target: wb ≤ 1.10× raw.

    python bench/translate_throughput.py [--sentences 2000] [--max-length 24] [--beam 4]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--max-length", type=int, default=24)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--n-best", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--repeat", type=int, default=1, help="Time each contender this many times; keep the best."
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="workbench-bench-"))
    from tests.support.sandbox import isolate_environment

    isolate_environment(work)

    import sentencepiece
    from click.testing import CliRunner

    from bench.synthetic_argos import (
        benchmark_sentences,
        install_synthetic_fr_en,
        raw_translator,
    )
    from workbench.cli import main as cli
    from workbench.core.sources.document import load_document

    sentences = benchmark_sentences(args.sentences)
    installed = install_synthetic_fr_en(work)
    paragraphs = [sentences[i : i + 5] for i in range(0, len(sentences), 5)]
    document = work / "bench.fr.txt"
    document.write_text("\n\n".join(" ".join(p) for p in paragraphs) + "\n", encoding="utf-8")
    segmented = [s.text for s in load_document(document).segments]
    assert len(segmented) == len(sentences), "the benchmark sentences must segment one to one"

    sp = sentencepiece.SentencePieceProcessor(
        model_file=str(Path(installed.package_path) / "sentencepiece.model")
    )
    translator, decoding = raw_translator(installed, args.beam, args.n_best, args.max_length)
    tokens = sp.encode(segmented, out_type=str)

    def raw() -> None:
        translator.translate_batch(tokens, max_batch_size=args.batch_size, **decoding)

    def workbench() -> None:
        result = CliRunner().invoke(
            cli,
            [
                "translate",
                str(document),
                "--to",
                "en",
                "--out",
                str(work / "locales"),
                "--no-tm",
                "--n-best",
                str(args.n_best),
                "--beam",
                str(args.beam),
                "--batch-size",
                str(args.batch_size),
                "--max-length",
                str(args.max_length),
            ],
        )
        assert result.exit_code == 0, result.output
        # A new process would start with an empty cache; so does every timed run here.
        from workbench.core.engines import argos

        argos._engines.clear()

    def argos_loop() -> None:
        for paragraph in paragraphs:
            translator.translate_batch(
                sp.encode(paragraph, out_type=str), max_batch_size=args.batch_size, **decoding
            )

    def best_of(function) -> float:
        times = []
        for _ in range(args.repeat):
            begin = time.perf_counter()
            function()
            times.append(time.perf_counter() - begin)
        return min(times)

    workbench()  # load the model once, as raw's translator already is
    timings = {
        "raw ctranslate2 translate_batch": best_of(raw),
        "workbench translate": best_of(workbench),
    }
    timings["argos-style per-paragraph loop"] = best_of(argos_loop)
    base = timings["raw ctranslate2 translate_batch"]
    print(
        f"{len(segmented)} sentences, beam {args.beam}, n-best {args.n_best}, max length {args.max_length}, batch {args.batch_size}"
    )
    for name, seconds in timings.items():
        print(
            f"{name:34s} {seconds:7.2f}s  {len(segmented) / seconds:8.1f} sentences/s  ratio {seconds / base:.3f}"
        )


if __name__ == "__main__":
    main()
