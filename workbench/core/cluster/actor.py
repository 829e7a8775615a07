"""What runs on a Ray worker: one actor of the job's pool, translating the batches it is given.

The session starts its pool once per job and keeps it for every leg and glossary pass; an actor
loads each package the first time a batch of it arrives and keeps it in memory for the rest of
the job. Ray restarts an actor that dies (its engines are loaded again, from the object store,
by the batch Ray sends again).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from workbench.core.cluster.shipping import PackageIdentity, unpack_package
from workbench.core.cluster.wire import decode_batch, encode_results
from workbench.core.engines.argos import ArgosEngine, DecodingOptions


class TranslatorActor:
    """A Ray actor's state: an Argos engine per package (and decoding settings) shipped to it."""

    def __init__(self) -> None:
        self._engines: dict[tuple[PackageIdentity, DecodingOptions], ArgosEngine] = {}

    def translate(
        self,
        package: list[Any],
        identity: PackageIdentity,
        options: DecodingOptions,
        n_best: int,
        batch: str,
    ) -> str:
        """The encoded results of one encoded batch."""
        engine = self._engine(package, identity, options)
        return encode_results(engine.translate_prepared(decode_batch(batch), n_best))

    def _engine(
        self,
        package: list[Any],
        identity: PackageIdentity,
        options: DecodingOptions,
    ) -> ArgosEngine:
        key = (identity, options)
        if key not in self._engines:
            import ray

            # The object reference rides in a list so that Ray hands it over as it is, and the
            # bytes are fetched here, on the worker, only when this actor first needs them.
            data = ray.get(package[0])
            # The files are needed only while loading: translator and tokenizer then live in
            # memory, and an actor Ray kills later leaves no model copy behind on the worker.
            with tempfile.TemporaryDirectory(prefix="workbench-actor-") as folder:
                engine = ArgosEngine(unpack_package(data, identity, Path(folder)), options)
                engine.translate_prepared([], 1)  # load now, while the files are there
            self._engines[key] = engine
        return self._engines[key]
