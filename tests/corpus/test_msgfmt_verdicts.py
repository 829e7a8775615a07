"""workbench and `msgfmt -c` give the same verdict on every catalog of a large real corpus.

Django's wheel holds ~1,200 catalogs in ~100 languages, some of which msgfmt -c rejects (plural
counts that disagree with Plural-Forms, a python-format argument missing from a plural form
used for many numbers). msgfmt runs in two background shell loops while workbench reads and
checks every catalog in this process. msgfmt's verdicts are kept in .cache/corpus/, keyed by
msgfmt's version and each file's SHA-256, so a later run asks msgfmt only about files that
changed (workbench's side always runs in full).
"""

import hashlib
import json
import subprocess
from pathlib import Path

from tests.corpus.conftest import CORPUS
from workbench.core.catalogs.pofile import load_catalog
from workbench.core.checks import is_fatal, msgfmt_problems
from workbench.core.errors import InputError

_REJECTED_BY_MSGFMT = 'for f do msgfmt -c -o /dev/null "$f" 2>/dev/null || echo "$f"; done'
VERDICTS = CORPUS / "msgfmt-verdicts.json"


def _msgfmt_version() -> str:
    return subprocess.run(
        ["msgfmt", "--version"], capture_output=True, text=True, check=True
    ).stdout.splitlines()[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _start_msgfmt(paths: list[Path]) -> list[subprocess.Popen]:
    halves = [half for half in (paths[0::2], paths[1::2]) if half]
    return [
        subprocess.Popen(
            ["sh", "-c", _REJECTED_BY_MSGFMT, "sh", *map(str, half)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for half in halves
    ]


def _cached_verdicts(version: str) -> dict[str, bool]:
    try:
        cached = json.loads(VERDICTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return cached.get("verdicts", {}) if cached.get("msgfmt") == version else {}


def test_every_catalog_gets_msgfmts_verdict(corpus_catalogs):
    version = _msgfmt_version()
    digests = {path: _digest(path) for path in corpus_catalogs}
    cached = _cached_verdicts(version)
    unknown = [path for path in corpus_catalogs if digests[path] not in cached]
    loops = _start_msgfmt(unknown)
    ours = set()
    for path in corpus_catalogs:
        try:
            catalog = load_catalog(path)
        except InputError:  # unreadable (a syntax error, a duplicate): msgfmt refuses it too
            ours.add(path)
            continue
        if any(is_fatal(problem) for problem in msgfmt_problems(catalog.po, catalog.path)):
            ours.add(path)
    rejected = set()
    for loop in loops:
        output, _ = loop.communicate()
        assert loop.returncode == 0
        rejected.update(Path(line) for line in output.splitlines())
    verdicts = {**cached, **{digests[path]: path in rejected for path in unknown}}
    VERDICTS.write_text(json.dumps({"msgfmt": version, "verdicts": verdicts}), encoding="utf-8")
    theirs = {path for path in corpus_catalogs if verdicts[digests[path]]}
    assert len(corpus_catalogs) > 500
    assert theirs, "the corpus holds catalogs msgfmt rejects: the test must see some"
    assert sorted(map(str, ours - theirs)) == [], "rejected by workbench only"
    assert sorted(map(str, theirs - ours)) == [], "rejected by msgfmt only"
