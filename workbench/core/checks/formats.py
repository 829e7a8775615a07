"""Format strings as GNU msgfmt --check-format reads them, per flag.

Each flag (`c-format`, `python-format`, `python-brace-format`, `javascript-format`) has its own
directive syntax; a translation must use the directives of its msgid: the same named arguments,
as many positional ones, of compatible types. The rules and their leniency follow gettext's
format-c.c, format-python.c, format-pythonbrace.c and format-javascript.c (gettext 0.21):

- strict comparison (every directive of the msgid must be in the translation) for ordinary
  entries; lenient (the translation may leave some out, never add one) for a plural form that
  the Plural-Forms formula uses for a single number, such as English "one file" for n = 1;
- a msgid that is not a valid format string of its flag is not checked (gettext does not);
  a translation that is not, while its msgid is, is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The flags msgfmt checks that catalogs of Python, C and web projects carry.
FORMAT_FLAGS = ("c-format", "python-format", "python-brace-format", "javascript-format")


class InvalidFormatError(ValueError):
    """A string that is not a valid format string of its kind; the message says why."""


@dataclass(frozen=True)
class FormatSpec:
    """The arguments a format string consumes: by name, and by position (their types)."""

    named: dict[str, str] = field(default_factory=dict)
    positional: tuple[str, ...] = ()


def active_format(flags: list[str] | tuple[str, ...]) -> str | None:
    """The format an entry's flags declare (`c-format`, ...), or None; `no-X-format` wins."""
    for kind in FORMAT_FLAGS:
        if kind in flags and f"no-{kind}" not in flags:
            return kind
    return None


def format_problems(
    kind: str, msgid: str, msgstr: str, *, strict: bool, msgid_label: str, msgstr_label: str
) -> list[str]:
    """What msgfmt says is wrong with `msgstr` as a translation of `msgid` in format `kind`."""
    parse = _PARSERS[kind]
    try:
        source = parse(msgid)
    except InvalidFormatError:
        return []  # gettext checks only strings whose msgid is a valid format string
    try:
        target = parse(msgstr)
    except InvalidFormatError as error:
        return [f"{msgstr_label} is not a valid {kind} string, unlike {msgid_label}: {error}"]
    return _compare(source, target, strict, msgid_label, msgstr_label)


def _compare(
    source: FormatSpec, target: FormatSpec, strict: bool, msgid_label: str, msgstr_label: str
) -> list[str]:
    if source.named and target.positional:
        return [f"{msgid_label} takes named arguments, {msgstr_label} positional ones"]
    if source.positional and target.named:
        return [f"{msgid_label} takes positional arguments, {msgstr_label} named ones"]
    problems = []
    for name in sorted(set(source.named) | set(target.named)):
        if name not in source.named:
            problems.append(f"{msgstr_label} has argument '{name}', which {msgid_label} lacks")
        elif name not in target.named:
            if strict:
                problems.append(f"argument '{name}' of {msgid_label} is missing in {msgstr_label}")
        elif source.named[name] != target.named[name]:
            problems.append(
                f"argument '{name}' is {_article(source.named[name])} in {msgid_label}, "
                f"{_article(target.named[name])} in {msgstr_label}"
            )
    wanted, given = len(source.positional), len(target.positional)
    if (wanted != given) if strict else (given > wanted):
        problems.append(
            f"{msgid_label} has {wanted} positional argument{'s' if wanted != 1 else ''}, "
            f"{msgstr_label} {given}"
        )
    else:
        for number, (expected, found) in enumerate(
            zip(source.positional, target.positional, strict=False), 1
        ):
            if expected != found:
                problems.append(
                    f"argument {number} is {_article(expected)} in {msgid_label}, "
                    f"{_article(found)} in {msgstr_label}"
                )
    return problems


def _article(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


# --- C (and its printf family): %[n$][flags][width][.precision][size]conversion --------------

_C_DIRECTIVE = re.compile(
    r"%(?:(?P<number>[1-9]\d*)\$)?"
    r"(?P<flags>[-+ #0'I]*)"
    r"(?P<width>\*(?:[1-9]\d*\$)?|\d+)?"
    r"(?:\.(?P<precision>\*(?:[1-9]\d*\$)?|\d*))?"
    r"(?P<size>hh|h|ll|l|L|q|j|z|Z|t)?"
    r"(?P<conversion><PRI[diouxX](?:8|16|32|64|LEAST\d+|FAST\d+|MAX|PTR)>|[diouxXeEfFgGaAcCsSpnm%])"
)
_C_TYPES = {
    **dict.fromkeys("di", "integer"),
    **dict.fromkeys("ouxX", "unsigned integer"),
    **dict.fromkeys("eEfFgGaA", "floating-point number"),
    "c": "character",
    "C": "wide character",
    "s": "string",
    "S": "wide string",
    "p": "pointer",
    "n": "count pointer",
}


def parse_c(text: str) -> FormatSpec:
    numbered: dict[int, str] = {}
    unnumbered: list[str] = []
    position = 0
    while (start := text.find("%", position)) >= 0:
        match = _C_DIRECTIVE.match(text, start)
        if match is None:
            raise InvalidFormatError(f"the directive at character {start + 1} is not a C directive")
        position = match.end()
        conversion = match["conversion"]
        if conversion in "%m":
            continue  # %% is a percent sign, %m the text of errno: no argument
        star_arguments = [
            part for part in (match["width"], match["precision"]) if part and part[0] == "*"
        ]
        kind = _c_type(match["size"] or "", conversion)
        if match["number"]:
            for star in star_arguments:
                if len(star) == 1:
                    raise InvalidFormatError("numbered and unnumbered arguments are mixed")
                _put(numbered, int(star[1:-1]), "integer")
            _put(numbered, int(match["number"]), kind)
        else:
            if any(len(star) > 1 for star in star_arguments):
                raise InvalidFormatError("numbered and unnumbered arguments are mixed")
            unnumbered.extend(["integer"] * len(star_arguments))
            unnumbered.append(kind)
    return _positional(numbered, unnumbered)


def _positional(numbered: dict[int, str], unnumbered: list[str]) -> FormatSpec:
    """The arguments by position: numbered ones must run from 1 without a hole."""
    if numbered and unnumbered:
        raise InvalidFormatError("numbered and unnumbered arguments are mixed")
    if not numbered:
        return FormatSpec(positional=tuple(unnumbered))
    highest = max(numbered)
    for number in range(1, highest + 1):
        if number not in numbered:
            raise InvalidFormatError(f"argument {highest} is used but argument {number} is not")
    return FormatSpec(positional=tuple(numbered[number] for number in range(1, highest + 1)))


def _c_type(size: str, conversion: str) -> str:
    if conversion.startswith("<PRI"):
        return f"{conversion[1:-1]} integer"
    base = _C_TYPES[conversion]
    size = {"q": "ll", "Z": "z"}.get(size, size)
    return f"{size}-sized {base}" if size else base


def _put(numbered: dict[int, str], number: int, kind: str) -> None:
    if numbered.get(number, kind) != kind:
        raise InvalidFormatError(f"argument {number} is used with two different types")
    numbered[number] = kind


# --- Python %: %(name)s or positional, [flags][width][.precision][length]conversion ---------

_PYTHON_DIRECTIVE = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?"
    r"[-+ #0]*"
    r"(?P<width>\*|\d+)?"
    r"(?:\.(?P<precision>\*|\d*))?"
    r"[hlL]?"
    r"(?P<conversion>.)?",
    re.DOTALL,
)
_PYTHON_TYPES = {
    **dict.fromkeys("sra", "string"),
    "c": "character",
    **dict.fromkeys("diouxX", "integer"),
    **dict.fromkeys("eEfFgG", "floating-point number"),
}


_PERCENT_SIGN = "percent sign"


def parse_python(text: str) -> FormatSpec:
    named: dict[str, str] = {}
    positional: list[str] = []
    position = 0
    while (start := text.find("%", position)) >= 0:
        match = _PYTHON_DIRECTIVE.match(text, start)
        assert match is not None  # every part is optional but the %
        position = match.end()
        conversion = match["conversion"]
        if conversion is None:
            raise InvalidFormatError("the string ends in the middle of a directive")
        if conversion == "%":  # a percent sign; gettext still records a name given to it
            if (
                match["name"] is not None
                and named.setdefault(match["name"], _PERCENT_SIGN) != _PERCENT_SIGN
            ):
                raise InvalidFormatError(f"argument '{match['name']}' is used with two types")
            continue
        if conversion not in _PYTHON_TYPES:
            raise InvalidFormatError(f"'{conversion}' is not a conversion of Python's % operator")
        kind = _PYTHON_TYPES[conversion]
        stars = [part for part in (match["width"], match["precision"]) if part == "*"]
        if match["name"] is not None:
            if stars:
                raise InvalidFormatError("a named directive cannot take its width from an argument")
            if named.setdefault(match["name"], kind) != kind:
                raise InvalidFormatError(f"argument '{match['name']}' is used with two types")
        else:
            positional.extend(["integer"] * len(stars))
            positional.append(kind)
    if named and positional:
        raise InvalidFormatError("the string mixes named and positional arguments")
    return FormatSpec(named=named, positional=tuple(positional))


# --- Python str.format: {name.attr[key]:spec}, {{ and }} escaped ---------------------------
# gettext 0.21 knows no !r conversion: a string with one is not checked (its msgid) or invalid.

_BRACE_FIELD = re.compile(r"(?P<name>[^{}!:]*)(?::(?P<spec>(?:[^{}]|\{[^{}]*\})*))?\}")


def parse_python_brace(text: str) -> FormatSpec:
    named: dict[str, str] = {}
    position = 0
    while (start := text.find("{", position)) >= 0:
        if text.startswith("{{", start):
            position = start + 2
            continue
        match = _BRACE_FIELD.match(text, start + 1)
        if match is None:
            raise InvalidFormatError(f"the brace at character {start + 1} opens no valid field")
        name = match["name"]
        if not re.fullmatch(r"(?:\d+|[^\W\d]\w*)(?:\.[^\W\d]\w*|\[[^\]]+\])*", name):
            raise InvalidFormatError(f"'{{{name}}}' does not name an argument")
        spec = match["spec"]
        if spec is not None and "{" in spec and not re.fullmatch(r"\{[^{}]*\}", spec):
            raise InvalidFormatError(f"'{{{name}:{spec}}}' mixes a nested field with text")
        # gettext names the argument with its spec: {a:>5} and {a} are two arguments to it.
        named[name if spec is None else f"{name}:{spec}"] = "value"
        position = match.end()
    return FormatSpec(named=named)


# --- JavaScript (gettext's javascript-format): %[n$][flags][width][.precision]conversion ----

_JS_DIRECTIVE = re.compile(
    r"%(?:(?P<number>[1-9]\d*)\$)?[-+ 0]*\d*(?:\.\d+)?(?P<conversion>[bcdoxXfsj%])"
)
_JS_TYPES = {
    **dict.fromkeys("bdoxX", "integer"),
    "f": "floating-point number",
    "c": "character",
    "s": "string",
    "j": "JSON value",
}


def parse_javascript(text: str) -> FormatSpec:
    numbered: dict[int, str] = {}
    unnumbered: list[str] = []
    position = 0
    while (start := text.find("%", position)) >= 0:
        match = _JS_DIRECTIVE.match(text, start)
        if match is None:
            raise InvalidFormatError(f"the directive at character {start + 1} is not a valid one")
        position = match.end()
        if match["conversion"] == "%":
            continue
        kind = _JS_TYPES[match["conversion"]]
        if match["number"]:
            _put(numbered, int(match["number"]), kind)
        else:
            unnumbered.append(kind)
    if numbered and unnumbered:
        raise InvalidFormatError("numbered and unnumbered arguments are mixed")
    # gettext compares JavaScript arguments by number, as names (%2$d alone is valid).
    numbered = numbered or dict(enumerate(unnumbered, 1))
    return FormatSpec(named={str(number): kind for number, kind in sorted(numbered.items())})


_PARSERS = {
    "c-format": parse_c,
    "python-format": parse_python,
    "python-brace-format": parse_python_brace,
    "javascript-format": parse_javascript,
}
