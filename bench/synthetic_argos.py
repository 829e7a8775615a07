"""A realistic-size Argos Translate package with random weights, for throughput benchmarks.

`build_random_package` writes a genuine `.argosmodel` (one top folder holding metadata.json,
sentencepiece.model and a CTranslate2 model/) whose Transformer has the shape of a real
Argos model (6 encoder + 6 decoder layers, d_model 512, 8 heads, FFN 2048, shared vocabulary
of 8,000 SentencePiece pieces, int8 weights) but seeded random weights (normal, std 0.02).
Its output is meaningless; its cost per token is that of a real model.

Random weights have no reason to ever predict `</s>`, and the output projection here
suppresses `</s>` outright, so every hypothesis runs until CTranslate2's
`max_decoding_length`: benchmarks must pass a fixed `max_decoding_length` (e.g. the source
length in pieces, or a constant such as 64) to decode a known number of tokens.

`synthetic_corpus` produces deterministic French-looking sentences: they top up the
SentencePiece training text (the seed article alone cannot yield 8,000 pieces) and give the
benchmark as many sentences to translate as it needs.

Smoke test: `python -m bench.synthetic_argos` (from the repository root).
"""

from __future__ import annotations

import io
import itertools
import json
import random
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import sentencepiece as spm
from ctranslate2.specs import TransformerSpec, common_spec

SPECIAL_TOKENS = ("<blank>", "<s>", "</s>")
WEIGHT_STD = 0.02
ARGOS_VERSION = "1.9"
LANGUAGE_NAMES = {"fr": "French", "en": "English", "az": "Azerbaijani"}
# Sentences of synthetic text added to the SentencePiece training text, enough for the
# unigram trainer to reach an 8,000-piece vocabulary.
TRAINING_TOP_UP_SENTENCES = 12_000


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FRENCH_WORDS = _words("""
le la les un une des du de à au aux en dans par pour sur avec sans sous entre contre vers
et ou mais donc car ni que qui dont où ce cette ces son sa ses leur leurs notre nos votre
il elle ils elles on nous vous je tu se ne pas plus très aussi encore déjà toujours jamais
est sont était étaient sera seront a ont avait avaient fait font dit disent peut peuvent
doit doivent va vont vient viennent donne prend met reste devient semble paraît souligne
président république gouvernement ministre pays monde nation assemblée session conseil
sommet réunion organisation mouvement coopération solidarité initiative mesure lutte
pandémie santé vie gens menace problème conséquence besoin vision fin avril mai juin
juillet année jour semaine mois partie communauté réponse question format modalité
résultat chef état membre secrétaire département politique administration interview
assistant groupe contact visioconférence don aide règle majorité donnée bureau possible
international internationale global globale mondial mondiale régional régionale
humanitaire économique social sociale nécessaire pratique grave négatif négative commun
commune extraordinaire officiel officielle premier première dernier dernière nouveau
nouvelle grand grande petit petite long longue important importante général générale
renforcer présenter prendre poser créer exister tenir adresser soutenir informer espérer
ajouter devenir coopérer déterminer obtenir contribuer mobiliser trouver estimer proposer
convenir allouer souligner déclarer organiser consacrer diriger présider exprimer
""")

ONSETS = _words("b c d f g j l m n p r s t v bl br ch cl cr dr fl fr gl gr pl pr qu tr vr")
VOWELS = _words("a e i o u é è ai au ou eu oi an en in on")
CODAS = ("", "", "", "", "", "", "r", "l", "s", "n")
SUFFIXES = _words("tion ment age ique eur euse ité oire ance ence isme iste able ible ant ent")


def _pseudo_words(count: int, rng: random.Random) -> list[str]:
    """Distinct French-looking invented words, e.g. "bramoité", "cloudrance"."""
    words: dict[str, None] = {}
    while len(words) < count:
        syllables = [
            rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
            for _ in range(rng.randint(1, 3))
        ]
        if rng.random() < 0.4:
            syllables.append(rng.choice(SUFFIXES))
        words["".join(syllables)] = None
    return list(words)


def synthetic_corpus(n_sentences: int, seed: int = 0) -> list[str]:
    """`n_sentences` deterministic French-looking sentences of 6 to 30 words.

    Words come from a list of real French words and a few thousand invented ones, drawn with
    Zipf-like frequencies so that common words repeat as in real text.
    """
    rng = random.Random(seed)
    lexicon = [*FRENCH_WORDS, *_pseudo_words(6000, rng)]
    weights = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(lexicon))))
    sentences = []
    for _ in range(n_sentences):
        words = rng.choices(lexicon, cum_weights=weights, k=rng.randint(6, 30))
        if rng.random() < 0.3:
            words.insert(rng.randrange(1, len(words)), str(rng.randint(2, 2030)))
        if len(words) > 10 and rng.random() < 0.5:
            comma_at = rng.randrange(3, len(words) - 2)
            words[comma_at] += ","
        sentence = " ".join(words)
        sentences.append(sentence[0].upper() + sentence[1:] + rng.choice(".....?!"))
    return sentences


def _train_sentencepiece(training_text: str, vocab_size: int) -> bytes:
    lines = [line for line in training_text.splitlines() if line.strip()]
    lines += synthetic_corpus(TRAINING_TOP_UP_SENTENCES, seed=1)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        byte_fallback=True,
        character_coverage=1.0,
        unk_id=0,
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
        max_sentence_length=1 << 16,
        num_threads=2,
        minloglevel=2,
    )
    return model.getvalue()


def _linear(rng: np.random.Generator, rows: int, cols: int) -> tuple[np.ndarray, np.ndarray]:
    weight = rng.normal(0.0, WEIGHT_STD, size=(rows, cols)).astype(np.float32)
    bias = rng.normal(0.0, WEIGHT_STD, size=rows).astype(np.float32)
    return weight, bias


def _random_transformer(
    vocabulary: list[str], layers: int, d_model: int, heads: int, ffn: int, seed: int
) -> TransformerSpec:
    rng = np.random.default_rng(seed)
    vocab = len(vocabulary)
    spec = TransformerSpec.from_config(layers, heads, pre_norm=True)

    def set_linear(linear: common_spec.LinearSpec, rows: int, cols: int) -> None:
        linear.weight, linear.bias = _linear(rng, rows, cols)

    def set_norm(norm: common_spec.LayerNormSpec) -> None:
        norm.gamma = np.ones(d_model, dtype=np.float32)
        norm.beta = np.zeros(d_model, dtype=np.float32)

    spec.encoder.embeddings[0].weight = rng.normal(0.0, WEIGHT_STD, (vocab, d_model)).astype(
        np.float32
    )
    spec.decoder.embeddings.weight = rng.normal(0.0, WEIGHT_STD, (vocab, d_model)).astype(
        np.float32
    )
    for stack in (spec.encoder, spec.decoder):
        set_norm(stack.layer_norm)  # positions: CTranslate2's default sinusoids
        for layer in stack.layer:
            set_norm(layer.self_attention.layer_norm)
            set_linear(layer.self_attention.linear[0], 3 * d_model, d_model)
            set_linear(layer.self_attention.linear[1], d_model, d_model)
            set_norm(layer.ffn.layer_norm)
            set_linear(layer.ffn.linear_0, ffn, d_model)
            set_linear(layer.ffn.linear_1, d_model, ffn)
    for layer in spec.decoder.layer:
        set_norm(layer.attention.layer_norm)
        set_linear(layer.attention.linear[0], d_model, d_model)
        set_linear(layer.attention.linear[1], 2 * d_model, d_model)
        set_linear(layer.attention.linear[2], d_model, d_model)
    set_linear(spec.decoder.projection, vocab, d_model)
    # Never end early: every hypothesis decodes to max_decoding_length (see module docstring).
    spec.decoder.projection.bias[vocabulary.index("</s>")] = -1e4

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    return spec


def build_random_package(
    out_dir: Path,
    from_code: str = "fr",
    to_code: str = "en",
    *,
    layers: int = 6,
    d_model: int = 512,
    heads: int = 8,
    ffn: int = 2048,
    vocab_size: int = 8000,
    seed: int = 0,
    training_text: str,
) -> Path:
    """Build `out_dir/translate-{from}_{to}-1.0.argosmodel` with random weights; return it.

    The SentencePiece model has exactly `vocab_size` pieces, trained on `training_text` plus
    synthetic French-looking text; the CTranslate2 vocabulary is `<blank>`, `<s>`, `</s>`
    followed by those pieces.
    """
    processor = spm.SentencePieceProcessor(
        model_proto=_train_sentencepiece(training_text, vocab_size)
    )
    vocabulary = [
        *SPECIAL_TOKENS,
        *(processor.id_to_piece(i) for i in range(processor.get_piece_size())),
    ]
    folder = f"translate-{from_code}_{to_code}"
    metadata = {
        "package_version": "1.0",
        "argos_version": ARGOS_VERSION,
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "package_type": "translate",
        "type": "translate",
        "links": [],
        "target_prefix": "",
    }
    out_path = Path(out_dir) / f"{folder}-1.0.argosmodel"
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="synthetic-argos-") as scratch:
        model_dir = Path(scratch) / "model"
        model_dir.mkdir()
        spec = _random_transformer(vocabulary, layers, d_model, heads, ffn, seed)
        spec.save(str(model_dir))
        # Random int8 weights do not compress: store, don't deflate.
        with zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_STORED) as zf:
            zf.writestr(f"{folder}/metadata.json", json.dumps(metadata, indent=2))
            zf.writestr(f"{folder}/sentencepiece.model", processor.serialized_model_proto())
            for path in sorted(model_dir.iterdir()):
                zf.write(path, f"{folder}/model/{path.name}")
    return out_path


def benchmark_sentences(count: int) -> list[str]:
    """`count` distinct synthetic sentences: the same ones in every benchmark."""
    return list(dict.fromkeys(synthetic_corpus(count * 2, seed=1)))[:count]


def install_synthetic_fr_en(folder: Path) -> Any:
    """Build the realistic-size fr→en package in `folder`, install it into Argos's packages
    folder (call after `isolate_environment`) and return Argos's installed package."""
    import time

    import argostranslate.package

    started = time.perf_counter()
    package = build_random_package(
        folder, "fr", "en", training_text="\n".join(synthetic_corpus(20000, seed=2))
    )
    argostranslate.package.install_from_path(package)
    print(f"built and installed {package.name} in {time.perf_counter() - started:.1f}s")
    return next(p for p in argostranslate.package.get_installed_packages() if p.from_code == "fr")


def raw_translator(installed: Any, beam: int, n_best: int, max_length: int) -> tuple[Any, dict]:
    """The baseline: CTranslate2's Translator on the installed package's model, and the decoding
    options workbench's engine uses (so both sides decode alike)."""
    import ctranslate2

    translator = ctranslate2.Translator(
        str(Path(installed.package_path) / "model"), device="cpu", compute_type="auto"
    )
    decoding = dict(
        beam_size=beam,
        num_hypotheses=n_best,
        max_decoding_length=max_length,
        length_penalty=0.2,
        return_scores=True,
        replace_unknowns=True,
    )
    return translator, decoding


def _smoke() -> None:
    import time

    import ctranslate2

    seed_text = (
        Path(__file__).resolve().parent.parent / "seeds" / "azertac-2020-06-27.fr.txt"
    ).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="synthetic-argos-smoke-") as scratch:
        started = time.perf_counter()
        archive = build_random_package(Path(scratch), training_text=seed_text)
        built = time.perf_counter() - started
        print(f"built {archive.name} ({archive.stat().st_size / 1e6:.1f} MB) in {built:.1f} s")
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(scratch)
        package_dir = Path(scratch) / "translate-fr_en"
        processor = spm.SentencePieceProcessor(model_file=str(package_dir / "sentencepiece.model"))
        translator = ctranslate2.Translator(str(package_dir / "model"))
        sentences = synthetic_corpus(10, seed=2)
        started = time.perf_counter()
        results = translator.translate_batch(
            [processor.encode(s, out_type=str) for s in sentences],
            beam_size=2,
            max_decoding_length=32,
        )
        elapsed = time.perf_counter() - started
        for sentence, result in zip(sentences, results, strict=True):
            print(f"{sentence[:60]!r} -> {len(result.hypotheses[0])} pieces")
        print(f"translated {len(sentences)} sentences in {elapsed:.2f} s")


if __name__ == "__main__":
    _smoke()
