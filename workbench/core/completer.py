"""Interactive completion for a front end: the engine and glossary of each target language.

The review's editor asks `Completer.complete(target, source, prefix)` from a worker thread
after each pause in typing. Engines open on first use without installing anything (a missing
model raises `ModelError` once per language; later requests fail fast), are shared with the
caller's engine cache (the review's MT uses the same one), and the glossary enforcement is the
batch MT's (`complete_with_glossary`).
"""

from __future__ import annotations

import threading
from collections.abc import MutableMapping
from typing import TYPE_CHECKING

from workbench.core.engines.completion import Completion, complete_with_glossary
from workbench.core.errors import ModelError, WorkbenchError

if TYPE_CHECKING:
    from workbench.core.engines.base import Engine
    from workbench.core.glossary.enforce import TermEnforcer
    from workbench.core.glossary.model import Glossary


class Completer:
    """Completions of what the translator typed, per target language."""

    def __init__(
        self,
        source_lang: str,
        engines: MutableMapping[str, Engine],
        glossary: Glossary | None = None,
    ) -> None:
        self.source_lang = source_lang
        self.engines = engines
        self.glossary = glossary
        self._enforcers: dict[str, TermEnforcer | None] = {}
        self._unavailable: dict[str, str] = {}  # target -> why it cannot complete
        self._lock = threading.Lock()  # opening engines: one at a time

    def unavailable(self, target: str) -> str | None:
        """Why `target` cannot be completed (no model), once tried; else None."""
        return self._unavailable.get(target)

    def complete(self, target: str, source: str, prefix: str, n: int = 1) -> list[Completion]:
        """The best completions of `prefix`, a start of `source`'s translation into `target`."""
        engine, enforcer = self._engine(target)
        return complete_with_glossary(engine, enforcer, source, prefix, n)

    def _engine(self, target: str) -> tuple[Engine, TermEnforcer | None]:
        with self._lock:
            if target in self._unavailable:
                raise ModelError(self._unavailable[target])
            if target not in self.engines:
                from workbench.core.engines.argos import open_engine

                try:
                    self.engines[target] = open_engine(
                        self.source_lang, target, install_missing=False
                    )
                except WorkbenchError as error:
                    self._unavailable[target] = str(error)
                    raise ModelError(str(error)) from None
            engine = self.engines[target]
            if target not in self._enforcers:
                self._enforcers[target] = self._enforcer(engine)
            return engine, self._enforcers[target]

    def _enforcer(self, engine: Engine) -> TermEnforcer | None:
        if self.glossary is None:
            return None
        from workbench.core.glossary.enforce import TermEnforcer

        return TermEnforcer(self.glossary, engine.source, engine.target)
