"""The model's confidence in a machine draft, drawn in one cell (table) or a few (editor)."""

from __future__ import annotations

_BARS = "▁▂▃▄▅▆▇█"


def confidence_bar(confidence: float | None) -> str:
    """One cell: a bar as high as the confidence (0..1); a space when there is none."""
    if confidence is None:
        return " "
    return _BARS[min(len(_BARS) - 1, int(confidence * len(_BARS)))]


def confidence_label(confidence: float | None) -> str:
    """ " ▆ 73%" for the editor's caption; "" when there is none."""
    if confidence is None:
        return ""
    return f" {confidence_bar(confidence)} {round(confidence * 100)}%"
