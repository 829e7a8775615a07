"""What runs on a Ray worker: one translator, loaded once, translating the batches it is given.

Ray Data constructs one `TranslatorActor` per pool slot (again after a crash: Ray restarts the
actor and retries the batch it was on), and calls it with one row per batch the driver cut.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from workbench.core.cluster.shipping import PackageIdentity, unpack_package
from workbench.core.cluster.wire import decode_batch, encode_results
from workbench.core.engines.argos import ArgosEngine, DecodingOptions


class TranslatorActor:
    """A stateful Ray Data callable: an Argos engine over the package the driver shipped."""

    def __init__(
        self,
        package: list[Any],
        identity: PackageIdentity,
        options: DecodingOptions,
        n_best: int,
    ) -> None:
        import ray

        # The object reference rides in a list so that Ray hands it over as it is, and the
        # bytes are fetched here, on the worker, from the object store.
        data = ray.get(package[0])
        # The files are needed only while loading: translator and tokenizer then live in
        # memory, and an actor Ray kills later leaves no model copy behind on the worker.
        with tempfile.TemporaryDirectory(prefix="workbench-actor-") as folder:
            model = unpack_package(data, identity, Path(folder))
            self.engine = ArgosEngine(model, options)
            self.engine.translate_prepared([], n_best)  # load now: once per actor
        self.n_best = n_best

    def __call__(self, rows: dict[str, Any]) -> dict[str, list[Any]]:
        return {
            "number": list(rows["number"]),
            "results": [
                encode_results(self.engine.translate_prepared(decode_batch(str(text)), self.n_best))
                for text in rows["batch"]
            ],
        }
