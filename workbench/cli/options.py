"""Options several commands share: languages and decoding settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from workbench.core.languages import normalise_language


def parse_languages(value: str) -> list[str]:
    """`en,az` -> ["en", "az"], each checked against CLDR."""
    codes = [part.strip() for part in value.split(",") if part.strip()]
    if not codes:
        raise click.BadParameter("give at least one language, e.g. --to en,az")
    return list(dict.fromkeys(normalise_language(code) for code in codes))


def decoding_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """--n-best, --beam, --batch-size, --threads, --max-length, --compute-type."""
    for option in reversed(
        [
            click.option(
                "--n-best",
                type=click.IntRange(1, 9),
                default=3,
                show_default=True,
                help="Alternatives kept per segment.",
            ),
            click.option(
                "--beam",
                type=click.IntRange(1, 32),
                default=4,
                show_default=True,
                help="Beam size.",
            ),
            click.option(
                "--batch-size",
                type=click.IntRange(1, 4096),
                default=32,
                show_default=True,
                help="Sentences per batch.",
            ),
            click.option(
                "--threads",
                type=click.IntRange(0, 256),
                default=0,
                show_default=True,
                help="CPU threads (0: one per core).",
            ),
            click.option(
                "--max-length",
                type=click.IntRange(1, 4096),
                default=256,
                show_default=True,
                help="Longest output, in pieces.",
            ),
            click.option(
                "--compute-type",
                type=click.Choice(
                    [
                        "auto",
                        "int8",
                        "int8_float32",
                        "int16",
                        "float32",
                        "float16",
                        "bfloat16",
                        "default",
                    ]
                ),
                default="auto",
                show_default=True,
                help="CTranslate2 compute type.",
            ),
        ]
    ):
        function = option(function)
    return function


def make_decoding(
    beam: int, batch_size: int, threads: int, max_length: int, compute_type: str
) -> Any:
    from workbench.core.engines.argos import DecodingOptions

    return DecodingOptions(
        beam_size=beam,
        batch_size=batch_size,
        threads=threads,
        compute_type=compute_type,
        max_decoding_length=max_length,
    )


glossary_option = click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Term base (TBX or CSV/TSV); repeatable.",
)


def load_glossary_files(paths: tuple[Path, ...] | list[Path]) -> Any:
    """The term bases in `paths` combined into one glossary; None when there are none."""
    if not paths:
        return None
    from workbench.core.glossary import load_glossaries

    return load_glossaries(list(paths))


def memory_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--tm",
        "tm_path",
        type=click.Path(path_type=Path),
        default=None,
        help="Translation memory file (default: memory.sqlite in the user data folder).",
    )(function)


def open_memory(tm_path: Path | None, *, create: bool, verify: bool = False) -> Any:
    """The memory at `tm_path` (or the user's); without `create`, it must already exist and is
    opened read-only (lookups and export work on a read-only file system). `verify` reads the
    whole file first: for bulk additions, which would otherwise report success into a damaged
    memory."""
    from workbench.core.errors import InputError
    from workbench.core.memory import TranslationMemory, default_memory_path

    path = tm_path or default_memory_path()
    if path.is_dir():
        raise InputError(f"{path} is a directory; --tm takes the path of a memory file")
    if not create and not path.exists():
        raise InputError(
            f"there is no translation memory at {path} yet; fill it with 'workbench tm add "
            f"CATALOG.po' or 'workbench tm import FILE.tmx'"
        )
    memory = TranslationMemory(path, read_only=not create)
    if verify:
        try:
            memory.verify()
        except BaseException:
            memory.close()
            raise
    return memory


def locales_option(*names: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The catalog folder, under the given option names (`--out` where it is the output)."""
    return click.option(
        *names,
        "locales",
        type=click.Path(path_type=Path),
        default=Path("locales"),
        show_default=True,
        help="Catalog folder: <lang>/LC_MESSAGES/<domain>.po.",
    )


def checked_domain(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A --domain that stays inside the catalog folder (see `check_domain`)."""
    if value is None:
        return None
    from workbench.core.sources.document import check_domain

    return check_domain(value)


domain_option = click.option(
    "--domain",
    default=None,
    callback=checked_domain,
    help="Catalog name (default: the document name without its language suffix).",
)


def source_option(default: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--from LANG, saying where the language comes from when it is not given."""
    return click.option(
        "--from",
        "source",
        default=None,
        metavar="LANG",
        help=f"Source language (default: {default}).",
    )
