"""The Argos Translate engine: an installed package driven through CTranslate2 and SentencePiece.

We use `argostranslate.package` to find packages but translate ourselves: Argos's own
`translate` module imports stanza and torch and splits sentences with models it downloads,
while we already have segments and want one batched `translate_batch` call per batch.

A sentence longer than the model can take is cut into pieces it can (see `model_limits`),
translated piece by piece and joined; its hypothesis carries a note saying so. Whatever
CTranslate2 or SentencePiece raise (a junk model.bin raises IndexError) becomes a ModelError
that names the package and how to reinstall it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from workbench.core.engines.argos_packages import (
    PIVOT_LANGUAGE,
    find_route,
    install_hint,
    install_pairs,
    installed_models,
    missing_pairs,
)
from workbench.core.engines.base import Engine, Hypothesis, PivotEngine
from workbench.core.engines.completion import Completion, complete_argos
from workbench.core.engines.confidence import mean_log_prob
from workbench.core.engines.model_limits import (
    SplitSentence,
    input_pieces_limit,
    joins_words,
    part_pieces,
    position_limit,
    split_sentence,
)
from workbench.core.engines.package_files import ModelPackage
from workbench.core.errors import LanguageError, ModelError, WorkbenchError
from workbench.core.languages import language_and_base


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


_SPECIAL_TOKENS = frozenset({"<s>", "</s>", "<unk>", "<pad>", "<blank>"})
_translators: dict[tuple[str, str, str, int], Any] = {}
_translators_lock = threading.Lock()


def _load_translator(model: ModelPackage, options: DecodingOptions) -> Any:
    """One CTranslate2 Translator per model and settings for the whole process."""
    assert model.path is not None
    model_dir = model.path / "model"
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
            except Exception as error:  # a junk model.bin raises anything, IndexError included
                raise broken_model_error(model, "cannot load", error) from None
        return _translators[key]


def broken_model_error(model: ModelPackage, doing: str, error: BaseException) -> ModelError:
    """One line naming the package, what failed and how to reinstall it."""
    detail = " ".join(str(error).split()) or type(error).__name__
    pair = f"{model.from_code}:{model.to_code}"
    return ModelError(
        f"{doing} the model {model.name} {model.version} in {model.path} "
        f"({type(error).__name__}: {detail[:200]}); reinstall it: 'workbench models remove {pair}' "
        f"then 'workbench models install {pair}' (or a downloaded FILE.argosmodel)"
    )


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
        self._max_pieces = 0  # the most source pieces the model takes; set on loading
        self._part_pieces = 0  # the length of the parts a longer sentence is cut into
        self._positions: int | None = None  # the model's position table, when it has one
        self._load_lock = threading.Lock()

    @property
    def signature(self) -> str:
        return f"argos {self.model.name} {self.model.version} (beam {self.options.beam_size})"

    def _ensure_loaded(self) -> None:
        self._ensure_tokenizer()
        with self._load_lock:
            if self._translator is None:
                assert self.model.path is not None
                self._translator = _load_translator(self.model, self.options)

    def _ensure_tokenizer(self) -> None:
        # Apart from the translator: cluster mode tokenises here and translates on its workers.
        with self._load_lock:
            if self._tokenizer is not None:
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
            except Exception as error:
                raise broken_model_error(self.model, "cannot load", error) from None
            # The model's limits are read from its files, not the loaded translator, so the
            # driver of cluster mode cuts long sentences as the workers will take them.
            self._positions = position_limit(self.model.path / "model")
            self._max_pieces = input_pieces_limit(self._positions)
            self._part_pieces = part_pieces(self._max_pieces, self.options.max_decoding_length)

    def prepare(self, sentences: list[str]) -> list[SplitSentence]:
        """Each sentence's pieces, cut into chunks the model can take (one chunk, mostly)."""
        self._ensure_tokenizer()
        try:
            encoded = self._tokenizer.encode(sentences, out_type=str)
        except Exception as error:
            raise broken_model_error(self.model, "cannot tokenise with", error) from None
        return [split_sentence(pieces, self._max_pieces, self._part_pieces) for pieces in encoded]

    def length(self, prepared: SplitSentence) -> int:
        return prepared.length

    def translate_prepared(self, batch: list[SplitSentence], n_best: int) -> list[list[Hypothesis]]:
        self._ensure_loaded()
        chunks = [chunk for sentence in batch for chunk in sentence.chunks]
        per_chunk = iter(self._translate_chunks(chunks, n_best))
        return [
            self._joined(sentence, [next(per_chunk) for _ in sentence.chunks]) for sentence in batch
        ]

    def _translate_chunks(self, chunks: list[list[str]], n_best: int) -> list[list[Hypothesis]]:
        prefix = self.model.target_prefix
        try:
            results = self._translator.translate_batch(
                chunks,
                target_prefix=[[prefix]] * len(chunks) if prefix else None,
                max_batch_size=self.batch_size,  # a long sentence's chunks come as one batch
                beam_size=max(self.options.beam_size, n_best),
                num_hypotheses=n_best,
                return_scores=True,
                replace_unknowns=True,
                length_penalty=self.options.length_penalty,
                max_input_length=0,  # chunks already fit; never truncate silently
                max_decoding_length=self._decoding_cap(),
            )
        except Exception as error:
            raise broken_model_error(self.model, "cannot translate with", error) from None
        # Every candidate gets its confidence (glossary reranking may choose any of them),
        # from its beam score: exact, and free where re-scoring would cost a second pass.
        forced = 1 if prefix else 0
        return [
            [
                replace(
                    self._hypothesis(tokens, score, prefix),
                    logprob=mean_log_prob(
                        score,
                        len(tokens),
                        length_penalty=self.options.length_penalty,
                        forced=forced,
                        limit=self._decoding_cap(),
                    ),
                )
                for tokens, score in zip(r.hypotheses, r.scores, strict=True)
            ]
            for r in results
        ]

    def complete(self, source: str, prefix: str, n: int = 1) -> list[Completion]:
        self._ensure_loaded()
        try:
            return complete_argos(self, source, prefix, n)
        except WorkbenchError:
            raise
        except Exception as error:
            raise broken_model_error(self.model, "cannot complete with", error) from None

    def _decoding_cap(self) -> int:
        # The decoder cannot go past the position table either.
        if self._positions is None:
            return self.options.max_decoding_length
        return max(1, min(self.options.max_decoding_length, self._positions - 1))

    def _joined(
        self, sentence: SplitSentence, translations: list[list[Hypothesis]]
    ) -> list[Hypothesis]:
        """One sentence's n-best from its chunks' n-best: the k-th of each chunk, joined."""
        if len(sentence.chunks) == 1 and not sentence.dropped:
            return translations[0]
        note = (
            f"{self.model.name}: the sentence ({sentence.length + sentence.dropped} pieces) is "
            f"longer than the model takes ({self._max_pieces}), so it was translated in "
            f"{len(sentence.chunks)} parts of up to {self._part_pieces}; check where they join"
        )
        if sentence.dropped:
            note += (
                f"; its last {sentence.dropped} pieces were left untranslated (past "
                f"{len(sentence.chunks)} parts): split the sentence in the source"
            )
        joined = []
        for rank in range(max(len(hypotheses) for hypotheses in translations)):
            text = ""
            score = 0.0
            for chunk, hypotheses in zip(sentence.chunks, translations, strict=True):
                best = hypotheses[min(rank, len(hypotheses) - 1)]
                glue = " " if text and joins_words(chunk) else ""
                text = f"{text}{glue}{best.text}"
                score += best.score
            logprob = _mean_of_parts(rank, translations)
            joined.append(Hypothesis(text, score, note=note, logprob=logprob))
        return joined

    def _hypothesis(self, tokens: list[str], score: float, prefix: str) -> Hypothesis:
        if prefix and tokens and tokens[0] == prefix:
            tokens = tokens[1:]
        # A model may emit its special tokens; they are not text and must not reach a catalog.
        tokens = [token for token in tokens if token not in _SPECIAL_TOKENS]
        return Hypothesis(self._tokenizer.decode(tokens).strip(), float(score))


def _mean_of_parts(rank: int, translations: list[list[Hypothesis]]) -> float | None:
    """A joined hypothesis's mean log-probability: the mean of its parts' (None if one lacks it)."""
    parts = [hypotheses[min(rank, len(hypotheses) - 1)].logprob for hypotheses in translations]
    known = [part for part in parts if part is not None]
    return sum(known) / len(known) if known and len(known) == len(parts) else None


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
    requested_source, requested_target = source, target
    models = installed_models()
    route = _route_by_language(source, target, models)
    if route is None:
        # A region (en_GB) is served by the language's model: ask for that pair, never en:en_GB.
        source, target = language_and_base(source)[-1], language_and_base(target)[-1]
        if source == target:
            raise ModelError(
                f"no model translates {requested_source}→{requested_target}: Argos models are per "
                f"language and both are '{source}'; translate from another language"
            )
        needed = missing_pairs(source, target, models)
        if not install_missing:
            raise ModelError(_missing_route(source, target, needed))
        try:
            install_pairs(needed, progress_for=on_install(needed) if on_install else None)
        except WorkbenchError as error:
            raise ModelError(_missing_route(source, target, needed, f"and {error}")) from None
        route = find_route(source, target, installed_models())
        if route is None:
            raise ModelError(
                f"no model for {source}→{target} even after installing; {install_hint(needed)}"
            )
    engines = [_engine_for(model, options or DecodingOptions()) for model in route]
    return engines[0] if len(engines) == 1 else PivotEngine(engines[0], engines[1])


def _route_by_language(
    source: str, target: str, models: list[ModelPackage]
) -> list[ModelPackage] | None:
    """The route for the exact codes, else for their languages (fr→en serves fr→en_GB)."""
    for source_code in language_and_base(source):
        for target_code in language_and_base(target):
            if source_code != target_code:
                route = find_route(source_code, target_code, models)
                if route is not None:
                    return route
    return None


_engines: dict[tuple[str, str, DecodingOptions], ArgosEngine] = {}


def _engine_for(model: ModelPackage, options: DecodingOptions) -> ArgosEngine:
    """One engine (and so one translation cache) per package and settings: fr→en on its own
    and as the first leg of fr→en→az share their work."""
    key = (str(model.path), model.version, options)
    with _translators_lock:
        if key not in _engines:
            _engines[key] = ArgosEngine(model, options)
        return _engines[key]


def _missing_route(
    source: str, target: str, needed: list[tuple[str, str]], why: str | None = None
) -> str:
    """No route and no download: which legs are missing, how to get them, how to do without."""
    what = f"no model installed for {source}→{target}"
    if PIVOT_LANGUAGE not in (source, target):
        legs = " and ".join(f"{a}→{b}" for a, b in needed)
        what += f" (it pivots through English, {source}→{PIVOT_LANGUAGE}→{target}; missing: {legs})"
    if why:
        what += f", {why}"
    return f"{what}; {install_hint(needed)}; or add --no-mt to work without machine translation"
