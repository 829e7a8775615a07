"""Loading and saving a glossary file: TBX or a spreadsheet export, chosen by its suffix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.glossary.csv import read_csv_glossary
from workbench.core.glossary.model import Glossary
from workbench.core.glossary.tbx import read_tbx, render_tbx
from workbench.core.textio import atomic_write

TBX_SUFFIXES = frozenset({".tbx", ".xml"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})


def load_glossary(path: Path) -> Glossary:
    """A glossary from TBX (.tbx, .xml) or a spreadsheet export (.csv, .tsv); one that holds
    no term is an error, since it would silently enforce nothing."""
    path = Path(path)
    if path.is_dir():
        raise InputError(
            f"{path} is a folder, not a glossary; give the path of a .tbx or .csv/.tsv file"
        )
    suffix = path.suffix.lower()
    if suffix in TBX_SUFFIXES:
        glossary = read_tbx(path)
    elif suffix in TABLE_SUFFIXES:
        glossary = read_csv_glossary(path)
    else:
        raise InputError(
            f"{path.name}: unknown glossary format '{suffix or 'no extension'}'; "
            f"use a .tbx (or .xml) term base or a .csv/.tsv table"
        )
    if not glossary.concepts:
        raise InputError(f"{path} holds no terms; add concepts to it or leave out --glossary")
    return glossary


def load_glossaries(paths: Sequence[Path]) -> Glossary:
    """Several glossaries as one (see `Glossary.combine`)."""
    return Glossary.combine([load_glossary(path) for path in paths])


def save_glossary(glossary: Glossary, path: Path) -> None:
    """Write `glossary` as TBX, atomically."""
    atomic_write(Path(path), render_tbx(glossary))
