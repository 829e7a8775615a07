"""Language codes and the facts CLDR knows about them (names, plural forms), via babel."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

from workbench.core.errors import InputError


@lru_cache(maxsize=256)
def normalise_language(code: str) -> str:
    """A CLDR-known language code in gettext form (`fr`, `pt_BR`); InputError otherwise."""
    cleaned = code.strip().replace("-", "_")
    try:
        locale = Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError):
        raise InputError(
            f"unknown language code '{code}'; use an ISO 639 code such as fr, en or az"
        ) from None
    return str(locale)


def language_name(code: str, in_language: str = "en") -> str:
    """The language's name, in English by default ("Azerbaijani")."""
    return Locale.parse(normalise_language(code)).get_display_name(in_language) or code


def plural_forms(code: str) -> str:
    """The gettext Plural-Forms header value for the language, from CLDR."""
    return get_plural(normalise_language(code)).plural_forms


def language_and_base(code: str) -> tuple[str, ...]:
    """`en_GB` -> ("en_GB", "en"); `fr` -> ("fr",): the codes a model may be filed under, most
    specific first (Argos packages are mostly per language, not per region)."""
    base = code.replace("-", "_").partition("_")[0]
    return (code,) if base == code else (code, base)
