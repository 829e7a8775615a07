"""How sure the model was of a translation: the mean log-probability of its tokens.

The beam score cannot give it exactly: it is length-normalised with a penalty, leaves out the
forced prefix token and, for a hypothesis cut at the length limit, the end token. So the
chosen hypothesis is scored again by teacher forcing (CTranslate2 `score_batch`: one decoder
pass, no search), which returns the log-probability of every target token and of `</s>`.

`confidence` is the exp of the mean: the geometric mean of the token probabilities, 0..1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any


def mean_log_probs(
    translator: Any,
    sources: Sequence[list[str]],
    targets: Sequence[list[str]],
    *,
    skip: int = 0,
    limit: int | None = None,
) -> list[float | None]:
    """Per pair, the mean log-probability of the target's tokens and of `</s>`, leaving out the
    first `skip` (a forced language token the model did not choose) and, for a target cut at
    the decoding length `limit`, the `</s>` the model never chose either."""
    if not sources:
        return []
    results = translator.score_batch(list(sources), list(targets))
    means: list[float | None] = []
    for target, result in zip(targets, results, strict=True):
        chosen = list(result.log_probs)
        if limit is not None and len(target) >= limit:
            chosen = chosen[: len(target)]
        chosen = chosen[skip:]
        means.append(math.fsum(chosen) / len(chosen) if chosen else None)
    return means


def confidence(logprob: float | None) -> float | None:
    """The normalised form of a mean log-probability: exp of it, 0..1 (None stays None)."""
    if logprob is None:
        return None
    return min(1.0, max(0.0, math.exp(logprob)))
