"""An Argos engine whose batches are translated by a pool of Ray actors.

It tokenises, dedups, sorts and cuts batches exactly as the local engine (all of that is
`Engine.translate_batch`); only `translate_batches`, the loop over the batches, runs elsewhere:
batches already in the checkpoint are answered from it, the rest go to the job's pool of
`TranslatorActor`s and are checkpointed as each one comes back.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from workbench.core.cluster.checkpoint import batch_key
from workbench.core.cluster.shipping import PackageIdentity, pack_package
from workbench.core.cluster.wire import decode_results, encode_batch
from workbench.core.engines.argos import ArgosEngine, DecodingOptions
from workbench.core.engines.base import Hypothesis
from workbench.core.engines.package_files import ModelPackage
from workbench.core.errors import Cancelled

if TYPE_CHECKING:
    from workbench.core.cluster.session import ClusterSession


class ClusterEngine(ArgosEngine):
    """Same model, settings and signature as the local `ArgosEngine`; batches run on Ray."""

    def __init__(
        self, model: ModelPackage, options: DecodingOptions, session: ClusterSession
    ) -> None:
        super().__init__(model, options)
        self.session = session
        self._packed: tuple[bytes, PackageIdentity] | None = None
        self._shipped: list[Any] | None = None
        self._ship_lock = threading.Lock()

    @property
    def leg(self) -> str:
        """What decides this leg's output: package (its digest too), version and decoding
        settings, not the threads (the same model decodes the same with any number of them)."""
        settings = dataclasses.asdict(self.options)
        settings.pop("threads")
        digest = self._identity().digest
        return f"{self.model.name} {self.model.version} {digest} {sorted(settings.items())}"

    def _identity(self) -> PackageIdentity:
        with self._ship_lock:
            if self._packed is None:
                self._packed = pack_package(self.model)
            return self._packed[1]

    def _package(self) -> list[Any]:
        """The package in the object store: put there once per job, when a batch needs it."""
        identity = self._identity()
        with self._ship_lock:
            if self._shipped is None:
                assert self._packed is not None
                self._shipped = self.session.ship(self._packed[0])
                self._packed = (b"", identity)  # the object store holds the bytes now
            return self._shipped

    def translate_batches(
        self, batches: list[list[Any]], n_best: int, cancel: threading.Event | None
    ) -> Iterator[tuple[int, list[list[Hypothesis]]]]:
        texts = [encode_batch(batch) for batch in batches]
        leg = self.leg
        keys = [batch_key(leg, n_best, text) for text in texts]
        done = self.session.checkpoint.found(keys)
        todo = []
        for number, key in enumerate(keys):
            if key in done:
                self.session.stats.resumed += 1
                yield number, decode_results(done[key])
            else:
                todo.append(number)
        if not todo:
            return
        package, identity = self._package(), self._identity()
        options = dataclasses.replace(self.options, threads=self.session.settings.actor_threads)
        rows = self.session.translate_rows(
            [(number, texts[number]) for number in todo], package, identity, options, n_best
        )
        for number, results in rows:
            if cancel is not None and cancel.is_set():
                rows.close()  # the batches still queued on the actors are cancelled
                raise Cancelled("translation cancelled")
            self.session.checkpoint.record(keys[number], results)
            self.session.stats.translated += 1
            yield number, decode_results(results)
