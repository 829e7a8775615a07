"""`workbench align`: documents in, sentence pairs into the memory and a TMX, doubtful ones listed."""

from pathlib import Path

import pytest

import workbench.core.engines.argos as argos
from tests.cli.conftest import one_line_error
from tests.support.seed_parallel import MACHINE, SOURCE, edited_translation
from workbench.core.engines.base import Engine, Hypothesis
from workbench.core.memory import TranslationMemory
from workbench.core.memory.tmx import read_tmx

SEED = "seeds/azertac-2020-06-27.fr.txt"


class ScriptedEngine(Engine):
    """Translates the seed's sentences as MACHINE does (the MT bridge), counting calls."""

    source, target = "fr", "en"

    def __init__(self) -> None:
        super().__init__()
        self.translated: list[str] = []

    @property
    def signature(self) -> str:
        return "scripted"

    def translate_prepared(self, batch, n_best):
        self.translated += batch
        table = dict(zip(SOURCE, MACHINE, strict=True))
        return [[Hypothesis(table[sentence], 0.0)] for sentence in batch]


@pytest.fixture
def documents(project):
    targets, _ = edited_translation()
    Path("azertac.en.txt").write_text("\n\n".join(targets) + "\n", encoding="utf-8")
    return project


@pytest.fixture
def engine(monkeypatch):
    scripted = ScriptedEngine()
    opened = []

    def open_engine(source, target, options=None, *, install_missing=True, on_install=None):
        opened.append((source, target, install_missing))
        return scripted

    monkeypatch.setattr(argos, "open_engine", open_engine)
    scripted.opened = opened
    return scripted


def test_align_with_the_mt_bridge_stores_the_sure_pairs(documents, run, engine):
    result = run("align", SEED, "azertac.en.txt", "--tm", "tm.sqlite", "--tmx", "pairs.tmx")
    assert result.exit_code == 0, result.output
    assert engine.opened == [("fr", "en", True)]
    assert sorted(engine.translated) == sorted(SOURCE)
    lines = result.output.splitlines()
    assert lines[0] == (
        "aligned 18 source and 18 target sentences (MT bridge): 16 pairs "
        "(1-0: 1, 1-1: 10, 1-2: 3, 2-1: 2), 2 doubtful"
    )
    assert "? 1-0 score 0.00  5.1 → -" in result.output  # the sentence the translator left out
    stored = read_tmx(Path("pairs.tmx"))
    assert len(stored) == 14  # 16 pairs less the 2 doubtful ones
    assert (
        "Cette initiative a été convenue unanimement par 120 pays membres du Mouvement des "
        "non-alignés à New York."
    ) in {unit.source for unit in stored}
    with TranslationMemory(Path("tm.sqlite")) as memory:
        assert len(memory) == 14
        [match] = memory.lookup(SOURCE[0], "fr", "en")
        assert (match.target, match.origin, match.document, match.created_by) == (
            "date 2020-07 Baku, 27 June, AZERTAC",
            "alignment",
            "azertac-2020-06-27",
            "workbench align",
        )
    assert "memory tm.sqlite: 14 new pairs (0 already there)" in result.output


def test_review_lists_every_pair_and_keep_doubtful_stores_them(documents, run, engine):
    result = run(
        "align", SEED, "azertac.en.txt", "--tmx", "pairs.tmx", "--review", "--keep-doubtful"
    )
    assert result.exit_code == 0, result.output
    assert result.output.count(" score ") == 16
    assert len(read_tmx(Path("pairs.tmx"))) == 15  # every pair that has both sides
    assert "memory" not in result.output  # --tmx alone leaves the memory alone


def test_no_mt_needs_no_engine(documents, run, monkeypatch):
    def no_engine(*args, **kwargs):
        raise AssertionError("--no-mt must not open an engine")

    monkeypatch.setattr(argos, "open_engine", no_engine)
    result = run("align", SEED, "azertac.en.txt", "--no-mt", "--tmx", "pairs.tmx")
    assert result.exit_code == 0, result.output
    assert "(lengths only)" in result.output.splitlines()[0]
    assert len(read_tmx(Path("pairs.tmx"))) >= 12


def test_align_through_a_real_argos_package(project, run, tiny_packages):
    # The fr→en "copy" package translates a sentence to itself, so a "translation" that is the
    # French text with two sentences merged aligns exactly, through the real engine.
    sentences = list(SOURCE)
    joined = f"{sentences[1].removesuffix('.')} ; c{sentences[2][1:]}"
    merged = [sentences[0], joined, *sentences[3:]]
    Path("copy.en.txt").write_text("\n\n".join(merged) + "\n", encoding="utf-8")
    result = run("align", SEED, "copy.en.txt", "--offline", "--tmx", "pairs.tmx")
    assert result.exit_code == 0, result.output
    assert "(MT bridge): 17 pairs (1-1: 16, 2-1: 1), 0 doubtful" in result.output
    units = read_tmx(Path("pairs.tmx"))
    assert (units[1].source, units[1].target) == (f"{sentences[1]} {sentences[2]}", joined)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["absent.fr.txt", "azertac.en.txt"], "not found: absent.fr.txt"),
        ([SEED, SEED, "--no-mt"], "both documents are in 'fr'"),
        ([SEED, "azertac.en.txt", "--to", "xx-nowhere", "--no-mt"], "unknown language code"),
    ],
)
def test_bad_input_is_one_line(documents, run, arguments, message):
    error = one_line_error(run("align", *arguments, "--tm", "tm.sqlite"))
    assert message in error
    assert not Path("tm.sqlite").exists()


def test_a_missing_model_offline_is_one_line(documents, run):
    Path("azertac.de.txt").write_text("Ein Satz.\n", encoding="utf-8")
    error = one_line_error(run("align", SEED, "azertac.de.txt", "--offline", "--tm", "tm.sqlite"))
    assert "fr→de" in error
    assert not Path("tm.sqlite").exists()
