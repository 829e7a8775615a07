"""Tiny but real Argos Translate packages, built from nothing in about a second.

Argos packages cannot be downloaded where the tests run, yet the tests must exercise the real
path: `workbench models install` puts the package where argostranslate finds it (as
`argostranslate.package.install_from_path` would), SentencePiece tokenises, CTranslate2 translates. The packages built here are genuine `.argosmodel` archives whose
CTranslate2 Transformer has hand-set weights (recipe: /work/shared/notes/test-models.md):

- The decoder's cross-attention at step t attends to source position t and copies that source
  piece's code into its stream; the output projection then emits the target piece of that
  source piece. A source `</s>` is appended by the model config, so decoding stops right after
  the last source piece. Output is deterministic; the best hypothesis scores ~0 and beam search
  returns alternatives that differ from it (each swaps in a low-probability piece).
- Pieces are 64-entry ±1 codes, not one-hot rows, so the model is 82 wide whatever the
  vocabulary (one-hot rows made it ~600 wide, and decoding ~6x slower).
- The "copy" model (``permutation_seed=None``) maps every piece to itself, so a sentence
  translates to ``decode(encode(sentence))``, which is the sentence itself unless it has
  leading, trailing or repeated whitespace (SentencePiece drops those, as real Argos models
  do). Characters are never normalised; letters unseen in training (ə, ğ, İ, ...) round-trip
  through SentencePiece byte pieces.
- The "permuted" model (``permutation_seed=int``) applies a fixed piece permutation.

Permutation rule: a piece is *permutable* when its text, after removing one leading "▁",
consists only of lowercase ASCII letters a-z and is at least 3 letters long ("▁les",
"ation"). Permutable pieces are shuffled with ``random.Random(seed)`` and each is mapped to
the next one in the shuffled cycle, separately for word-initial pieces (with "▁") and
word-internal pieces (without), so no permutable piece maps to itself and word boundaries
are kept. Every other piece maps to itself: byte pieces, digits, punctuation, any piece
containing an uppercase or accented letter, and the control tokens. So "Le Conseil de
l'ONU" keeps its capitalised pieces and changes lowercase words, and term-protection
placeholders made of uppercase letters, digits and punctuation ("ZX1Q", "⟦1⟧") pass
through unchanged.

The mapping is stored in the package as ``permutation.json`` (beside ``metadata.json``), so
``expected_translation`` can recompute any output exactly.

Limits: a sentence may hold at most ``max_length - 1`` SentencePiece pieces (the position
table has ``max_length`` rows and the model appends ``</s>``); CTranslate2's own
``max_decoding_length`` (256 by default) also caps the output length.
"""

from __future__ import annotations

import functools
import io
import json
import random
import re
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import sentencepiece as spm
from babel import Locale


@contextmanager
def _torch_hidden() -> Iterator[None]:
    """CTranslate2's specs import torch when it is installed, only to take torch tensors as
    weights; ours are numpy arrays. Hidden while they load: torch's import is ~1.5 s of every
    test worker's start-up. Afterwards `import torch` works as usual (argostranslate needs it)."""
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` now fails
    try:
        yield
    finally:
        del sys.modules["torch"]


with _torch_hidden():
    from ctranslate2.specs import TransformerSpec
    from ctranslate2.specs.common_spec import LayerNormSpec
    from ctranslate2.specs.transformer_spec import (
        TransformerDecoderLayerSpec,
        TransformerEncoderLayerSpec,
    )

SEED_PATH = Path(__file__).resolve().parents[2] / "seeds" / "azertac-2020-06-27.fr.txt"
ARGOS_VERSION = "1.9"
# CTranslate2 reserves these three; SentencePiece's own pieces follow them.
SPECIAL_TOKENS = ("<blank>", "<s>", "</s>")
PERMUTATION_FILE = "permutation.json"
PERMUTABLE_PIECE = re.compile(r"▁?[a-z]{3,}")
# Scale of the position-code match in cross-attention: large enough to make it hard.
ATTENTION_SHARPNESS = 5.0
# Entries of a piece's code: 64 keeps 600 random codes at least 14 entries apart.
TOKEN_CODE_WIDTH = 64
# How far the right piece's logit stays above any other's: its probability is then ~1.
LOGIT_MARGIN = 30.0
FFN_WIDTH = 16

ENGLISH_SENTENCES = (
    "Baku, June 27, AZERTAC.",
    "President Ilham Aliyev addressed the summit of the Non-Aligned Movement.",
    "Hikmat Hajiyev, assistant to the President of the Republic of Azerbaijan, gave an interview.",
    "The Republic of Azerbaijan made a donation to the World Health Organization.",
    "The United Nations General Assembly will hold a special session by videoconference.",
    "The pandemic has created global socio-economic and humanitarian threats.",
    "More than 130 countries have supported the initiative so far.",
    "The session will help mobilise the international community in the fight against the pandemic.",
)
AZERBAIJANI_SENTENCES = (
    "Bakı, 27 iyun, AZƏRTAC.",
    "Prezident İlham Əliyev Qoşulmama Hərəkatının sammitində çıxış edib.",
    "Prezidentin köməkçisi Hikmət Hacıyev AZƏRTAC-a müsahibə verib.",
    "Azərbaycan Respublikası Ümumdünya Səhiyyə Təşkilatına ianə edib.",
    "BMT Baş Assambleyasının xüsusi sessiyası videokonfrans vasitəsilə keçiriləcək.",
    "Koronavirus pandemiyasına qarşı mübarizədə beynəlxalq həmrəylik vacibdir.",
    "ÜST pandemiya ilə mübarizədə əsas rol oynayır.",
    "Şuşa, Gəncə və Göyçay şəhərlərində yeni xəstəxanalar açılıb.",
)
GLOSSARY_NAMES = (
    "Hikmat Hajiyev",
    "Hikmət Hacıyev",
    "Ilham Aliyev",
    "İlham Əliyev",
    "Non-Aligned Movement",
    "Qoşulmama Hərəkatı",
    "Republic of Azerbaijan",
    "Azərbaycan Respublikası",
    "World Health Organization",
    "Ümumdünya Səhiyyə Təşkilatı",
    "United Nations",
    "BMT",
    "ÜST",
    "Baku",
    "Bakı",
)


def training_corpus() -> str:
    """The seed article plus English and Azerbaijani news sentences and glossary names."""
    parts = [
        SEED_PATH.read_text(encoding="utf-8"),
        *ENGLISH_SENTENCES,
        *AZERBAIJANI_SENTENCES,
        *GLOSSARY_NAMES,
    ]
    return "\n".join(parts) + "\n"


@functools.lru_cache(maxsize=8)
def train_sentencepiece(training_text: str, vocab_size: int) -> bytes:
    """Serialised SentencePiece unigram model; cached because tests build several packages."""
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([line for line in training_text.splitlines() if line.strip()]),
        model_writer=model,
        vocab_size=vocab_size,
        # A small text cannot always fill the vocabulary; take what it gives.
        hard_vocab_limit=False,
        model_type="unigram",
        byte_fallback=True,
        character_coverage=1.0,
        # Identity: characters never change, so the copy model really copies.
        normalization_rule_name="identity",
        unk_id=0,
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
        max_sentence_length=1 << 16,
        num_threads=1,
        minloglevel=2,
    )
    return model.getvalue()


def piece_permutation(pieces: Sequence[str], seed: int) -> dict[str, str]:
    """The non-identity part of the piece permutation described in the module docstring."""
    mapping: dict[str, str] = {}
    rng = random.Random(seed)
    for word_initial in (True, False):
        group = [
            piece
            for piece in pieces
            if PERMUTABLE_PIECE.fullmatch(piece) and piece.startswith("▁") == word_initial
        ]
        if len(group) < 2:
            continue
        rng.shuffle(group)
        # Each piece maps to its successor in the shuffled cycle: a permutation, no fixed point.
        mapping.update(zip(group, group[1:] + group[:1], strict=True))
    return mapping


def _layer_norm(norm: LayerNormSpec, width: int) -> None:
    norm.gamma = np.ones(width, dtype=np.float32)
    norm.beta = np.zeros(width, dtype=np.float32)


def _silence_self_attention_and_ffn(
    layer: TransformerEncoderLayerSpec | TransformerDecoderLayerSpec, width: int
) -> None:
    """Zero weights: these blocks then add nothing to the residual stream."""
    _layer_norm(layer.self_attention.layer_norm, width)
    layer.self_attention.linear[0].weight = np.zeros((3 * width, width), dtype=np.float32)
    layer.self_attention.linear[1].weight = np.zeros((width, width), dtype=np.float32)
    _layer_norm(layer.ffn.layer_norm, width)
    layer.ffn.linear_0.weight = np.zeros((FFN_WIDTH, width), dtype=np.float32)
    layer.ffn.linear_1.weight = np.zeros((width, FFN_WIDTH), dtype=np.float32)


def position_codes(max_length: int) -> np.ndarray:
    """Row p is the binary expansion of p written as ±1: a `max_length` × bits table.

    Two codes agree in every bit only for the same position, so the dot product of a code
    with itself beats any other position's by at least 2.
    """
    bits = max(1, (max_length - 1).bit_length())
    positions = np.arange(max_length)[:, None]
    return np.where((positions >> np.arange(bits)) & 1, 1.0, -1.0).astype(np.float32)


def token_codes(vocab_size: int) -> np.ndarray:
    """Row i is piece i's code: TOKEN_CODE_WIDTH entries of ±1, half of each, all rows distinct.

    Codes instead of one-hot rows keep the model narrow whatever the vocabulary (translation
    time grows with the square of the width). Fixed seed: the same vocabulary size always
    gets the same codes.
    """
    rng = np.random.default_rng(0)
    balanced = np.repeat(np.array([1.0, -1.0], dtype=np.float32), TOKEN_CODE_WIDTH // 2)
    codes = np.stack([rng.permutation(balanced) for _ in range(vocab_size)])
    if len({row.tobytes() for row in codes}) != vocab_size:
        raise ValueError(f"{vocab_size} pieces do not get distinct codes; widen TOKEN_CODE_WIDTH")
    return codes


def _code_distance(codes: np.ndarray) -> int:
    """The smallest number of entries in which two different codes differ."""
    overlap = codes @ codes.T
    np.fill_diagonal(overlap, -np.inf)
    return int(codes.shape[1] - overlap.max()) // 2


def _copy_transformer(
    vocabulary: Sequence[str], target_of: Sequence[int], max_length: int
) -> TransformerSpec:
    """Transformer whose output at step t is target_of[source piece at position t].

    The residual stream is a token block (a piece's code) followed by a position block (the
    position code and its negation). Every row of both blocks is ±1 with as many + as -, so
    the layer norms, which subtract the mean and divide by the spread, leave the encoder's
    stream exactly as it is. The decoder's own input is its position only: what it emits
    never depends on what it emitted before, so every step is the same hard copy.
    """
    vocab = len(vocabulary)
    codes = token_codes(vocab)
    positions = position_codes(max_length)
    positions = np.concatenate([positions, -positions], axis=1)
    code_width, position_width = codes.shape[1], positions.shape[1]
    width = code_width + position_width
    spec = TransformerSpec.from_config(1, 1, pre_norm=True)
    spec.config.add_source_eos = True

    position_table = np.zeros((max_length, width), dtype=np.float32)
    position_table[:, code_width:] = positions
    for stack in (spec.encoder, spec.decoder):
        stack.scale_embeddings = False
        stack.position_encodings.encodings = position_table
        _layer_norm(stack.layer_norm, width)
        for layer in stack.layer:
            _silence_self_attention_and_ffn(layer, width)
    source_embeddings = np.zeros((vocab, width), dtype=np.float32)
    source_embeddings[:, :code_width] = codes
    spec.encoder.embeddings[0].weight = source_embeddings
    spec.decoder.embeddings.weight = np.zeros((vocab, width), dtype=np.float32)

    # Cross-attention: the decoder position code (query) matches the source position code
    # (key), and the value carries that source position's token code.
    cross = spec.decoder.layer[0].attention
    _layer_norm(cross.layer_norm, width)
    position_match = np.zeros((width, width), dtype=np.float32)
    position_match[code_width:, code_width:] = ATTENTION_SHARPNESS * np.eye(position_width)
    token_copy = np.zeros((width, width), dtype=np.float32)
    token_copy[:code_width, :code_width] = np.eye(code_width)
    cross.linear[0].weight = position_match
    cross.linear[1].weight = np.concatenate([position_match, token_copy])  # keys, values
    cross.linear[2].weight = token_copy

    # Target piece target_of[i] scores the match of the copied code with piece i's code; the
    # right piece wins by at least LOGIT_MARGIN.
    projection = np.zeros((vocab, width), dtype=np.float32)
    projection[list(target_of), :code_width] = codes * (LOGIT_MARGIN / (2 * _code_distance(codes)))
    spec.decoder.projection.weight = projection
    # Real models never emit <blank> or <s>; without this, beam alternatives could start with
    # the decoder start token.
    never_emitted = np.zeros(vocab, dtype=np.float32)
    never_emitted[[vocabulary.index("<blank>"), vocabulary.index("<s>")]] = -100.0
    spec.decoder.projection.bias = never_emitted

    spec.register_source_vocabulary(list(vocabulary))
    spec.register_target_vocabulary(list(vocabulary))
    spec.validate()
    spec.optimize(quantization="int8")
    return spec


def language_name(code: str) -> str:
    return Locale.parse(code).english_name or code


def package_metadata(from_code: str, to_code: str, package_version: str) -> dict[str, object]:
    return {
        "package_version": package_version,
        "argos_version": ARGOS_VERSION,
        "from_code": from_code,
        "from_name": language_name(from_code),
        "to_code": to_code,
        "to_name": language_name(to_code),
        "package_type": "translate",
        "type": "translate",  # the key argostranslate itself reads
        "links": [],
        "target_prefix": "",
    }


def write_argosmodel(
    out_path: Path, folder: str, files: Mapping[str, bytes], model_dir: Path
) -> Path:
    """Zip `files` and the CTranslate2 `model_dir` under the single top folder `folder`."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in files.items():
            zf.writestr(f"{folder}/{name}", data)
        for path in sorted(model_dir.iterdir()):
            zf.write(path, f"{folder}/model/{path.name}")
    return out_path


def build_package(
    out_dir: Path,
    from_code: str,
    to_code: str,
    *,
    training_text: str,
    permutation_seed: int | None = None,
    package_version: str = "1.0",
    vocab_size: int = 600,
    max_length: int = 512,
) -> Path:
    """Build `out_dir/translate-{from}_{to}-{version}.argosmodel` and return its path.

    `permutation_seed=None` gives the copy model; an int gives the permuted model (see the
    module docstring). `vocab_size` is an upper bound: a small text may yield fewer pieces.
    """
    processor = spm.SentencePieceProcessor(
        model_proto=train_sentencepiece(training_text, vocab_size)
    )
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    mapping = {} if permutation_seed is None else piece_permutation(pieces, permutation_seed)
    vocabulary = [*SPECIAL_TOKENS, *pieces]
    index_of = {piece: i for i, piece in enumerate(vocabulary)}
    target_of = [index_of[mapping.get(piece, piece)] for piece in vocabulary]

    folder = f"translate-{from_code}_{to_code}"
    files = {
        "metadata.json": json.dumps(
            package_metadata(from_code, to_code, package_version), ensure_ascii=False, indent=2
        ).encode("utf-8"),
        "sentencepiece.model": processor.serialized_model_proto(),
        PERMUTATION_FILE: json.dumps(
            {"seed": permutation_seed, "mapping": mapping}, ensure_ascii=False, indent=2
        ).encode("utf-8"),
    }
    with tempfile.TemporaryDirectory(prefix="tiny-argos-") as scratch:
        model_dir = Path(scratch) / "model"
        model_dir.mkdir()
        _copy_transformer(vocabulary, target_of, max_length).save(str(model_dir))
        return write_argosmodel(
            Path(out_dir) / f"{folder}-{package_version}.argosmodel", folder, files, model_dir
        )


def _read_package_file(model_path: Path, name: str) -> bytes:
    """Read `name` from a `.argosmodel` archive or from an installed package directory."""
    if model_path.is_dir():
        return (model_path / name).read_bytes()
    with zipfile.ZipFile(model_path) as zf:
        for member in zf.namelist():
            if member.count("/") == 1 and member.endswith(f"/{name}"):
                return zf.read(member)
    raise FileNotFoundError(f"{model_path} holds no top-level {name}")


@functools.lru_cache(maxsize=16)
def _package_codec(
    model_path: Path, _stamp: tuple[int, int]
) -> tuple[spm.SentencePieceProcessor, dict[str, str]]:
    """The package's SentencePiece model and piece mapping; `_stamp` invalidates rebuilds."""
    processor = spm.SentencePieceProcessor(
        model_proto=_read_package_file(model_path, "sentencepiece.model")
    )
    mapping = json.loads(_read_package_file(model_path, PERMUTATION_FILE))["mapping"]
    return processor, mapping


def expected_translation(model_path: Path, text: str) -> str:
    """What the package at `model_path` outputs for `text` (best hypothesis, exactly).

    `model_path` is a `.argosmodel` archive or an installed package directory.
    """
    model_path = Path(model_path).resolve()
    stat = model_path.stat()
    processor, mapping = _package_codec(model_path, (stat.st_mtime_ns, stat.st_size))
    pieces = processor.encode(text, out_type=str)
    return processor.decode_pieces([mapping.get(piece, piece) for piece in pieces])
