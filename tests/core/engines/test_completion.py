"""Prefix completion and confidence through the tiny real Argos packages.

fr→en copies, so the completion of a typed prefix of a sentence is the rest of the sentence;
fr→az pivots through en→az, which permutes lowercase pieces.
"""

from __future__ import annotations

import math

import polib
import pytest

from tests.conftest import REPO
from workbench.core.catalogs.comments import Draft, machine_comment, machine_record
from workbench.core.engines.base import Engine, Hypothesis, PivotEngine
from workbench.core.engines.completion import Completion, complete_with_glossary, split_prefix
from workbench.core.engines.confidence import confidence
from workbench.core.glossary import load_glossary
from workbench.core.glossary.enforce import TermEnforcer

SENTENCE = "Le président de la République a pris la parole au sommet de Bakou."


@pytest.fixture
def fr_en(tiny_packages) -> Engine:
    from workbench.core.engines.argos import open_engine

    return open_engine("fr", "en", install_missing=False)


@pytest.fixture
def fr_az(tiny_packages) -> Engine:
    from workbench.core.engines.argos import open_engine

    return open_engine("fr", "az", install_missing=False)


@pytest.mark.parametrize(
    "prefix",
    ["", "Le ", "Le président de ", "Le président de la République a pris la parole au sommet"],
)
def test_completion_continues_a_typed_prefix_exactly(fr_en: Engine, prefix: str) -> None:
    (best, *_) = fr_en.complete(SENTENCE, prefix)
    assert prefix + best.text == SENTENCE


@pytest.mark.parametrize("prefix", ["Le prési", "Le président de la Rép", "L"])
def test_a_partly_typed_last_word_is_completed(fr_en: Engine, prefix: str) -> None:
    (best, *_) = fr_en.complete(SENTENCE, prefix)
    assert prefix + best.text == SENTENCE
    assert not best.text.startswith(" ")  # the word goes on


def test_n_best_completions_all_continue_the_prefix(fr_en: Engine) -> None:
    prefix = "Le président de la "
    completions = fr_en.complete(SENTENCE, prefix, n=3)
    assert len(completions) >= 2
    assert completions[0].text == SENTENCE[len(prefix) :]
    assert len({c.text for c in completions}) == len(completions)
    assert completions[0].score >= completions[1].score


def test_a_finished_translation_gets_no_completion(fr_en: Engine) -> None:
    # The model's best hypothesis ends here; its low-scored alternatives are not offered.
    assert fr_en.complete(SENTENCE, SENTENCE, n=4) == []


def test_pivot_completes_from_the_pivot_text(fr_az: Engine) -> None:
    assert isinstance(fr_az, PivotEngine)
    full = fr_az.translate_batch([SENTENCE])[0][0].text
    assert full != SENTENCE  # en→az permutes: the last leg really decodes
    prefix = full[: len(full) // 2]
    (best, *_) = fr_az.complete(SENTENCE, prefix)
    assert prefix + best.text == full
    # The pivot text came from the first leg's cache: no second fr→en translation.
    assert (SENTENCE, 1) in fr_az.first._cache


def test_next_word_is_what_tab_accepts() -> None:
    assert Completion(" de la République", 0.0).next_word() == " de"
    assert Completion("dent de la", 0.0).next_word() == "dent"
    assert Completion("", 0.0).next_word() == ""
    assert split_prefix("Le prési") == ("Le ", "prési")
    assert split_prefix("Le ") == ("Le ", "")


def test_base_fallback_keeps_what_continues_the_prefix() -> None:
    class Upper(Engine):
        source, target = "fr", "en"

        @property
        def signature(self) -> str:
            return "upper"

        def translate_prepared(self, batch, n_best):
            return [[Hypothesis(s.upper(), 0.0), Hypothesis("OTHER " + s, -1.0)] for s in batch]

    engine = Upper()
    assert [c.text for c in engine.complete("la paix", "LA ")] == ["PAIX"]
    assert [c.text for c in engine.complete("la paix", "OTH", n=2)] == ["ER la paix"]


@pytest.mark.parametrize("target", ["en", "az"])
def test_a_required_term_not_yet_typed_is_kept(tiny_packages, target: str) -> None:
    from workbench.core.engines.argos import open_engine

    engine = open_engine("fr", target, install_missing=False)
    glossary = load_glossary(REPO / "glossaries" / "azertac.tbx")
    enforcer = TermEnforcer(glossary, "fr", target)
    term = {"en": "Baku", "az": "Bakı"}[target]
    plain = engine.translate_batch([SENTENCE])[0][0].text
    assert term not in plain  # the model alone leaves the French name
    prefix = plain.split(" ", 3)[0] + " "
    completions = complete_with_glossary(engine, enforcer, SENTENCE, prefix, n=1)
    assert completions, "no completion"
    assert term in completions[0].text
    assert enforcer.problems(SENTENCE, prefix + completions[0].text) == []
    # Without a glossary the same request gives the model's own text.
    (unguided, *_) = complete_with_glossary(engine, None, SENTENCE, prefix)
    assert prefix + unguided.text == plain


# --- confidence ------------------------------------------------------------------------------


def test_each_hypothesis_gets_the_exact_mean_token_log_probability(fr_en: Engine) -> None:
    import ctranslate2  # noqa: F401  (the real scorer is what is compared against)

    hypotheses = fr_en.translate_batch([SENTENCE], n_best=3)[0]
    assert all(h.logprob is not None for h in hypotheses)
    tokenizer, translator = fr_en._tokenizer, fr_en._translator
    source = tokenizer.encode(SENTENCE, out_type=str)
    for h in hypotheses:
        (scored,) = translator.score_batch([source], [tokenizer.encode(h.text, out_type=str)])
        expected = math.fsum(scored.log_probs) / len(scored.log_probs)
        assert h.logprob == pytest.approx(expected, abs=1e-4)
    # The model's own choice is the one it is surest of; the alternatives are riskier.
    ordered = sorted(hypotheses, key=lambda h: confidence(h.logprob) or 0.0, reverse=True)
    assert ordered[0] == hypotheses[0]
    assert confidence(hypotheses[0].logprob) > 0.9 > confidence(hypotheses[-1].logprob)


def test_pivot_confidence_is_the_product_of_the_legs(fr_az: Engine) -> None:
    assert isinstance(fr_az, PivotEngine)
    (best, *_) = fr_az.translate_batch([SENTENCE], n_best=2)[0]
    first = fr_az.first.translate_batch([SENTENCE])[0][0]
    second = fr_az.second.translate_batch([first.text], n_best=2)[0][0]
    assert confidence(best.logprob) == pytest.approx(
        confidence(first.logprob) * confidence(second.logprob)
    )


def test_confidence_round_trips_through_the_catalog_comment() -> None:
    draft = Draft((Hypothesis("the text", -0.12, logprob=-0.31),), signature="argos x 1.0 (beam 4)")
    comment = machine_comment(draft)
    first = comment.splitlines()[0]
    assert first == "MT: argos x 1.0 (beam 4); score -0.1200; logprob -0.3100; confidence 0.73"
    entry = polib.POEntry(msgid="x", msgstr="the text", comment=comment, flags=["fuzzy"])
    record = machine_record(entry)
    assert record is not None
    assert record.signature == "argos x 1.0 (beam 4)"
    assert record.score == pytest.approx(-0.12)
    assert record.confidence == pytest.approx(math.exp(-0.31))


def test_old_comments_without_confidence_still_read() -> None:
    entry = polib.POEntry(
        msgid="x", msgstr="t", comment="MT: argos x 1.0 (beam 4); score -0.5000", flags=["fuzzy"]
    )
    record = machine_record(entry)
    assert record is not None
    assert (record.signature, record.score, record.confidence) == (
        "argos x 1.0 (beam 4)",
        -0.5,
        None,
    )


def test_a_sentence_longer_than_the_model_takes_completes_within_its_limits(tmp_path) -> None:
    import zipfile

    from tests.support.tiny_argos import build_package, training_corpus
    from workbench.core.engines.argos import ArgosEngine, DecodingOptions
    from workbench.core.engines.package_files import ModelPackage

    package = build_package(tmp_path, "fr", "en", training_text=training_corpus(), max_length=32)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(tmp_path)
    model = ModelPackage("fr", "en", "1.0", path=tmp_path / "translate-fr_en")
    engine = ArgosEngine(model, DecodingOptions(beam_size=2))
    sentence = " ".join(["mot"] * 80)  # far past the 32-row position table
    prefix = " ".join(["mot"] * 5) + " "
    completions = engine.complete(sentence, prefix, n=2)
    assert completions and completions[0].text.startswith("mot")
    assert all(c.text.split() == ["mot"] * len(c.text.split()) for c in completions[:1])
    assert engine.complete(sentence, sentence) == []  # typed past what the decoder can reach
