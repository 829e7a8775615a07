"""Classes 5 and 6 (memory): a damaged memory stops `tm import`, `tm add`, `align` and
`import` before anything is written; `import` checks the memory can take the approvals before
it rewrites the catalog; a memory that cannot be written still serves lookups and export."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.hostile.conftest import snapshot
from tests.support.po_catalogs import write_catalog
from workbench.core.memory import MemoryUnit, TranslationMemory
from workbench.core.memory import database as memory_module
from workbench.core.memory.tmx import write_tmx

LOCAL = "locales/en/LC_MESSAGES/doc.po"


@pytest.fixture(scope="module")
def healthy_memory(tmp_path_factory) -> bytes:
    """The bytes of a memory of 3,000 units: big enough that damage can sit in pages an
    insert never reads."""
    path = tmp_path_factory.mktemp("memory") / "tm.sqlite"
    with TranslationMemory(path) as memory:
        memory.add_many(
            MemoryUnit(f"phrase numéro {i}", f"sentence number {i}", "fr", "en", "import")
            for i in range(3000)
        )
    return path.read_bytes()


def _damaged_pages(data: bytes) -> bytes:
    damaged = bytearray(data)
    for offset in range(4096 * 3, len(damaged) - 4096, 4096 * 5):
        damaged[offset + 100 : offset + 400] = bytes(range(256)) + bytes(44)
    return bytes(damaged)


def _other_database(_: bytes) -> bytes:
    scratch = Path(os.environ["XDG_DATA_HOME"]) / "other.sqlite"
    with sqlite3.connect(scratch) as connection:
        connection.execute("CREATE TABLE notes (text)")
    connection.close()
    return scratch.read_bytes()


CORRUPTIONS = {
    "random bytes": lambda data: bytes(range(256)) * 16,
    "a SQLite header then garbage": lambda data: data[:100] + bytes(range(256)) * 16,
    "damaged pages inside": _damaged_pages,
    "cut in half": lambda data: data[: len(data) // 2],
    "zeroed after the header": lambda data: data[:4096] + bytes(len(data) - 4096),
    "another program's database": _other_database,
}


@pytest.fixture
def catalogs(project):
    write_catalog(project / LOCAL, [("Bonjour.", "")], language="en")
    write_catalog(project / "poedit" / "doc.po", [("Bonjour.", "Hello.")], language="en")
    write_tmx(project / "in.tmx", [MemoryUnit("Merci.", "Thanks.", "fr", "en", "tmx")], "fr")
    Path("doc.en.txt").write_text("Baku, June 27. The president spoke.\n\nIt began.\n")
    return project


WRITERS = {
    "tm import": ("tm", "import", "in.tmx"),
    "tm add": ("tm", "add", "poedit/doc.po", "--from", "fr"),
    "align": ("align", "doc.fr.txt", "doc.en.txt", "--no-mt"),
    "import": ("import", "poedit/doc.po", "--from", "fr"),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
@pytest.mark.parametrize("command", WRITERS)
def test_a_damaged_memory_stops_every_writer(catalogs, refused, healthy_memory, corrupt, command):
    Path("tm.sqlite").write_bytes(corrupt(healthy_memory))
    error = refused(*WRITERS[command], "--tm", "tm.sqlite")
    assert "tm.sqlite" in error


@pytest.fixture
def locked_memory(catalogs, monkeypatch):
    """A memory another program holds the write lock on (and a short wait for it)."""
    with TranslationMemory(Path("tm.sqlite")):
        pass
    monkeypatch.setattr(
        TranslationMemory.__init__, "__kwdefaults__", {"timeout": 0.05, "read_only": False}
    )
    holder = sqlite3.connect("tm.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield Path("tm.sqlite")
    holder.execute("ROLLBACK")
    holder.close()


def test_import_leaves_the_catalog_alone_when_the_memory_is_locked(locked_memory, refused):
    before = snapshot(Path.cwd())
    assert "is locked by another program" in refused(
        "import", "poedit/doc.po", "--from", "fr", "--tm", locked_memory
    )
    assert snapshot(Path.cwd()) == before  # the catalog was not rewritten


def test_align_writes_no_tmx_when_the_memory_is_locked(locked_memory, refused):
    error = refused(
        "align", "doc.fr.txt", "doc.en.txt", "--no-mt", "--tm", locked_memory, "--tmx", "out.tmx"
    )
    assert "is locked by another program" in error
    assert not Path("out.tmx").exists()


@pytest.fixture
def unwritable_memory(catalogs, monkeypatch):
    """A memory on what looks like a read-only file system (the tests run as root, for whom
    permissions do not apply, so `os.access` answers as a read-only mount would)."""
    path = Path("read-only/tm.sqlite")
    with TranslationMemory(path) as memory:
        memory.add("Bonjour.", "Hello.", "fr", "en", origin="catalog")
    real_access = os.access
    folder = path.parent.resolve()

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and Path(path).resolve() in {folder, folder / "tm.sqlite"}:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(memory_module.os, "access", access)
    return path


READERS = {
    "tm stats": (("tm", "stats"), 0, "1 units"),
    "tm lookup": (("tm", "lookup", "Bonjour.", "--from", "fr", "--to", "en"), 0, "Hello."),
    "tm lookup, no match": (("tm", "lookup", "Rien.", "--from", "fr", "--to", "en"), 1, "no match"),
    "tm export": (("tm", "export", "out.tmx", "--from", "fr", "--to", "en"), 0, "1 fr→en units"),
}


@pytest.mark.parametrize(("command", "code", "said"), READERS.values(), ids=READERS.keys())
def test_a_read_only_memory_serves_lookups_and_export(unwritable_memory, run, command, code, said):
    before = unwritable_memory.read_bytes()
    result = run(*command, "--tm", unwritable_memory)
    assert result.exit_code == code, result.output
    assert said in result.output
    assert unwritable_memory.read_bytes() == before


WANTS_TO_WRITE = {
    "translate": ("translate", "doc.fr.txt", "--to", "en", "--no-mt"),
    "tm add": WRITERS["tm add"],
    "tm import": WRITERS["tm import"],
    "import": WRITERS["import"],
}


@pytest.mark.parametrize("command", WANTS_TO_WRITE.values(), ids=WANTS_TO_WRITE.keys())
def test_writing_to_a_read_only_memory_is_one_line(unwritable_memory, refused, command):
    error = refused(*command, "--tm", unwritable_memory)
    assert "it or its folder is read-only; pass --no-tm" in error


def test_lookups_in_a_missing_memory_say_how_to_fill_it(catalogs, refused):
    assert "there is no translation memory at" in refused("tm", "stats", "--tm", "none.sqlite")


SPECIAL_FILES = {"a FIFO": "fifo", "/dev/zero": "/dev/zero", "/dev/null": "/dev/null"}


@pytest.mark.parametrize("where", SPECIAL_FILES.values(), ids=SPECIAL_FILES.keys())
@pytest.mark.parametrize("command", [("tm", "stats"), WRITERS["tm import"]])
def test_a_memory_that_is_not_a_regular_file_is_refused_at_once(catalogs, refused, where, command):
    if where == "fifo":
        os.mkfifo("fifo")  # SQLite would wait forever for its header
    assert "is not a regular file" in refused(*command, "--tm", where)
