"""workbench and `msgfmt -c` give the same verdict on every catalog of a large real corpus.

Django's wheel holds ~1,200 catalogs in ~100 languages, some of which msgfmt -c rejects (plural
counts that disagree with Plural-Forms, a python-format argument missing from a plural form
used for many numbers). msgfmt runs in two background shell loops while workbench reads and
checks every catalog in this process.
"""

import subprocess

from workbench.core.catalog import load_catalog
from workbench.core.checks import is_fatal, msgfmt_problems
from workbench.core.errors import InputError

_REJECTED_BY_MSGFMT = 'for f do msgfmt -c -o /dev/null "$f" 2>/dev/null || echo "$f"; done'


def _start_msgfmt(paths: list) -> list[subprocess.Popen]:
    halves = (paths[0::2], paths[1::2])
    return [
        subprocess.Popen(
            ["sh", "-c", _REJECTED_BY_MSGFMT, "sh", *map(str, half)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for half in halves
    ]


def test_every_catalog_gets_msgfmts_verdict(corpus_catalogs):
    loops = _start_msgfmt(corpus_catalogs)
    ours = set()
    for path in corpus_catalogs:
        try:
            catalog = load_catalog(path)
        except InputError:  # unreadable (a syntax error, a duplicate): msgfmt refuses it too
            ours.add(str(path))
            continue
        if any(is_fatal(problem) for problem in msgfmt_problems(catalog.po, catalog.path)):
            ours.add(str(path))
    theirs = set()
    for loop in loops:
        output, _ = loop.communicate()
        assert loop.returncode == 0
        theirs.update(output.splitlines())
    assert len(corpus_catalogs) > 500
    assert theirs, "the corpus holds catalogs msgfmt rejects: the test must see some"
    assert sorted(ours - theirs) == [], "rejected by workbench only"
    assert sorted(theirs - ours) == [], "rejected by msgfmt only"
