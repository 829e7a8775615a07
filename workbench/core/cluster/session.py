"""A cluster job: connect to Ray (or start a local one), wrap the engines, keep the checkpoint.

    with ClusterSession(ClusterSettings(address), checkpoint_dir=locales) as cluster:
        engines = open_engines(source, targets, options, cluster.distribute_factory(factory))
        ...translate and write the catalogs as usual...
        cluster.finish()  # the job is complete: its checkpoint goes

Ray is imported here, when a session opens, never at module import.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any

from workbench.core.cluster.checkpoint import CHECKPOINT_NAME, BatchCheckpoint
from workbench.core.cluster.engine import ClusterEngine
from workbench.core.cluster.shipping import PackageIdentity
from workbench.core.engines.argos import ArgosEngine, DecodingOptions
from workbench.core.engines.base import Engine, PivotEngine
from workbench.core.errors import WorkbenchError

INSTALL_HINT = "pip install -e '.[cluster]'"
CONNECT_TIMEOUT_SECONDS = 5
BATCHES_AHEAD = 2  # batches queued on each actor, so it never waits for the driver
BATCH_RETRIES = 3  # times a batch is sent again after its actor died
LOCAL = "local"  # the address meaning "start a Ray instance on this machine"
_ADDRESS = re.compile(r"(?:ray://)?[\w.\-]+:\d{1,5}")
_EXCEPTION_NAME = re.compile(r"^(?:[\w.]+\.)?\w*(?:Error|Exception): ")


class ClusterError(WorkbenchError):
    """Cluster mode cannot start: Ray missing, the cluster unreachable, a bad setting."""


@dataclass(frozen=True)
class ClusterSettings:
    address: str = LOCAL  # LOCAL, "auto", "ray://host:port" or a GCS "host:port"
    actors: int | None = None  # None: as many as the cluster's CPUs hold at actor_threads each
    actor_threads: int = 1


@dataclass
class ClusterStats:
    translated: int = 0  # batches the actors translated in this job
    resumed: int = 0  # batches answered from the checkpoint of an earlier, unfinished run


def check_address(address: str) -> str:
    """`address` if it is one --cluster understands; ClusterError otherwise."""
    if address in (LOCAL, "auto") or _ADDRESS.fullmatch(address):
        return address
    raise ClusterError(
        f"--cluster takes auto, ray://HOST:PORT or HOST:PORT, not '{address}' (to start a local Ray, put --cluster after the documents)"
    )


def import_ray() -> ModuleType:
    """Ray, or a ClusterError that says how to install it."""
    try:
        import ray
    except ImportError:
        raise ClusterError(
            f"cluster mode needs Ray, which is not installed: {INSTALL_HINT}"
        ) from None
    return ray


class ClusterSession:
    """One job's use of a Ray cluster: its connection, actors, shipped models and checkpoint."""

    def __init__(self, settings: ClusterSettings, checkpoint_dir: Path) -> None:
        self.settings = settings
        self.checkpoint_path = Path(checkpoint_dir) / CHECKPOINT_NAME
        self.stats = ClusterStats()
        self.actors = 0
        self._ray: Any = None
        self._started_ray = False
        self._finished = False
        self._engines: dict[tuple[str, str, DecodingOptions], ClusterEngine] = {}
        self._actors: list[Any] = []
        self.checkpoint: BatchCheckpoint

    # --- lifetime ---------------------------------------------------------------------------

    def __enter__(self) -> ClusterSession:
        check_address(self.settings.address)
        self._ray = import_ray()
        self._connect()
        try:
            cpus = int(self._ray.cluster_resources().get("CPU", 1))
            self.actors = self.settings.actors or max(1, cpus // self.settings.actor_threads)
            self.checkpoint = BatchCheckpoint(self.checkpoint_path)
        except BaseException:
            self._disconnect()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            self.checkpoint.close(finished=self._finished)
        finally:
            try:
                self._stop_actors()
            finally:
                self._disconnect()

    def finish(self) -> None:
        """The job's output is written: its checkpoint is no longer needed."""
        self._finished = True

    def _connect(self) -> None:
        ray = self._ray
        _quiet_ray()
        if ray.is_initialized():  # a caller (a notebook, the tests) already holds a connection
            return
        common: dict[str, Any] = {
            "log_to_driver": False,
            "logging_level": logging.ERROR,
            # The workers import workbench from this copy: no shared disk, no install on them.
            "runtime_env": {"py_modules": [str(Path(__file__).resolve().parents[2])]},
        }
        _check_reachable(self.settings.address)
        try:
            if self.settings.address == LOCAL:
                # "local": a new instance, never one some other program left running here.
                ray.init("local", num_cpus=os.cpu_count() or 1, include_dashboard=False, **common)
            else:
                ray.init(address=self.settings.address, **common)
        except (ConnectionError, RuntimeError, ValueError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise ClusterError(
                f"cannot connect to the Ray cluster at {self.settings.address} ({reason}); start one with 'ray start --head' or check the address"
            ) from None
        self._started_ray = True

    def _disconnect(self) -> None:
        if self._started_ray:
            self._ray.shutdown()
            self._started_ray = False

    # --- engines ----------------------------------------------------------------------------

    def distribute(self, engine: Engine) -> Engine:
        """The same engine with its batch loop on the cluster; pivots keep their two legs, and
        a leg shared by two routes (fr→en alone and in fr→en→az) stays one engine, as locally."""
        if isinstance(engine, PivotEngine):
            return PivotEngine(self.distribute(engine.first), self.distribute(engine.second))
        if not isinstance(engine, ArgosEngine):
            raise ClusterError(f"cluster mode runs Argos engines only, not {engine.signature}")
        key = (str(engine.model.path), engine.model.version, engine.options)
        if key not in self._engines:
            self._engines[key] = ClusterEngine(engine.model, engine.options, self)
        return self._engines[key]

    def distribute_factory(self, factory: Callable[..., Engine]) -> Callable[..., Engine]:
        """An engine factory for `open_engines` whose engines run on the cluster."""

        def distributed(*args: Any, **kwargs: Any) -> Engine:
            return self.distribute(factory(*args, **kwargs))

        return distributed

    def ship(self, package: bytes) -> list[Any]:
        """Put a packed package into the object store; its reference, in a list so that Ray
        passes it to the actors as it is instead of resolving it."""
        return [self._ray.put(package)]

    def translate_rows(
        self,
        rows: list[tuple[int, str]],
        package: list[Any],
        identity: PackageIdentity,
        options: DecodingOptions,
        n_best: int,
    ) -> Generator[tuple[int, str], None, None]:
        """(batch number, encoded results) for each (batch number, encoded batch), as the actors
        finish them, in any order. Closing the generator early cancels the batches still queued."""
        ray = self._ray
        actors = self._pool()
        waiting = deque(rows)
        running: dict[Any, tuple[int, Any]] = {}  # each sent batch's result: (number, actor)

        def send(actor: Any) -> None:
            number, text = waiting.popleft()
            result = actor.translate.remote(package, identity, options, n_best, text)
            running[result] = (number, actor)

        # Two batches per actor: the next one is already there when it finishes the first.
        for actor in actors * BATCHES_AHEAD:
            if waiting:
                send(actor)
        try:
            while running:
                [result], _ = ray.wait(list(running), num_returns=1)
                number, actor = running.pop(result)
                if waiting:
                    send(actor)
                yield number, str(ray.get(result))
        except ray.exceptions.RayError as error:
            raise ClusterError(
                f"the cluster could not translate a batch: {_reason(error)}"
            ) from None
        finally:
            for result in running:  # cancelled, or a batch failed: the rest need not run
                ray.cancel(result)

    def _pool(self) -> list[Any]:
        """The job's actors, started at its first batch and kept for every leg and pass (a job
        whose batches all come from the checkpoint starts none)."""
        if not self._actors:
            from workbench.core.cluster.actor import TranslatorActor

            remote = self._ray.remote(
                num_cpus=self.settings.actor_threads,
                # An actor that dies is restarted and the batches it held are sent again; a
                # batch that kills its actor every time fails the job rather than loop forever.
                max_restarts=-1,
                max_task_retries=BATCH_RETRIES,
            )(TranslatorActor)
            self._actors = [remote.remote() for _ in range(self.actors)]
        return self._actors

    def _stop_actors(self) -> None:
        """A cluster outlives the job (the tests', a real one): the job's actors go with it."""
        actors, self._actors = self._actors, []
        for actor in actors:
            # A cluster that is gone took them along; the job's own error is what matters then.
            with contextlib.suppress(self._ray.exceptions.RayError):
                self._ray.kill(actor)


def _check_reachable(address: str) -> None:
    """Fail fast on a HOST:PORT nothing listens on: Ray itself would retry for minutes."""
    if address in (LOCAL, "auto"):
        return
    host, _, port = address.removeprefix("ray://").rpartition(":")
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT_SECONDS).close()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ClusterError(
            f"cannot reach the Ray cluster at {address} ({reason}); start one with 'ray start --head' or check the address"
        ) from None


def _reason(error: BaseException) -> str:
    """The one line that says why a Ray task failed: our own message when the worker raised one."""
    cause = getattr(error, "cause", None)
    if isinstance(cause, WorkbenchError):
        return str(cause)
    lines = [line for line in str(cause or error).splitlines() if line.strip()]
    # The last line of the worker's traceback, without its exception's class name.
    return _EXCEPTION_NAME.sub("", lines[-1]) if lines else type(error).__name__


def _quiet_ray() -> None:
    """Ray's start-up chatter off the terminal: our progress bar says how the job goes."""
    logging.getLogger("ray").setLevel(logging.ERROR)
