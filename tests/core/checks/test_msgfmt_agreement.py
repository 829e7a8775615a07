"""msgfmt-grade validation: workbench's fatal verdict against GNU `msgfmt -c` itself.

Each case is a small catalog msgfmt rejects (one per fatal class) or accepts (the lenient rules
that a naive checker gets wrong); both tools must say the same. Needs GNU gettext.
"""

import subprocess

import pytest

from workbench.core.catalogs.pofile import load_catalog
from workbench.core.checks import is_fatal, msgfmt_problems

HEADER = """msgid ""
msgstr ""
"Project-Id-Version: test\\n"
"Language: fr\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: {plural}\\n"

"""
FRENCH = "nplurals=2; plural=(n > 1);"
ENGLISH = "nplurals=2; plural=(n != 1);"
SERBIAN = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
    "n%100>=20) ? 1 : 2);"
)


def entry(msgid, msgstr, flags=""):
    flag_line = f"#, {flags}\n" if flags else ""
    return f'{flag_line}msgid "{msgid}"\nmsgstr "{msgstr}"\n'


def plural(msgid, msgid_plural, *forms, flags=""):
    flag_line = f"#, {flags}\n" if flags else ""
    lines = "".join(f'msgstr[{i}] "{form}"\n' for i, form in enumerate(forms))
    return f'{flag_line}msgid "{msgid}"\nmsgid_plural "{msgid_plural}"\n{lines}'


def catalog(*entries, plural_forms=FRENCH):
    return HEADER.format(plural=plural_forms) + "\n".join(entries)


REJECTED = {
    "no header": entry("a", "b"),
    "empty header": 'msgid ""\nmsgstr ""\n\n' + entry("a", "b"),
    "plural entries, no Plural-Forms": HEADER.replace('"Plural-Forms: {plural}\\n"\n', "").format()
    + plural("a file", "files", "x", "y"),
    "invalid plural expression": catalog(entry("a", "b"), plural_forms="nplurals=2; plural=n>>>1;"),
    "invalid nplurals": catalog(entry("a", "b"), plural_forms="nplurals=x; plural=n != 1;"),
    "formula past nplurals": catalog(entry("a", "b"), plural_forms="nplurals=2; plural=n;"),
    "formula negative": catalog(entry("a", "b"), plural_forms="nplurals=2; plural=n-5;"),
    "formula divides by zero": catalog(entry("a", "b"), plural_forms="nplurals=2; plural=n/0;"),
    "more forms than nplurals": catalog(plural("a file", "files", "x", "y", "z")),
    "fewer forms than nplurals": catalog(plural("a file", "files", "x", "y"), plural_forms=SERBIAN),
    "python-format name lost": catalog(entry("%(name)s left", "parti", "python-format")),
    "python-format name added": catalog(entry("%(a)s", "%(a)s %(b)s", "python-format")),
    "python-format type changed": catalog(entry("%(a)s", "%(a)d", "python-format")),
    "python-format unnamed reordered": catalog(entry("%s of %d", "%d de %s", "python-format")),
    "python-format mapping vs tuple": catalog(entry("%(a)s", "%s", "python-format")),
    "python-format invalid translation": catalog(entry("%(a)s", "%(a)s 50%", "python-format")),
    "python-format space flag": catalog(entry("%(a)s", "%(a)s 50% de", "python-format")),
    "python-brace-format name lost": catalog(entry("{a} and {b}", "{b}", "python-brace-format")),
    "python-brace-format unclosed": catalog(entry("{a}", "{a} {", "python-brace-format")),
    "c-format unnumbered reordered": catalog(entry("%s x %d", "%d %s", "c-format")),
    "c-format %% lost": catalog(entry("100%% x", "100% x", "c-format")),
    "c-format size changed": catalog(entry("%ld", "%d", "c-format")),
    "c-format hole in numbers": catalog(entry("%s %s", "%2$s", "c-format")),
    "javascript-format lost": catalog(entry("%s selected", "choisi", "javascript-format")),
    "begins with newline": catalog(entry("\\nx", "y")),
    "ends with newline": catalog(entry("x", "y\\n")),
    "msgid_plural ends with newline": catalog(plural("a", "as\\n", "x", "y\\n")),
    "plural form strictly checked": catalog(
        plural(
            "%(n)s file",
            "%(n)s files",
            "fichier",
            "%(n)s fichiers",
            "%(n)s f",
            flags="python-format",
        ),
        plural_forms=SERBIAN,
    ),
    "plural form other than the one-number form": catalog(
        plural("one a", "%d as", "%d x", "y", flags="c-format"), plural_forms=ENGLISH
    ),
}

ACCEPTED = {
    "clean": catalog(entry("a", "b"), plural("a file", "files", "x", "y")),
    "fuzzy entry with a broken format": catalog(
        entry("%(a)s x", "y", "fuzzy, python-format"), entry("x\\n", "y", "fuzzy")
    ),
    "no-python-format": catalog(entry("%(a)s x", "y", "no-python-format")),
    "unflagged placeholders": catalog(entry("%(a)s x", "y")),
    "untranslated": catalog(entry("%s x", "", "c-format"), entry("x\\n", "")),
    "untranslated plural with a wrong count": catalog(plural("a", "as", "", "", "")),
    "plural whose first form is empty": catalog(plural("a", "as", "", "y", "z")),
    "fuzzy plural with a wrong count": catalog(plural("a", "as", "x", "y", "z", flags="fuzzy")),
    "obsolete": catalog('#~ msgid "a"\n#~ msgid_plural "as"\n#~ msgstr[0] "x"\n'),
    "c-format numbered reorder": catalog(entry("%s x %d", "%2$d %1$s", "c-format")),
    "c-format %% kept": catalog(entry("100%% x %s", "100 %s", "c-format")),
    "python-format types of one class": catalog(
        entry("%(a)s %(b)d %(c)f", "%(a)r %(b)x %(c)g", "python-format")
    ),
    "python-format empty precision": catalog(entry("%(v)s", "%(v).s", "python-format")),
    "python-format named repeated": catalog(entry("%(a)s", "%(a)s %(a)s", "python-format")),
    "python-brace-format reordered": catalog(entry("{0} x {1}", "{1} {0}", "python-brace-format")),
    "python-brace-format conversion and spec": catalog(
        entry("{a!r} x {b:>8}", "{a} {b}", "python-brace-format")
    ),
    "invalid msgid is not checked": catalog(entry("50% x %(a)s", "y", "python-format")),
    "one-number plural form may omit the number": catalog(
        plural("one file", "%(n)s files", "un fichier", "%(n)s fichiers", flags="python-format"),
        plural_forms=ENGLISH,
    ),
    "missing charset only warns": HEADER.replace("; charset=UTF-8", "").format(plural=FRENCH)
    + entry("a", "b"),
    "plural header without plural entries": catalog(entry("a", "b"), plural_forms="nplurals=2;"),
}


def _msgfmt_rejects(path):
    result = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    return result.returncode != 0


def _workbench_rejects(path):
    loaded = load_catalog(path)
    return [p for p in msgfmt_problems(loaded.po, loaded.path) if is_fatal(p)]


@pytest.mark.parametrize("name", list(REJECTED))
def test_catalogs_msgfmt_rejects_are_fatal_for_workbench(tmp_path, name):
    path = tmp_path / "case.po"
    path.write_text(REJECTED[name], encoding="utf-8")
    assert _msgfmt_rejects(path), "the case must be one msgfmt -c rejects"
    problems = _workbench_rejects(path)
    assert problems
    assert all(problem.line >= 1 for problem in problems)


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_catalogs_msgfmt_accepts_pass_workbench(tmp_path, name):
    path = tmp_path / "case.po"
    path.write_text(ACCEPTED[name], encoding="utf-8")
    assert not _msgfmt_rejects(path), "the case must be one msgfmt -c accepts"
    assert _workbench_rejects(path) == []


def test_problems_name_the_entry_line_and_what_is_wrong(tmp_path):
    path = tmp_path / "case.po"
    path.write_text(
        catalog(entry("a", "b"), entry("%(name)s left", "parti", "python-format")),
        encoding="utf-8",
    )
    [problem] = _workbench_rejects(path)
    assert (problem.line, problem.check) == (13, "formats")  # where the entry starts
    assert "'name'" in problem.message and "msgstr" in problem.message
    path.write_text(catalog(plural("a file", "files", "x", "y", "z")), encoding="utf-8")
    [problem] = _workbench_rejects(path)
    assert (problem.check, problem.line) == ("pluralforms", 10)
    assert "3 plural forms" in problem.message and "nplurals = 2" in problem.message
