"""Things in a string that are not words to translate: format placeholders, URLs, e-mails.

printf (`%s`, `%1$d`, `%(name)s`) and Python brace fields (`{}`, `{0}`, `{name:>8}`) must come
through translation intact; term-protection placeholders (`ZX1Q`) must never reach the output.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from workbench.core.checks.base import Pair, critical

# The syntaxes are protection's: what the engine is shielded from is what is checked.
from workbench.core.engines.protect import BRACE, PLACEHOLDER_PATTERN, PRINTF, URL

# What term protection (glossary/enforce.py) puts in place of a glossary term while the engine runs:
# ZX1Q, QZ2X or XQ3Z, possibly with an inflection the engine glued on (ZX1Qnin).
TERM_PLACEHOLDER = PLACEHOLDER_PATTERN

_MASKS = (URL, TERM_PLACEHOLDER, PRINTF, BRACE)
# Flags under which a format is either checked by msgfmt's rules (`formats`) or declared absent.
_PRINTF_FLAGS = frozenset(
    f"{no}{kind}"
    for no in ("", "no-")
    for kind in ("c-format", "python-format", "javascript-format")
)
_BRACE_FLAGS = frozenset({"python-brace-format", "no-python-brace-format"})


def mask_placeholders(text: str) -> str:
    """`text` with URLs, e-mails and placeholders replaced by spaces (offsets kept)."""
    for pattern in _MASKS:
        text = pattern.sub(lambda match: " " * len(match.group()), text)
    return text


def printf_specs(text: str) -> Counter[str]:
    """The printf placeholders of `text`, reordering-aware: `%2$d %1$s` matches `%s %d`."""
    return Counter(key for key, _ in _printf_keys(text))


def _printf_keys(text: str) -> list[tuple[str, str]]:
    """(key, as written) per printf placeholder; an unnumbered one is keyed by its position."""
    keys = []
    unnamed = 0
    for match in PRINTF.finditer(text):
        if match["type"] == "%":  # `%%` is a literal percent sign
            continue
        if match["key"]:
            keys.append((match.group(), match.group()))
            continue
        unnamed += 1
        position = int(match["position"]) if match["position"] else unnamed
        keys.append((f"{position}:{_without_position(match.group())}", match.group()))
    return keys


def _without_position(spec: str) -> str:
    return re.sub(r"^%\d+\$", "%", spec)


def brace_fields(text: str) -> Counter[str]:
    return Counter(match.group() for match in BRACE.finditer(text))


@critical
def placeholders(pair: Pair) -> Iterator[str]:
    """Checks that printf and {brace} placeholders survive and no term placeholder is left.

    A missing or changed `%s`/`{name}` breaks the program that formats the message; a
    term-protection placeholder such as ZX1Q in the output means a glossary term was lost.
    Entries flagged with a format (python-format, c-format, python-brace-format) are checked
    by the `formats` check with msgfmt's rules instead, and their `no-` flags turn this off.
    A plural form used for a single number may leave placeholders out ("one file"), not add any.
    """
    source_printf, target_printf = printf_specs(pair.source), printf_specs(pair.target)
    if pair.single_number:
        source_printf &= target_printf
    if source_printf != target_printf and not pair.flags & _PRINTF_FLAGS:
        missing = _spellings(pair.source, source_printf - target_printf)
        added = _spellings(pair.target, target_printf - source_printf)
        if sorted(map(_without_position, missing)) == sorted(map(_without_position, added)):
            yield (
                f"printf placeholders {' '.join(added)} are in another order than in the source; "
                f"number them to reorder (%2$d %1$s)"
            )
        else:
            yield _difference("printf placeholder", missing, added)
    source_braces, target_braces = brace_fields(pair.source), brace_fields(pair.target)
    if pair.single_number:
        source_braces &= target_braces
    if source_braces != target_braces and not pair.flags & _BRACE_FLAGS:
        yield _difference(
            "placeholder",
            sorted((source_braces - target_braces).elements()),
            sorted((target_braces - source_braces).elements()),
        )
    leftovers = [
        match.group()
        for match in TERM_PLACEHOLDER.finditer(pair.target)
        if match.group() not in pair.source
    ]
    if leftovers:
        yield f"term placeholder {', '.join(leftovers)} left in the translation: a glossary term was lost"


def _spellings(text: str, keys: Counter[str]) -> list[str]:
    """How the placeholders behind `keys` are written in `text`."""
    wanted = Counter(keys)
    written = []
    for key, spelling in _printf_keys(text):
        if wanted[key] > 0:
            wanted[key] -= 1
            written.append(spelling)
    return written


def _difference(kind: str, missing: list[str], added: list[str]) -> str:
    parts = []
    if missing:
        parts.append(f"{kind} {', '.join(missing)} missing from the translation")
    if added:
        parts.append(f"{kind} {', '.join(added)} not in the source")
    return "; ".join(parts)
