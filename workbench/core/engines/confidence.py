"""How sure the model was of a translation: the mean log-probability of its tokens.

CTranslate2's beam search reports, with `return_scores`, each hypothesis's cumulative
log-probability of the tokens the model chose, divided by `length ** length_penalty`. The
forced target prefix (a language token) is in the length but not in the sum: the model did
not choose it. The end token `</s>` is in both when the model chose it, and in neither when
the hypothesis was cut at `max_decoding_length`. Undoing the penalty therefore gives the
exact mean log-probability at no cost; tests/core/engines/test_confidence_from_beam.py checks it
against teacher forcing (`score_batch`, which costs about as much as the translation itself
again: it re-runs the encoder and the decoder) on ended, cut and prefixed hypotheses.

`confidence` is the exp of the mean: the geometric mean of the token probabilities, 0..1.
"""

from __future__ import annotations

import math


def mean_log_prob(
    score: float, tokens: int, *, length_penalty: float, forced: int = 0, limit: int | None = None
) -> float | None:
    """The mean log-probability of the tokens the model chose, from its beam `score`.

    `tokens` is the hypothesis's length as CTranslate2 returns it (the forced prefix
    included, `</s>` not); `forced` how many of them were the prefix; `limit` the
    `max_decoding_length`: a hypothesis that reached it was cut, with no `</s>` chosen."""
    ended = limit is None or tokens < limit
    positions = tokens + (1 if ended else 0)
    chosen = positions - forced
    if chosen <= 0 or positions <= 0:
        return None
    return score * positions**length_penalty / chosen


def confidence(logprob: float | None) -> float | None:
    """The normalised form of a mean log-probability: exp of it, 0..1 (None stays None)."""
    if logprob is None:
        return None
    return min(1.0, max(0.0, math.exp(logprob)))
