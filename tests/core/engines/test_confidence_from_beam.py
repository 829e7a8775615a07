"""Confidence from the beam score equals teacher forcing (`score_batch`), case by case.

The mean log-probability of a draft is computed from CTranslate2's own beam score (see
workbench/core/engines/confidence.py) instead of scoring every hypothesis again. These tests
hold it to `score_batch` on the tiny real models: hypotheses that ended with `</s>`, ones cut
at the decoding limit, with and without a forced target prefix, for two length penalties.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from workbench.core.engines.argos import ArgosEngine, DecodingOptions, open_engine
from workbench.core.engines.confidence import mean_log_prob

SENTENCES = [
    "Le président de la République a pris la parole au sommet de Bakou.",
    "La réunion s'est tenue en format de visioconférence.",
]


def _teacher_forced(translator, source: list[str], tokens: list[str], forced: int, cut: bool):
    (scored,) = translator.score_batch([source], [tokens])
    chosen = list(scored.log_probs)  # every target token, then `</s>`
    if cut:  # the model never chose `</s>`
        chosen = chosen[: len(tokens)]
    chosen = chosen[forced:]
    return math.fsum(chosen) / len(chosen)


@pytest.mark.parametrize("pair", [("fr", "en"), ("en", "az")])  # copy and permuted models
@pytest.mark.parametrize("limit", [256, 5])  # ended with </s>; cut at the limit
@pytest.mark.parametrize("with_prefix", [False, True])
@pytest.mark.parametrize("length_penalty", [0.2, 1.0])
def test_the_beam_score_gives_the_teacher_forced_mean(
    tiny_packages, pair, limit, with_prefix, length_penalty
):
    engine = open_engine(*pair, install_missing=False)
    engine.translate_batch(["Bonjour."])  # loads the model and the tokenizer
    translator, tokenizer = engine._translator, engine._tokenizer
    sources = tokenizer.encode(SENTENCES, out_type=str)
    prefix = [[source[1]] for source in sources] if with_prefix else None  # a piece it knows
    results = translator.translate_batch(
        sources,
        target_prefix=prefix,
        beam_size=4,
        num_hypotheses=3,
        return_scores=True,
        length_penalty=length_penalty,
        max_decoding_length=limit,
    )
    checked = 0
    for source, result in zip(sources, results, strict=True):
        for tokens, score in zip(result.hypotheses, result.scores, strict=True):
            forced = 1 if with_prefix else 0
            derived = mean_log_prob(
                score, len(tokens), length_penalty=length_penalty, forced=forced, limit=limit
            )
            cut = len(tokens) >= limit
            expected = _teacher_forced(translator, source, tokens, forced, cut)
            assert derived == pytest.approx(expected, abs=1e-4), (tokens, score)
            checked += 1
    assert checked == 6


def test_the_engine_records_it_for_a_forced_prefix_and_a_cut_hypothesis(tiny_packages):
    base = open_engine("fr", "en", install_missing=False)
    base.translate_batch(["Bonjour."])
    prefix = base._tokenizer.encode(SENTENCES[0], out_type=str)[0]
    engine = ArgosEngine(
        replace(base.model, target_prefix=prefix), DecodingOptions(max_decoding_length=6)
    )
    hypotheses = engine.translate_batch([SENTENCES[0]], n_best=3)[0]
    translator, tokenizer = engine._translator, engine._tokenizer
    source = tokenizer.encode(SENTENCES[0], out_type=str)
    results = translator.translate_batch(
        [source],
        target_prefix=[[prefix]],
        beam_size=4,
        num_hypotheses=3,
        return_scores=True,
        length_penalty=0.2,
        max_decoding_length=6,
        replace_unknowns=True,
        max_input_length=0,
    )
    assert len(hypotheses) == len(results[0].hypotheses) == 3
    for hypothesis, tokens in zip(hypotheses, results[0].hypotheses, strict=True):
        assert len(tokens) == 6  # cut at the limit, the prefix included
        expected = _teacher_forced(translator, source, tokens, forced=1, cut=True)
        assert hypothesis.logprob == pytest.approx(expected, abs=1e-4)
    assert hypotheses[0].logprob > hypotheses[-1].logprob  # alternatives are riskier
