"""The tiny Argos packages go through the real install, tokenise and translate path."""

from __future__ import annotations

import zipfile
from pathlib import Path

import ctranslate2
import numpy as np
import pytest
import sentencepiece as spm

from tests.support.tiny_argos import (
    AZERBAIJANI_SENTENCES,
    GLOSSARY_NAMES,
    PERMUTABLE_PIECE,
    expected_translation,
    piece_permutation,
    token_codes,
    training_corpus,
)

N_BEST = 3


class PackageTranslator:
    """Translate with an installed package exactly as an engine would: SentencePiece + CT2."""

    def __init__(self, package_dir: Path) -> None:
        self.package_dir = package_dir
        self.processor = spm.SentencePieceProcessor(
            model_file=str(package_dir / "sentencepiece.model")
        )
        self.translator = ctranslate2.Translator(str(package_dir / "model"), intra_threads=1)

    def n_best(self, sentences: list[str]) -> list[list[tuple[str, float]]]:
        results = self.translator.translate_batch(
            [self.processor.encode(s, out_type=str) for s in sentences],
            beam_size=4,
            num_hypotheses=N_BEST,
            return_scores=True,
        )
        return [
            [
                (self.processor.decode(tokens), score)
                for tokens, score in zip(result.hypotheses, result.scores, strict=True)
            ]
            for result in results
        ]

    def best(self, sentences: list[str]) -> list[str]:
        return [hypotheses[0][0] for hypotheses in self.n_best(sentences)]


def installed_package_dir(from_code: str, to_code: str) -> Path:
    import argostranslate.package

    (package,) = [
        p
        for p in argostranslate.package.get_installed_packages()
        if p.from_code == from_code and p.to_code == to_code
    ]
    return package.package_path


@pytest.fixture(scope="module")
def seed_sentences(seed_text: str) -> list[str]:
    return [
        sentence.strip()
        for paragraph in seed_text.split("\n")
        for sentence in paragraph.split(". ")
        if sentence.strip()
    ]


@pytest.fixture(scope="module")
def copy_model(tiny_packages: dict[str, Path]) -> PackageTranslator:
    return PackageTranslator(installed_package_dir("fr", "en"))


@pytest.fixture(scope="module")
def permuted_model(tiny_packages: dict[str, Path]) -> PackageTranslator:
    return PackageTranslator(installed_package_dir("en", "az"))


def test_archives_hold_one_top_folder_with_the_argos_layout(tiny_packages: dict[str, Path]):
    for pair, archive in tiny_packages.items():
        assert archive.name == f"translate-{pair}-1.0.argosmodel"
        with zipfile.ZipFile(archive) as zf:
            names = zf.namelist()
        assert {name.split("/")[0] for name in names} == {f"translate-{pair}"}
        for required in ("metadata.json", "sentencepiece.model", "permutation.json"):
            assert f"translate-{pair}/{required}" in names
        for required in ("model.bin", "config.json", "shared_vocabulary.json"):
            assert f"translate-{pair}/model/{required}" in names


def test_installed_packages_carry_their_metadata(tiny_packages: dict[str, Path]):
    import argostranslate.package

    by_pair = {(p.from_code, p.to_code): p for p in argostranslate.package.get_installed_packages()}
    fr_en = by_pair["fr", "en"]
    en_az = by_pair["en", "az"]
    assert (fr_en.from_name, fr_en.to_name) == ("French", "English")
    assert (en_az.from_name, en_az.to_name) == ("English", "Azerbaijani")
    for package in (fr_en, en_az):
        assert package.package_version == "1.0"
        assert package.argos_version == "1.9"
        assert package.type == "translate"
        assert package.target_prefix == ""
        assert package.links == []


def test_copy_model_returns_every_seed_sentence_exactly(
    copy_model: PackageTranslator, seed_sentences: list[str]
):
    assert len(seed_sentences) > 15
    assert copy_model.best(seed_sentences) == seed_sentences


def test_copy_model_round_trips_azerbaijani_letters_and_punctuation(
    copy_model: PackageTranslator,
):
    sentences = [
        *AZERBAIJANI_SENTENCES,
        "ə Ə ğ Ğ ı İ ş Ş ç Ç ö Ö ü Ü",
        "«Nous sommes convaincus», a-t-il dit le 27 juin 2020 (97 pays) : 130 ?",
        "Şuşa və Xankəndi — ZX1Q ⟦1⟧ ⟦2⟧ …",
    ]
    assert copy_model.best(sentences) == sentences


def test_permuted_model_outputs_exactly_the_expected_translation(
    tiny_packages: dict[str, Path], permuted_model: PackageTranslator, seed_sentences: list[str]
):
    outputs = permuted_model.best(seed_sentences)
    archive = tiny_packages["en_az"]
    assert outputs == [expected_translation(archive, s) for s in seed_sentences]
    for sentence, output in zip(seed_sentences, outputs, strict=True):
        pieces = permuted_model.processor.encode(sentence, out_type=str)
        if any(PERMUTABLE_PIECE.fullmatch(piece) for piece in pieces):
            assert output != sentence
    changed = [s for s, output in zip(seed_sentences, outputs, strict=True) if output != s]
    assert len(changed) > len(seed_sentences) * 3 // 4


def test_permuted_model_keeps_placeholders_capitals_digits_and_word_count(
    permuted_model: PackageTranslator,
):
    sentence = "ZX1Q les pays membres de l'ONU ⟦1⟧ ont soutenu 130 initiatives."
    (output,) = permuted_model.best([sentence])
    assert output != sentence
    assert output.startswith("ZX1Q ")
    for kept in ("ZX1Q", "⟦1⟧", "ONU", "130", " de l'"):
        assert kept in output
    assert len(output.split()) == len(sentence.split())


def test_expected_translation_reads_archives_and_installed_directories(
    tiny_packages: dict[str, Path], seed_sentences: list[str]
):
    for pair, (from_code, to_code) in {"fr_en": ("fr", "en"), "en_az": ("en", "az")}.items():
        installed = installed_package_dir(from_code, to_code)
        for sentence in seed_sentences[:5]:
            assert expected_translation(tiny_packages[pair], sentence) == expected_translation(
                installed, sentence
            )
    assert expected_translation(tiny_packages["fr_en"], seed_sentences[0]) == seed_sentences[0]


@pytest.mark.parametrize("model_name", ["copy_model", "permuted_model"])
def test_beam_search_returns_distinct_lower_scored_alternatives(
    model_name: str, request: pytest.FixtureRequest, seed_sentences: list[str]
):
    model: PackageTranslator = request.getfixturevalue(model_name)
    for hypotheses in model.n_best(seed_sentences[:8]):
        texts = [text for text, _ in hypotheses]
        scores = [score for _, score in hypotheses]
        assert len(set(texts)) == N_BEST
        assert scores[0] > scores[1] >= scores[2]


def test_piece_permutation_is_a_fixed_point_free_bijection_on_lowercase_pieces():
    pieces = ["<unk>", "▁", "▁les", "▁pays", "▁session", "ation", "ment", "aire", "▁de", "es"]
    pieces += ["▁Conseil", "▁ONU", "é", "<0xC9>", "▁président", "▁2020", "Q"]
    mapping = piece_permutation(pieces, 7)
    assert set(mapping) == {"▁les", "▁pays", "▁session", "ation", "ment", "aire"}
    assert sorted(mapping.values()) == sorted(mapping)
    assert all(source != target for source, target in mapping.items())
    assert all(
        source.startswith("▁") == target.startswith("▁") for source, target in mapping.items()
    )
    assert piece_permutation(pieces, 7) == mapping
    assert len({tuple(sorted(piece_permutation(pieces, seed).items())) for seed in range(6)}) > 1


def test_training_corpus_is_stable_and_names_the_glossary_terms():
    corpus = training_corpus()
    assert corpus == training_corpus()
    assert corpus.startswith(
        Path(__file__)
        .resolve()
        .parents[2]
        .joinpath("seeds", "azertac-2020-06-27.fr.txt")
        .read_text(encoding="utf-8")
    )
    for name in GLOSSARY_NAMES:
        assert name in corpus


def test_piece_codes_are_balanced_distinct_and_far_apart():
    codes = token_codes(600)
    assert codes.shape == (600, 64)
    assert set(np.unique(codes)) == {-1.0, 1.0}
    assert not codes.sum(axis=1).any(), "as many + as -: layer norms leave the stream as it is"
    overlap = codes @ codes.T
    np.fill_diagonal(overlap, -np.inf)
    assert (64 - overlap.max()) / 2 >= 8, "two pieces' codes differ in at least 8 entries"
    assert (token_codes(600) == codes).all()


def test_the_models_stay_narrow(tiny_packages: dict[str, Path]):
    """Decoding time grows with the square of the model's width: one-hot pieces (~600 wide)
    made model.bin 4.7 MB and the suite's decoding ~6x slower than ±1 codes (82 wide)."""
    for archive in tiny_packages.values():
        with zipfile.ZipFile(archive) as zf:
            (model,) = [i for i in zf.infolist() if i.filename.endswith("/model/model.bin")]
        assert model.file_size < 1_000_000
