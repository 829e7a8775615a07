"""The pipeline with stand-in engines: distinct sentences, progress, cancel, language checks."""

import threading

import pytest

from tests.core.engines.test_base import RecordingEngine
from workbench.core.errors import Cancelled, InputError, LanguageError
from workbench.core.pipeline import PipelineOptions, open_engines, translate_documents
from workbench.core.sources.document import parse_document


def _docs():
    return [parse_document("Un. Deux.\n\nUn.", "fr"), parse_document("Deux. Trois.", "fr")]


def test_every_distinct_sentence_gets_a_draft_per_target():
    engines = {
        "en": RecordingEngine("fr", "en"),
        "az": RecordingEngine("fr", "az", transform=str.lower),
    }
    result = translate_documents(
        _docs(), ["en", "az"], engines=engines, options=PipelineOptions(n_best=2)
    )
    assert list(result.drafts["en"]) == ["Un.", "Deux.", "Trois."]
    assert result.drafts["en"]["Deux."].best == "DEUX."
    assert [h.text for h in result.drafts["az"]["Un."].hypotheses] == ["un.", "un.!"]
    assert result.drafts["en"]["Un."].signature == "recording"
    assert result.counts["en"]["mt"] == 3
    assert sum(len(batch) for batch in engines["en"].batches) == 3


def test_progress_reaches_the_total_for_each_target():
    reports = []
    translate_documents(
        _docs(), ["en"], engines={"en": RecordingEngine(batch_size=1)}, on_progress=reports.append
    )
    assert reports[0].done == 0 and reports[-1].done == reports[-1].total == 3
    assert [r.done for r in reports] == sorted(r.done for r in reports)
    assert reports[-1].stage == "fr→en"


def test_cancel_raises_and_stops():
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        translate_documents(_docs(), ["en"], engines={"en": RecordingEngine()}, cancel=cancel)


def test_without_mt_there_are_no_drafts():
    result = translate_documents(_docs(), ["en"], engines={}, options=PipelineOptions(use_mt=False))
    assert result.drafts["en"] == {}
    assert result.counts["en"]["none"] == 3


def test_mixed_source_languages_are_refused():
    docs = [parse_document("Un.", "fr"), parse_document("One.", "en")]
    with pytest.raises(InputError):
        translate_documents(docs, ["az"], engines={})


def test_target_equal_to_source_is_refused():
    with pytest.raises(LanguageError):
        open_engines(
            "fr", ["fr"], PipelineOptions(), engine_factory=lambda *a, **k: RecordingEngine()
        )


def test_settled_sentences_are_not_sent_to_the_engine():
    engine = RecordingEngine(batch_size=10)
    result = translate_documents(_docs(), ["en"], engines={"en": engine}, settled={"en": {"Deux."}})
    assert sorted(s for batch in engine.batches for s in batch) == ["Trois.", "Un."]
    assert "Deux." not in result.drafts["en"]
    assert result.counts["en"]["settled"] == 1
