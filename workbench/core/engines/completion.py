"""Prefix completion: the rest of a translation that continues exactly what the translator typed.

`Engine.complete(source, prefix, n)` calls one of the functions here:

- `complete_argos`: CTranslate2 decodes with the typed text forced as `target_prefix`. The
  prefix is tokenised only up to its last complete word (a partly typed word would force a
  tokenisation the model never produces); the n-best hypotheses are then kept only where
  their text continues the typed prefix exactly, partial last word included.
- `complete_pivot`: the first leg's best translation (cached by the engine) is the source of
  the last leg's completion.
- `complete_by_translation`: any other engine translates and keeps what continues the prefix.

`complete_with_glossary` adds glossary enforcement on top of any of them: completions are
reranked by compliance as batch MT reranks its n-best lists, and when none complies the
source's required terms are protected by placeholders (the same `TermEnforcer` code), decoded
through, and replaced by the required target terms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.core.engines.base import Hypothesis

if TYPE_CHECKING:
    from workbench.core.engines.argos import ArgosEngine
    from workbench.core.engines.base import Engine, PivotEngine
    from workbench.core.glossary.enforce import TermEnforcer

# Candidates asked of an engine when reranking completions by glossary compliance.
CANDIDATES = 4
_LAST_WORD = re.compile(r"\S*\Z")


@dataclass(frozen=True)
class Completion:
    """What follows the typed prefix (`text` may start with a space); best first."""

    text: str
    score: float  # the engine's score of the whole hypothesis (higher is better)

    def next_word(self) -> str:
        """The completion's first word, with the space before it: what Tab accepts."""
        match = re.match(r"\s*\S+", self.text)
        return match.group(0) if match else self.text


def continuations(prefix: str, hypotheses: Sequence[Hypothesis], n: int) -> list[Completion]:
    """The distinct rests of the hypotheses that continue `prefix` exactly, in order; none when
    the best of them is `prefix` itself (the model would stop here)."""
    found: dict[str, Completion] = {}
    for hypothesis in hypotheses:
        if not hypothesis.text.startswith(prefix):
            continue
        rest = hypothesis.text[len(prefix) :]
        if not rest and not found:
            return []
        if rest:
            found.setdefault(rest, Completion(rest, hypothesis.score))
    return list(found.values())[: max(1, n)]


def split_prefix(prefix: str) -> tuple[str, str]:
    """("Le prési" -> "Le ", "prési"): the complete words, and the word being typed."""
    partial = _LAST_WORD.search(prefix)
    assert partial is not None  # the pattern matches the empty string at the end
    return prefix[: partial.start()], partial.group(0)


def complete_by_translation(engine: Engine, source: str, prefix: str, n: int) -> list[Completion]:
    """The fallback: translate (n-best, cached) and keep what continues the prefix."""
    hypotheses = engine.translate_batch([source], n_best=max(n, CANDIDATES))[0]
    return continuations(prefix, hypotheses, n)


def complete_pivot(engine: PivotEngine, source: str, prefix: str, n: int) -> list[Completion]:
    """The last leg completes from the first leg's best translation (the pivot text)."""
    pivot = engine.first.translate_batch([source], n_best=1)[0][0]
    return [
        Completion(c.text, c.score + pivot.score)
        for c in engine.second.complete(pivot.text, prefix, n)
    ]


def complete_argos(engine: ArgosEngine, source: str, prefix: str, n: int) -> list[Completion]:
    """Decode with the typed words forced, keep the hypotheses that continue `prefix` exactly."""
    tokenizer, translator = engine._tokenizer, engine._translator  # loaded by the caller
    stem, partial = split_prefix(prefix)
    forced: list[str] = [engine.model.target_prefix] if engine.model.target_prefix else []
    if stem.strip():
        forced += tokenizer.encode(stem.rstrip(), out_type=str)
    options = engine.options
    # The decoder cannot go past the model's position table, the typed words included; a
    # source longer than the model takes is completed from the part it can read.
    cap = options.max_decoding_length + len(forced)
    if engine._positions is not None:
        cap = min(cap, engine._positions - 1)
    if len(forced) >= cap:
        return []
    pieces = tokenizer.encode(source, out_type=str)[: engine._max_pieces]
    # A partly typed word is matched against every beam (returning them all costs ~15%);
    # after whole words the best `n` continue the prefix by construction.
    candidates = max(n, options.beam_size) if partial else n
    (result,) = translator.translate_batch(
        [pieces],
        target_prefix=[forced] if forced else None,
        beam_size=max(options.beam_size, candidates),
        num_hypotheses=candidates,
        return_scores=True,
        replace_unknowns=True,
        length_penalty=options.length_penalty,
        max_input_length=0,  # already cut to what the model takes
        max_decoding_length=cap,
    )
    hypotheses = [
        engine._hypothesis(tokens, score, engine.model.target_prefix)
        for tokens, score in zip(result.hypotheses, result.scores, strict=True)
    ]
    return continuations(prefix, hypotheses, n)


def complete_with_glossary(
    engine: Engine,
    enforcer: TermEnforcer | None,
    source: str,
    prefix: str,
    n: int = 1,
) -> list[Completion]:
    """Completions of `prefix` that keep the glossary's required target terms not yet typed."""
    if enforcer is None or not enforcer.checker.requirements(source):
        return engine.complete(source, prefix, n)  # no term to keep: the plain completion
    completions = engine.complete(source, prefix, max(n, CANDIDATES))
    ranked = enforcer.rerank(source, [_as_hypothesis(prefix, c) for c in completions])
    if ranked and not enforcer.problems(source, ranked[0].text):
        return [Completion(h.text[len(prefix) :], h.score) for h in ranked][: max(1, n)]
    protection = enforcer.protect(source)
    if protection is not None:
        protected_source, restore = protection
        protected = [
            Completion(restore(c.text), c.score)
            for c in engine.complete(protected_source, prefix, n)
        ]
        compliant = [c for c in protected if not enforcer.problems(source, prefix + c.text)]
        if compliant:
            return compliant[: max(1, n)]
    return [Completion(h.text[len(prefix) :], h.score) for h in ranked][: max(1, n)]


def _as_hypothesis(prefix: str, completion: Completion) -> Hypothesis:
    return Hypothesis(prefix + completion.text, completion.score)
