"""Plural slots: which source each msgstr[i] translates, from the Plural-Forms header."""

from __future__ import annotations

import pytest
from babel.messages.plurals import get_plural

from workbench.core.catalogs.plurals import parse_plural_forms, plural_slots
from workbench.core.errors import InputError


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("az", [("one", True), ("other", False)]),
        ("ru", [("one", True), ("few", False), ("many", False)]),
        ("pl", [("one", True), ("few", False), ("many", False)]),
        ("ja", [("other", False)]),  # one form for every number reads as the plural
        (
            "ar",
            [
                ("zero", False),
                ("one", True),
                ("two", False),
                ("few", False),
                ("many", False),
                ("other", False),
            ],
        ),
    ],
)
def test_slots_follow_cldr(lang, expected):
    slots = plural_slots(get_plural(lang).plural_forms, lang)
    assert [(slot.category, slot.singular) for slot in slots] == expected


def test_labels_show_example_numbers():
    one = plural_slots(get_plural("ru").plural_forms, "ru")[0]
    assert one.label == "one: 1, 21, 31…"


def test_a_broken_header_is_an_input_error():
    with pytest.raises(InputError):
        parse_plural_forms("nplurals=INTEGER; plural=EXPRESSION;")
