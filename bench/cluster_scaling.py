"""Cluster scaling: one process against a local Ray with 1 and 2 translator actors.

Builds the realistic-size synthetic Argos package of `bench/synthetic_argos.py` (6+6 layers,
d=512, 8k vocabulary, random int8 weights, so every hypothesis decodes to the fixed
--max-length), then translates the same N distinct sentences through `Engine.translate_batch`
three ways, each with a cold engine (model loaded inside the timing, as every actor loads its own):

  single   the local ArgosEngine, one CTranslate2 thread (the baseline)
  ray×1    cluster mode on a local Ray, 1 actor of 1 thread
  ray×2    cluster mode on a local Ray, 2 actors of 1 thread each

and prints each as a ratio to the baseline (ray×1's ratio is Ray's overhead per job: shipping
the model, starting the actor, moving batches) and ray×2's speedup over ray×1 (target ≥ 1.7×
on 2 free cores). Ray's own start-up (`ray.init`) is paid once per job and reported apart.
All three must produce the same hypotheses; the benchmark checks it.

    python bench/cluster_scaling.py [--sentences 2000] [--max-length 24] [--beam 4]
"""

from __future__ import annotations

import argparse
import logging
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
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="workbench-bench-cluster-"))
    from tests.support.sandbox import isolate_environment

    isolate_environment(work)

    from bench.synthetic_argos import benchmark_sentences, install_synthetic_fr_en
    from workbench.core.cluster.session import ClusterSession, ClusterSettings
    from workbench.core.engines import argos

    sentences = benchmark_sentences(args.sentences)
    install_synthetic_fr_en(work)
    options = argos.DecodingOptions(
        beam_size=args.beam,
        batch_size=args.batch_size,
        threads=1,
        max_decoding_length=args.max_length,
    )

    def cold_engine() -> argos.Engine:
        # A new process would start with no loaded translator and an empty cache; so does each run.
        argos._engines.clear()
        argos._translators.clear()
        return argos.open_engine("fr", "en", options, install_missing=False)

    finished: list[tuple[float, int]] = []  # (time, sentences) as each batch comes back

    def progress(count: int) -> None:
        finished.append((time.perf_counter(), count))

    def single() -> list:
        return cold_engine().translate_batch(sentences, progress=progress)

    def on_ray(actors: int) -> list:
        settings = ClusterSettings(actors=actors, actor_threads=1)
        with ClusterSession(settings, work / f"checkpoint-{actors}") as session:
            engine = session.distribute(cold_engine())
            return engine.translate_batch(sentences, progress=progress)

    import ray

    started = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    startup = time.perf_counter() - started

    timings: dict[str, float] = {}
    steady: dict[str, float] = {}  # sentences/s from the first batch back to the last
    driver_cpu: dict[str, float] = {}  # CPU seconds this process used (all of it when single)
    outputs = {}
    for name, run in (
        ("single process, 1 thread", single),
        ("local Ray, 1 actor × 1 thread", lambda: on_ray(1)),
        ("local Ray, 2 actors × 1 thread", lambda: on_ray(2)),
    ):
        finished.clear()
        begin, begin_cpu = time.perf_counter(), time.process_time()
        outputs[name] = run()
        timings[name] = time.perf_counter() - begin
        driver_cpu[name] = time.process_time() - begin_cpu
        (first_at, _), (last_at, _) = finished[0], finished[-1]
        steady[name] = sum(count for _, count in finished[1:]) / (last_at - first_at)
        print(f"  {name}: {timings[name]:.1f}s", flush=True)
    ray.shutdown()
    first = next(iter(outputs.values()))
    assert all(output == first for output in outputs.values()), "cluster output differs"

    base, one, two = timings.values()
    steady_base, steady_one, steady_two = steady.values()
    print(
        f"{len(sentences)} sentences, beam {args.beam}, max length {args.max_length}, batch {args.batch_size}"
    )
    print(
        f"{'':32s} {'wall':>8s} {'sent/s':>8s} {'ratio':>6s}   steady sent/s (first batch back to last)"
    )
    for name, seconds in timings.items():
        print(
            f"{name:32s} {seconds:7.1f}s {len(sentences) / seconds:8.1f} {seconds / base:6.3f}   {steady[name]:8.1f}"
        )
    print(
        f"Ray overhead, 1 actor vs single process: wall {one / base:.3f}×, steady {steady_base / steady_one:.3f}×"
    )
    print(
        f"speedup of 2 actors over 1 actor: wall {one / two:.2f}×, steady {steady_two / steady_one:.2f}× (target ≥ 1.7×)"
    )
    print(f"speedup of 2 actors over the single process: wall {base / two:.2f}×")
    print(
        f"Ray's fixed cost per call (ship the model, start and load the actors): ~{one - len(sentences) / steady_one:.1f}s"
    )
    print(
        "driver CPU: " + ", ".join(f"{name} {seconds:.1f}s" for name, seconds in driver_cpu.items())
    )
    print(f"Ray start-up (ray.init, once per job, not in the timings above): {startup:.1f}s")
    print(f"per-actor throughput (steady): {steady_one:.1f} sentences/s")


if __name__ == "__main__":
    main()
