"""Class 3: nothing is written outside the output. A --domain is a plain name; a catalog that is
a symlink is written through to its target; stale temporary files of a killed run are swept."""

from __future__ import annotations

import os
import time
from pathlib import Path

import polib
import pytest

from workbench.core.errors import OutputError
from workbench.core.textio import STALE_TEMP_SECONDS, atomic_write, remove_stale_temp_files

BAD_DOMAINS = {
    "parent": "../x",
    "climbs out": "../../../../../x",
    "absolute": "/tmp/workbench-hostile-x",
    "subfolder": "a/b",
    "dot dot": "..",
    "dot": ".",
    "hidden": ".x",
    "backslash": "a\\..\\..\\x",
    "blank": " ",
    "nul": "x\0y",
}

DOMAIN_COMMANDS = {
    "translate": ("translate", "doc.fr.txt", "--to", "en", "--no-mt", "--no-tm"),
    "export": ("export", "doc.fr.txt", "--lang", "en"),
    "import": ("import", "incoming.po", "--no-tm"),
}


@pytest.mark.parametrize("domain", BAD_DOMAINS.values(), ids=BAD_DOMAINS.keys())
@pytest.mark.parametrize("command", DOMAIN_COMMANDS)
def test_a_domain_that_is_not_a_plain_name_is_refused(project, refused, command, domain):
    polib.POFile().save("incoming.po")
    error = refused(*DOMAIN_COMMANDS[command], "--domain", domain)
    assert "is not a plain catalog name" in error
    assert not Path("/tmp/workbench-hostile-x.pot").exists()


def test_a_plain_domain_is_used(project, run):
    result = run("translate", "doc.fr.txt", "--to", "en", "--no-mt", "--no-tm", "--domain", "news")
    assert result.exit_code == 0, result.output
    assert Path("locales/en/LC_MESSAGES/news.po").is_file()


def _translate(run):
    result = run("translate", "doc.fr.txt", "--to", "en", "--no-mt", "--no-tm")
    assert result.exit_code == 0, result.output


LINKS = {
    "relative": lambda target, link: link.symlink_to(os.path.relpath(target, link.parent)),
    "absolute": lambda target, link: link.symlink_to(target.resolve()),
    "chain": lambda target, link: (
        link.with_name("hop.po").symlink_to(target.resolve()),
        link.symlink_to("hop.po"),
    ),
}


@pytest.mark.parametrize("make_link", LINKS.values(), ids=LINKS.keys())
def test_a_catalog_that_is_a_symlink_is_written_through(project, run, make_link):
    _translate(run)
    catalog = Path("locales/en/LC_MESSAGES/doc.po")
    shared = project.parent / "shared" / "doc.po"
    shared.parent.mkdir()
    catalog.replace(shared)
    make_link(shared, catalog)
    Path("doc.fr.txt").write_text("Une phrase nouvelle.\n", encoding="utf-8")
    _translate(run)
    assert catalog.is_symlink(), "the link was replaced by a file"
    assert "Une phrase nouvelle." in {entry.msgid for entry in polib.pofile(str(shared))}
    assert not list(shared.parent.glob(".*.tmp")) and not list(catalog.parent.glob(".*.tmp"))


def test_a_symlink_loop_is_refused(tmp_path):
    loop = tmp_path / "loop.po"
    loop.symlink_to("loop.po")
    with pytest.raises(OutputError, match="symlink loop"):
        atomic_write(loop, "x")
    assert loop.is_symlink()


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.po"
    link.symlink_to("real.po")
    atomic_write(link, "new")
    assert link.is_symlink() and (tmp_path / "real.po").read_text() == "new"


def _dead_pid() -> int:
    pid = 4_000_000  # above any pid_max: no such process
    return pid


STALE = STALE_TEMP_SECONDS + 60
TEMP_CASES = {
    # name pattern, age in seconds, removed?
    "a dead run's old file": (".doc.po.{dead}-abcd_123.tmp", STALE, True),
    "a dead run's fresh file": (".doc.po.{dead}-abcd_123.tmp", 5, False),
    "a live process's old file": (".doc.po.{live}-abcd_123.tmp", STALE, False),
    "another file's temporary": (".other.po.{dead}-abcd_123.tmp", STALE, False),
    "not our pattern": (".doc.po.backup.tmp", STALE, False),
    "no pid": (".doc.po.abcd_123.tmp", STALE, False),
    "a folder": (".doc.po.{dead}-abcdefgh.tmp/", STALE, False),
}


@pytest.mark.parametrize(("pattern", "age", "removed"), TEMP_CASES.values(), ids=TEMP_CASES.keys())
def test_stale_temporary_files_are_swept_by_the_next_write(tmp_path, pattern, age, removed):
    name = pattern.format(dead=_dead_pid(), live=os.getppid())
    temp = tmp_path / name.rstrip("/")
    if name.endswith("/"):
        temp.mkdir()
    else:
        temp.write_text("half a catalog")
    then = time.time() - age
    os.utime(temp, (then, then))
    atomic_write(tmp_path / "doc.po", "whole")
    assert temp.exists() is not removed
    assert (tmp_path / "doc.po").read_text() == "whole"


def test_a_killed_translate_leaves_nothing_after_the_next_run(project, run):
    _translate(run)
    folder = Path("locales/en/LC_MESSAGES")
    leftover = folder / f".doc.po.{_dead_pid()}-k1ll3d_x.tmp"
    leftover.write_text('msgid "torn')
    then = time.time() - STALE
    os.utime(leftover, (then, then))
    Path("doc.fr.txt").write_text("Autre chose.\n", encoding="utf-8")
    _translate(run)
    assert not leftover.exists()


def test_sweeping_reports_what_it_removed(tmp_path):
    temp = tmp_path / f".a.po.{_dead_pid()}-zzzzzzzz.tmp"
    temp.write_text("x")
    assert remove_stale_temp_files(tmp_path / "a.po", older_than=0) == [temp]
