"""Class 2 (and the encodings that were already handled): documents that are not regular files,
too big, not text, or with nothing to translate are refused at once, in one line, with nothing
written. Every command that reads a document is tried."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from workbench.core import textio

# Commands that read a source document, each refusing before it writes anything.
COMMANDS = {
    "translate": ("translate", "{doc}", "--from", "fr", "--to", "en", "--no-mt", "--no-tm"),
    "export": ("export", "{doc}", "--from", "fr", "--lang", "en"),
    "align": ("align", "{doc}", "other.en.txt", "--from", "fr", "--no-mt", "--tm", "tm.sqlite"),
}


def run_on(refused, command: str, doc: Path | str) -> str:
    Path("other.en.txt").write_text("Baku, June 27.\n", encoding="utf-8")
    return refused(*(part.format(doc=doc) for part in COMMANDS[command]))


@pytest.mark.parametrize("command", COMMANDS)
def test_a_fifo_is_refused_at_once(project, refused, command):
    os.mkfifo("pipe.fr.txt")  # reading it would wait forever for a writer
    assert "named pipe (FIFO), not a regular file" in run_on(refused, command, "pipe.fr.txt")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_character_device_is_refused(project, refused, command, device):
    assert "character device, not a regular file" in run_on(refused, command, device)


def test_a_socket_is_refused(project, refused):
    with socket.socket(socket.AF_UNIX) as server:
        server.bind("sock.fr.txt")
        assert "socket, not a regular file" in run_on(refused, "translate", "sock.fr.txt")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_document_over_the_size_limit_is_refused_without_reading_it(project, refused, command):
    with Path("huge.fr.txt").open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(textio.MAX_INPUT_BYTES + 1)
    assert "over the 64 MiB limit" in run_on(refused, command, "huge.fr.txt")


def test_a_document_at_the_size_limit_is_read(project, monkeypatch):
    monkeypatch.setattr(textio, "MAX_INPUT_BYTES", 10)
    Path("ten.txt").write_bytes(b"0123456789")
    assert textio.read_text(Path("ten.txt")) == "0123456789"
    Path("eleven.txt").write_bytes(b"0123456789A")
    with pytest.raises(textio.InputError, match="over the 0 MiB limit"):
        textio.read_text(Path("eleven.txt"))


CONTROL_CHARACTERS = [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]


@pytest.mark.parametrize("code", CONTROL_CHARACTERS, ids=lambda code: f"U+{code:04X}")
def test_a_control_character_is_refused_with_its_line_and_column(project, refused, code):
    text = f"Première phrase.\n\nDeux{chr(code)}ième phrase.\n"
    Path("ctl.fr.txt").write_text(text, encoding="utf-8")
    error = run_on(refused, "translate", "ctl.fr.txt")
    assert f"control character (U+{code:04X}) on line 3, column 5" in error


@pytest.mark.parametrize("command", ["export", "align"])
def test_a_nul_is_refused_by_every_command(project, refused, command):
    Path("nul.fr.txt").write_bytes(b"Bonjour\x00 le monde.\n")
    assert "on line 1, column 8" in run_on(refused, command, "nul.fr.txt")


@pytest.mark.parametrize("code", [0x09, 0x0A, 0x0B, 0x0C, 0x0D], ids=lambda code: f"U+{code:04X}")
def test_white_space_controls_are_text(project, run, code):
    Path("ws.fr.txt").write_text(f"Une phrase.{chr(code)}Une autre.\n", encoding="utf-8")
    result = run("translate", "ws.fr.txt", "--to", "en", "--no-mt", "--no-tm")
    assert result.exit_code == 0, result.output


INVISIBLE = {
    "nbsp": "\u00a0",
    "ideographic space": "\u3000",
    "zero-width space": "\u200b",
    "bom": "\ufeff",
    "word joiner": "\u2060",
    "zero-width joiner": "\u200d",
    "soft hyphen": "\u00ad",
    "mixed": "\ufeff\u00a0\u200b \u3000\t\u200b",
    "mixed lines": "\u200b\n\n\u00a0\n\u3000\r\n\ufeff",
    "blank": "  \n\t\n",
    "nothing": "",
}


@pytest.mark.parametrize("text", INVISIBLE.values(), ids=INVISIBLE.keys())
@pytest.mark.parametrize("command", ["translate", "align"])
def test_a_document_of_invisible_characters_is_empty(project, refused, text, command):
    Path("blank.fr.txt").write_text(text, encoding="utf-8")
    assert "is empty: there is no sentence to translate" in run_on(refused, command, "blank.fr.txt")


def test_invisible_paragraphs_between_sentences_are_not_segments(project):
    from workbench.core.sources.document import load_document

    Path("gaps.fr.txt").write_text("Un.\n\n\u200b\u00a0\n\nDeux.\n\n\ufeff\n", encoding="utf-8")
    assert [s.text for s in load_document(Path("gaps.fr.txt"))] == ["Un.", "Deux."]


NOT_UTF8 = {
    "latin-1": "Le président a parlé.\n".encode("latin-1"),
    "utf-16 with bom": "Le président.\n".encode("utf-16"),
    "cp1252 quotes": b"\x93Bonjour\x94.\n",
    "lone continuation byte": b"Bonjour \x80.\n",
    "truncated sequence": "Bakı".encode()[:-1] + b"\n",
    "overlong slash": b"a\xc0\xafb.\n",
    "encoded surrogate": b"a\xed\xa0\x80b.\n",
    "beyond U+10FFFF": b"a\xf4\x90\x80\x80b.\n",
}


@pytest.mark.parametrize("data", NOT_UTF8.values(), ids=NOT_UTF8.keys())
@pytest.mark.parametrize("command", COMMANDS)
def test_a_document_that_is_not_utf8_is_refused_with_its_line(project, refused, data, command):
    Path("enc.fr.txt").write_bytes(data)
    assert "is not UTF-8" in run_on(refused, command, "enc.fr.txt")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_or_a_missing_file_is_one_line(project, refused, command):
    Path("folder.fr.txt").mkdir()
    assert "is a directory" in run_on(refused, command, "folder.fr.txt")
    assert "not found" in run_on(refused, command, "absent.fr.txt")
