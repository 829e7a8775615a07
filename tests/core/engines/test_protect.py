"""Protection of what MT must not touch: format placeholders per flag, markup, URLs, edges."""

from __future__ import annotations

import pytest

from workbench.core.engines.protect import protected_spans, shield


def _pieces(text: str, flags=()) -> list[str]:
    return [text[start:end] for start, end in protected_spans(text, flags)]


@pytest.mark.parametrize(
    ("text", "flags", "pieces"),
    [
        ("Hello %(name)s and %s", ("python-format",), ["%(name)s", "%s"]),
        ("Copied %1$s to %2$s, %5.2f%%", ("c-format",), ["%1$s", "%2$s", "%5.2f", "%%"]),
        ("{count} files in {0:>8}", ("python-brace-format",), ["{count}", "{0:>8}"]),
        # Unflagged: only what is unmistakably a placeholder.
        ("Hello %(name)s, %s and {user}", (), ["%(name)s", "%s", "{user}"]),
        ("50 % off, 20 % more, 100%", (), []),
        # no-*-format: the string is not a format string, whatever it looks like.
        ("Save %s now", ("no-python-format",), []),
        ("{literal}", ("no-python-brace-format",), []),
        (
            'See <a href="https://x.org/a?b=1">the terms</a> &amp; write a@b.org',
            (),
            ['<a href="https://x.org/a?b=1">', "</a>", "&amp;", "a@b.org"],
        ),
        ("Visit https://x.org/help today.", (), ["https://x.org/help"]),
    ],
)
def test_protected_pieces(text, flags, pieces):
    assert _pieces(text, flags) == pieces


def test_a_faithful_translation_is_restored_exactly():
    source = "\nHello %(name)s, <b>{n}</b> files at https://x.org.\n"
    shielded = shield(source, ("python-format",))
    assert "%(name)s" not in shielded.text and "\n" not in shielded.text
    assert shielded.restore(shielded.text) == source
    lowered = shielded.text.replace("ZX", "zx").replace("Q", "q")
    assert shielded.restore(f"  {lowered} ") == source  # case, edge spaces


@pytest.mark.parametrize("change", ["drop", "duplicate", "invent"])
def test_a_lost_repeated_or_invented_placeholder_rejects_the_translation(change):
    shielded = shield("Copied %1$s to %2$s.", ("c-format",))
    text = {
        "drop": shielded.text.replace("ZX2Q", ""),
        "duplicate": shielded.text.replace("ZX2Q", "ZX1Q"),
        "invent": shielded.text + " ZX3Q",
    }[change]
    assert shielded.restore(text) is None
    lost = {"drop": ["%2$s"], "duplicate": ["%1$s", "%2$s"], "invent": []}[change]
    assert shielded.lost(text) == lost


def test_a_text_that_already_holds_placeholder_shapes_gets_another_shape():
    shielded = shield("ZX1Q costs %s", ())
    assert shielded.text.startswith("ZX1Q ") and "QZ1X" in shielded.text
    assert shielded.restore(shielded.text) == "ZX1Q costs %s"
