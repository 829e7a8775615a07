"""Batches and results as JSON text: what travels between the driver, the actors and the checkpoint.

JSON keeps the exact strings, and Python writes floats with `repr`, which reads back to the same
float, so a score that went through a worker or the checkpoint is bit-for-bit the local one.
"""

from __future__ import annotations

import json
from typing import Any

from workbench.core.engines.base import Hypothesis


def encode_batch(batch: list[Any]) -> str:
    return json.dumps(batch, ensure_ascii=False)


def decode_batch(text: str) -> list[Any]:
    return json.loads(text)


def encode_results(results: list[list[Hypothesis]]) -> str:
    return json.dumps(
        [[[h.text, h.score] for h in hypotheses] for hypotheses in results], ensure_ascii=False
    )


def decode_results(text: str) -> list[list[Hypothesis]]:
    return [
        [Hypothesis(str(t), float(s)) for t, s in hypotheses] for hypotheses in json.loads(text)
    ]
