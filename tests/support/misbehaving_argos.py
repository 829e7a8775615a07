"""A tiny real Argos package whose model mangles placeholders on purpose.

Built with `tiny_argos.build_package` (the same hand-set copy Transformer), with one change of
mapping: the digit piece 2 comes out as 1, and 1 as another digit (7 with the usual training
text). A protected string `ZX1Q … ZX2Q` therefore comes back as `ZX7Q … ZX1Q`: one placeholder
dropped (replaced by one that was never there), another duplicated. Every other piece is copied, so only the protection is tested.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from unittest import mock

from tests.support import tiny_argos

# What the digit 1 may become: the first of these the SentencePiece model has as a piece.
_OTHER_DIGITS = "7934680"


def _mangling_mapping(pieces: Sequence[str], seed: int) -> dict[str, str]:
    present = set(pieces)
    other = next((digit for digit in _OTHER_DIGITS if digit in present), None)
    if not {"1", "2"} <= present or other is None:
        raise RuntimeError("the SentencePiece model lacks the digit pieces to mangle")
    return {"1": other, "2": "1"}


def build_misbehaving_package(out_dir: Path, from_code: str, to_code: str) -> Path:
    """A `.argosmodel` for `from_code`→`to_code` that drops and duplicates placeholders."""
    with mock.patch.object(tiny_argos, "piece_permutation", _mangling_mapping):
        return tiny_argos.build_package(
            out_dir,
            from_code,
            to_code,
            training_text=tiny_argos.training_corpus(),
            permutation_seed=0,  # any int: the mapping above replaces the permutation
        )
