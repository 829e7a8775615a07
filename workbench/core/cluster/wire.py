"""Batches and results as JSON text: what travels between the driver, the actors and the checkpoint.

JSON keeps the exact strings, and Python writes floats with `repr`, which reads back to the same
float, so a score that went through a worker or the checkpoint is bit-for-bit the local one.
A batch holds what the engine's `prepare` made: a sentence's pieces, cut into the chunks the
model can take (`SplitSentence`); a result keeps every field of each hypothesis (its note on a
sentence translated in parts included).
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from workbench.core.engines.base import Hypothesis
from workbench.core.engines.model_limits import SplitSentence

_HYPOTHESIS_FIELDS = {field.name for field in fields(Hypothesis)}


def encode_batch(batch: list[Any]) -> str:
    return json.dumps([_encode_item(item) for item in batch], ensure_ascii=False)


def decode_batch(text: str) -> list[Any]:
    return [_decode_item(item) for item in json.loads(text)]


def _encode_item(item: Any) -> Any:
    if isinstance(item, SplitSentence):
        return {"chunks": [list(chunk) for chunk in item.chunks], "dropped": item.dropped}
    return item


def _decode_item(item: Any) -> Any:
    if isinstance(item, dict) and "chunks" in item:
        return SplitSentence(tuple(list(chunk) for chunk in item["chunks"]), int(item["dropped"]))
    return item


def encode_results(results: list[list[Hypothesis]]) -> str:
    return json.dumps(
        [[asdict(h) for h in hypotheses] for hypotheses in results], ensure_ascii=False
    )


def decode_results(text: str) -> list[list[Hypothesis]]:
    return [
        [
            Hypothesis(**{key: value for key, value in h.items() if key in _HYPOTHESIS_FIELDS})
            for h in hypotheses
        ]
        for hypotheses in json.loads(text)
    ]
