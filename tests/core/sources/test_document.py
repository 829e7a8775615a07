"""Documents: paragraphs, segment ids, lines and offsets, exact rebuild, and clear input errors."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from workbench.core.errors import InputError
from workbench.core.sources.document import load_document, parse_document, rebuild


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_seed_paragraphs_segment_ids_and_lines(seed_path) -> None:
    document = load_document(seed_path)
    assert document.lang == "fr"
    assert document.name == "azertac-2020-06-27"
    assert [len(paragraph.segments) for paragraph in document.paragraphs] == [
        1, 2, 4, 1, 1, 1, 3, 2, 1, 1, 1,
    ]  # fmt: skip
    for paragraph in document.paragraphs:
        numbers = [segment.id for segment in paragraph.segments]
        assert numbers == [f"{paragraph.index + 1}.{n}" for n in range(1, len(numbers) + 1)]
        # Paragraphs are one line each, separated by one blank line: lines 1, 3, 5, ...
        assert {segment.line for segment in paragraph.segments} == {2 * paragraph.index + 1}
        assert all(segment.paragraph == paragraph.index for segment in paragraph.segments)
    assert [segment.id for segment in document][:4] == ["1.1", "2.1", "2.2", "3.1"]


def test_seed_offsets_point_at_the_segment_text(seed_path, seed_text) -> None:
    document = load_document(seed_path)
    assert document.text == seed_text
    segments = document.segments
    for segment in segments:
        assert seed_text[segment.start : segment.end] == segment.text
    # The dateline starts after one space; the last sentence ends the file (no final newline).
    assert segments[0].start == 1
    assert segments[-1].end == len(seed_text)
    assert segments[-1].text.endswith("a estimé H.Hadjiyev.")
    for before, after in itertools.pairwise(segments):
        assert before.end < after.start
        assert seed_text[before.end : after.start].isspace()


def test_rebuild_with_nothing_translated_gives_back_the_seed_exactly(seed_path, seed_text) -> None:
    assert rebuild(load_document(seed_path), {}) == seed_text


def test_rebuild_replaces_segments_and_keeps_layout(tmp_path) -> None:
    path = write(tmp_path, "note.fr.txt", " Bonjour. Au revoir.\n\n  Merci !\n")
    document = load_document(path)
    assert rebuild(document, {"Bonjour.": "Hello.", "Merci !": "Thanks!"}) == (
        " Hello. Au revoir.\n\n  Thanks!\n"
    )
    assert rebuild(document, lambda segment: segment.id) == " 1.1 1.2\n\n  2.1\n"


def test_bom_is_removed_and_rebuild_gives_the_text_without_it(tmp_path) -> None:
    original = "Première phrase. Seconde phrase.\n"
    document = load_document(write(tmp_path, "bom.fr.txt", "\ufeff" + original))
    assert document.text == original
    assert [(segment.start, segment.text) for segment in document] == [
        (0, "Première phrase."),
        (17, "Seconde phrase."),
    ]
    assert rebuild(document, {}) == original


def test_crlf_paragraphs_lines_and_exact_rebuild(tmp_path) -> None:
    original = (
        "Une phrase coupée\r\nsur deux lignes. Une autre.\r\n"
        "\r\n"
        "  \r\n"
        "Nouveau paragraphe,\r\nlui aussi coupé.\r\n"
    )
    path = write(tmp_path, "crlf.fr.txt", original)
    document = load_document(path)
    assert [(segment.id, segment.line, segment.text) for segment in document] == [
        ("1.1", 1, "Une phrase coupée sur deux lignes."),
        ("1.2", 2, "Une autre."),
        ("2.1", 5, "Nouveau paragraphe, lui aussi coupé."),
    ]
    assert len(document.paragraphs) == 2
    assert "\r" not in "".join(segment.text for segment in document)
    assert rebuild(document, {}) == original
    assert path.read_bytes() == original.encode("utf-8")


def test_sentence_wrapped_over_two_lines_is_one_segment_with_one_space() -> None:
    text = "Le président a parlé\n   de la pandémie. Puis il est parti."
    document = parse_document(text, "fr")
    assert [segment.text for segment in document] == [
        "Le président a parlé de la pandémie.",
        "Puis il est parti.",
    ]
    assert document.segments[0].line == 1
    assert document.segments[1].line == 2
    assert text[document.segments[0].start : document.segments[0].end].count("\n") == 1


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("article.fr.txt", None, "fr"),
        ("article.az.txt", None, "az"),
        ("article.en.txt", None, "en"),
        ("article.pt-BR.txt", None, "pt_BR"),
        ("article.fr.txt", "en", "en"),
        ("article.txt", "az", "az"),
    ],
)
def test_language_from_file_name_or_argument(tmp_path, name, lang, expected) -> None:
    document = load_document(write(tmp_path, name, "Bonjour."), lang)
    assert document.lang == expected
    assert document.name == "article"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        pytest.param(lambda tmp: (tmp / "missing.fr.txt", None), "not found", id="missing"),
        pytest.param(lambda tmp: (tmp, None), "is a directory", id="directory"),
        pytest.param(
            lambda tmp: (write(tmp, "latin.fr.txt", "Été.".encode("latin-1")), None),
            "is not UTF-8 (byte 0xc9 on line 1)",
            id="not-utf8",
        ),
        pytest.param(lambda tmp: (write(tmp, "e.fr.txt", b""), None), "is empty", id="empty"),
        pytest.param(
            lambda tmp: (write(tmp, "w.fr.txt", " \r\n\n\t \u00a0\n"), None),
            "is empty",
            id="whitespace-only",
        ),
        pytest.param(
            lambda tmp: (write(tmp, "a.fr.txt", "A."), "xx"),
            "unknown language code 'xx'",
            id="unknown-language-argument",
        ),
        pytest.param(
            lambda tmp: (write(tmp, "plain.txt", "A."), None),
            "cannot tell the language of plain.txt",
            id="no-language-in-name",
        ),
        pytest.param(
            lambda tmp: (write(tmp, "b.zz.txt", "A."), None),
            "cannot tell the language of b.zz.txt",
            id="unknown-language-in-name",
        ),
    ],
)
def test_bad_input_is_an_input_error_with_a_one_line_message(tmp_path, make, expected) -> None:
    path, lang = make(tmp_path)
    with pytest.raises(InputError) as caught:
        load_document(path, lang)
    message = str(caught.value)
    assert expected in message
    assert "\n" not in message
