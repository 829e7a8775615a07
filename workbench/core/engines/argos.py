"""The Argos Translate engine: an installed package driven through CTranslate2 and SentencePiece.

We use `argostranslate.package` to find packages but translate ourselves: Argos's own
`translate` module imports stanza and torch and splits sentences with models it downloads,
while we already have segments and want one batched `translate_batch` call per batch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from workbench.core.engines.argos_packages import (
    ModelPackage,
    find_route,
    install_hint,
    install_pairs,
    installed_models,
    missing_pairs,
)
from workbench.core.engines.base import Engine, Hypothesis, PivotEngine
from workbench.core.engines.completion import Completion, complete_argos
from workbench.core.engines.confidence import mean_log_probs
from workbench.core.errors import LanguageError, ModelError, WorkbenchError


@dataclass(frozen=True)
class DecodingOptions:
    """How CTranslate2 runs: recorded (beam) in each translation's signature."""

    beam_size: int = 4
    batch_size: int = 32
    threads: int = 0  # 0: CTranslate2 picks (one per core)
    compute_type: str = "auto"
    device: str = "cpu"
    max_decoding_length: int = 256
    length_penalty: float = 0.2  # as Argos uses


_translators: dict[tuple[str, str, str, int], Any] = {}
_translators_lock = threading.Lock()


def _load_translator(model_dir: Path, options: DecodingOptions) -> Any:
    """One CTranslate2 Translator per model and settings for the whole process."""
    key = (str(model_dir), options.device, options.compute_type, options.threads)
    with _translators_lock:
        if key not in _translators:
            import ctranslate2

            try:
                _translators[key] = ctranslate2.Translator(
                    str(model_dir),
                    device=options.device,
                    compute_type=options.compute_type,
                    inter_threads=1,
                    intra_threads=options.threads,
                )
            except (RuntimeError, ValueError, OSError) as error:
                raise ModelError(
                    f"cannot load the model in {model_dir} ({error}); reinstall the package"
                ) from None
        return _translators[key]


class ArgosEngine(Engine):
    """One installed Argos package, translating batches of sentences."""

    def __init__(self, model: ModelPackage, options: DecodingOptions | None = None) -> None:
        super().__init__()
        if model.path is None:
            raise ModelError(f"{model.name} is not installed")
        self.model = model
        self.options = options or DecodingOptions()
        self.source, self.target = model.from_code, model.to_code
        self.batch_size = self.options.batch_size
        self._tokenizer: Any = None
        self._translator: Any = None
        self._load_lock = threading.Lock()

    @property
    def signature(self) -> str:
        return f"argos {self.model.name} {self.model.version} (beam {self.options.beam_size})"

    def _ensure_loaded(self) -> None:
        with self._load_lock:
            if self._translator is not None:
                return
            import sentencepiece

            assert self.model.path is not None
            sp_path = self.model.path / "sentencepiece.model"
            if not sp_path.is_file():
                raise ModelError(
                    f"{self.model.name} has no sentencepiece.model; only SentencePiece packages are supported"
                )
            try:
                self._tokenizer = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
            except (RuntimeError, OSError) as error:
                raise ModelError(
                    f"cannot load {sp_path} ({error}); reinstall {self.model.name}"
                ) from None
            self._translator = _load_translator(self.model.path / "model", self.options)

    def prepare(self, sentences: list[str]) -> list[list[str]]:
        self._ensure_loaded()
        return self._tokenizer.encode(sentences, out_type=str)

    def translate_prepared(self, batch: list[list[str]], n_best: int) -> list[list[Hypothesis]]:
        self._ensure_loaded()
        prefix = self.model.target_prefix
        results = self._translator.translate_batch(
            batch,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            beam_size=max(self.options.beam_size, n_best),
            num_hypotheses=n_best,
            return_scores=True,
            replace_unknowns=True,
            length_penalty=self.options.length_penalty,
            max_decoding_length=self.options.max_decoding_length,
        )
        # Every candidate gets its confidence: glossary reranking may choose any of them.
        logprobs = iter(
            mean_log_probs(
                self._translator,
                [source for source, r in zip(batch, results, strict=True) for _ in r.hypotheses],
                [tokens for r in results for tokens in r.hypotheses],
                skip=1 if prefix else 0,
                limit=self.options.max_decoding_length,
            )
        )
        return [
            [
                replace(self._hypothesis(tokens, score, prefix), logprob=next(logprobs))
                for tokens, score in zip(r.hypotheses, r.scores, strict=True)
            ]
            for r in results
        ]

    def complete(self, source: str, prefix: str, n: int = 1) -> list[Completion]:
        self._ensure_loaded()
        return complete_argos(self, source, prefix, n)

    def _hypothesis(self, tokens: list[str], score: float, prefix: str) -> Hypothesis:
        if prefix and tokens and tokens[0] == prefix:
            tokens = tokens[1:]
        return Hypothesis(self._tokenizer.decode(tokens).strip(), float(score))


def open_engine(
    source: str,
    target: str,
    options: DecodingOptions | None = None,
    *,
    install_missing: bool = True,
    on_install: Callable[[list[tuple[str, str]]], Callable[[ModelPackage], Any] | None]
    | None = None,
) -> Engine:
    """An engine for `source`→`target`: the direct package, else a pivot through English.

    With `install_missing`, a missing route is downloaded from the Argos index (needs internet);
    offline, or when no package exists, a ModelError names the pair and how to install it.
    """
    if source == target:
        raise LanguageError(
            f"source and target are both '{source}'; choose a different target language"
        )
    models = installed_models()
    route = find_route(source, target, models)
    if route is None:
        needed = missing_pairs(source, target, models)
        if not install_missing:
            raise ModelError(f"no model installed for {source}→{target}; {install_hint(needed)}")
        try:
            install_pairs(needed, progress_for=on_install(needed) if on_install else None)
        except WorkbenchError as error:
            raise ModelError(
                f"no model installed for {source}→{target}, and {error}; {install_hint(needed)}"
            ) from None
        route = find_route(source, target, installed_models())
        if route is None:
            raise ModelError(
                f"no model for {source}→{target} even after installing; {install_hint(needed)}"
            )
    engines = [_engine_for(model, options or DecodingOptions()) for model in route]
    return engines[0] if len(engines) == 1 else PivotEngine(engines[0], engines[1])


_engines: dict[tuple[str, str, DecodingOptions], ArgosEngine] = {}


def _engine_for(model: ModelPackage, options: DecodingOptions) -> ArgosEngine:
    """One engine (and so one translation cache) per package and settings: fr→en on its own
    and as the first leg of fr→en→az share their work."""
    key = (str(model.path), model.version, options)
    with _translators_lock:
        if key not in _engines:
            _engines[key] = ArgosEngine(model, options)
        return _engines[key]
