"""Format strings of every kind msgfmt checks, generated at random (seeded), judged by both.

Each case is one entry flagged c-format, python-format, python-brace-format or
javascript-format whose msgid and translations are random runs of directives, valid and not,
some of them plural (Serbian plural forms: form 0 and 1 are each used for many numbers, so
checked strictly; Arabic-like forms for one number only are lenient). workbench's fatal
verdict must be msgfmt -c's on every one. Needs GNU gettext.
"""

import random
import subprocess

from workbench.core.catalogs.pofile import load_catalog
from workbench.core.checks import is_fatal, msgfmt_problems

CASES = 240
HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
    '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
)
PIECES = {
    "c-format": [
        *("%s", "%d", "%i", "%u", "%x", "%ld", "%lu", "%5.2f", "%-10s", "%%", "%c", "%p"),
        *("%zu", "%1$s", "%2$d", "%3$s", "%*d", "%.*s", "%hhd", "%lld", "%qd", "%'d", "%m"),
        *("%Lf", "%<PRId64>", "%n", "%S", "% d", "%"),
    ],
    "python-format": [
        *("%s", "%d", "%(a)s", "%(b)d", "%(a)r", "%%", "%5.2f", "%(c).3f", "%*d", "%r", "%"),
        *("%(a)", "% d", "%-3s", "%(n)i", "%(a)x", "%(a)%", "%(a).s"),
    ],
    "python-brace-format": [
        *("{}", "{0}", "{1}", "{a}", "{a.b}", "{a[0]}", "{a!r}", "{a:>5}", "{{", "}}", "{", "}"),
        *("{ }", "{0:{1}}", "{b}", "{a:>{w}}", "{a:d}"),
    ],
    "javascript-format": [
        *("%s", "%d", "%j", "%1$s", "%2$d", "%%", "%", "%x", "%f", "%5s", "%(a)s", "%c", "%o"),
    ],
}


def _text(rng: random.Random, kind: str) -> str:
    return " ".join(rng.choice(PIECES[kind]) for _ in range(rng.randint(0, 3)))


def _case(rng: random.Random) -> str:
    kind = rng.choice(list(PIECES))
    msgid = f"x {_text(rng, kind)}"
    if rng.random() < 0.3:
        forms = "".join(f'msgstr[{i}] "y {_text(rng, kind)}"\n' for i in range(3))
        return f'#, {kind}\nmsgid "{msgid}"\nmsgid_plural "p {_text(rng, kind)}"\n{forms}'
    return f'#, {kind}\nmsgid "{msgid}"\nmsgstr "y {_text(rng, kind)}"\n'


def test_random_format_strings_get_msgfmts_verdict(tmp_path):
    rng = random.Random(12)
    paths = []
    for number in range(CASES):
        path = tmp_path / f"case{number}.po"
        path.write_text(HEADER + _case(rng), encoding="utf-8")
        paths.append(path)
    rejected = subprocess.run(
        ["sh", "-c", 'for f do msgfmt -c -o /dev/null "$f" 2>/dev/null || echo "$f"; done', "sh"]
        + [str(path) for path in paths],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    ours = []
    for path in paths:
        catalog = load_catalog(path)
        if any(is_fatal(p) for p in msgfmt_problems(catalog.po, catalog.path)):
            ours.append(str(path))
    assert 0.2 * CASES < len(rejected) < 0.9 * CASES  # both verdicts are well represented
    disagreements = sorted(set(ours) ^ set(rejected))
    assert disagreements == [], [path.read_text() for path in map(type(tmp_path), disagreements)]
