"""The pipeline on catalog units: keys with context, plural forms per target, shielding."""

from __future__ import annotations

from babel.messages.plurals import get_plural

from tests.core.engines.test_base import RecordingEngine
from workbench.core.catalogs.comments import REJECTED_LABEL
from workbench.core.engines.base import Hypothesis
from workbench.core.pipeline import translate_units
from workbench.core.sources.units import TranslationUnit, UnitKey

PLURAL = TranslationUnit("%d file", "%d files", flags=("c-format",))
MONTH = TranslationUnit("May", context="month")
VERB = TranslationUnit("May", context="permission")


def test_each_context_is_its_own_unit_and_the_engine_sees_the_text_once():
    engine = RecordingEngine("en", "ru", batch_size=10)
    result = translate_units([MONTH, VERB], "en", ["ru"], engines={"ru": engine})
    assert set(result.drafts["ru"]) == {UnitKey("month", "May"), UnitKey("permission", "May")}
    assert [s for batch in engine.batches for s in batch] == ["May"]


def test_plural_units_get_one_form_per_target_plural_form():
    engine = RecordingEngine("en", "ru", batch_size=10)
    result = translate_units(
        [PLURAL],
        "en",
        ["ru"],
        engines={"ru": engine},
        plural_forms={"ru": get_plural("ru").plural_forms},
    )
    draft = result.drafts["ru"][PLURAL.key]
    assert draft.forms == ("%d FILE", "%d FILES", "%d FILES")  # one, few, many; %d protected
    # The engine saw the placeholder as a protected token, not as "%d".
    assert all("%d" not in s for batch in engine.batches for s in batch)
    single = translate_units(
        [PLURAL],
        "en",
        ["ja"],
        engines={"ja": RecordingEngine("en", "ja")},
        plural_forms={"ja": get_plural("ja").plural_forms},
    )
    assert single.drafts["ja"][PLURAL.key].forms == ("%d FILES",)


class DroppingEngine(RecordingEngine):
    """Loses every placeholder in its best hypothesis; keeps them in its second."""

    def translate_prepared(self, batch, n_best):
        return [[Hypothesis("lost", -0.1), Hypothesis(s.lower(), -0.5)] for s in batch]


def test_a_hypothesis_that_loses_a_placeholder_gives_way_to_one_that_keeps_it():
    unit = TranslationUnit("Hello %(name)s", flags=("python-format",))
    result = translate_units([unit], "en", ["az"], engines={"az": DroppingEngine("en", "az")})
    draft = result.drafts["az"][unit.key]
    assert draft.best == "hello %(name)s"


class AlwaysDroppingEngine(RecordingEngine):
    def translate_prepared(self, batch, n_best):
        return [[Hypothesis("lost", -0.1)] for _ in batch]


def test_when_every_hypothesis_loses_a_placeholder_the_draft_is_empty_with_a_note():
    result = translate_units(
        [PLURAL], "en", ["az"], engines={"az": AlwaysDroppingEngine("en", "az")}
    )
    draft = result.drafts["az"][PLURAL.key]
    assert draft.hypotheses == () and draft.forms == ()
    assert any(note.startswith(REJECTED_LABEL) and "%d" in note for note in draft.notes)


def test_settled_units_are_left_alone():
    engine = RecordingEngine("en", "az", batch_size=10)
    result = translate_units(
        [MONTH, VERB], "en", ["az"], engines={"az": engine}, settled={"az": {MONTH.key}}
    )
    assert set(result.drafts["az"]) == {VERB.key}
    assert result.counts["az"]["settled"] == 1


def test_memory_matches_respect_the_context(tmp_path):
    from workbench.core.memory import MemoryUnit, TranslationMemory

    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        memory.add_many(
            [
                MemoryUnit("May", "May", "en", "az", "test", context="month"),
                MemoryUnit("May", "Bilər", "en", "az", "test", context="permission"),
            ]
        )
        result = translate_units([MONTH, VERB], "en", ["az"], engines={}, memory=memory)
    drafts = result.drafts["az"]
    assert drafts[MONTH.key].best == "May" and drafts[VERB.key].best == "Bilər"
    assert result.counts["az"]["memory-exact"] == 2
