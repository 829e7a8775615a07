"""TMX 1.4b: translation memory units in and out, as OmegaT and Translate Toolkit write them.

Reading uses expat directly with everything that makes XML dangerous turned off: no DTD is
loaded, parameter entities are never parsed, and a document that declares entities (an
internal DTD subset), refers to external ones, or relies on entities it does not define is
refused before any of its text is used. A DOCTYPE that only names the TMX DTD, as OmegaT and
Translate Toolkit write it, is fine. Only the plain text of `<seg>` is kept: inline codes
(`<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>`) hold native markup, not translatable text.

Writing follows OmegaT: a header naming the tool and the source language, one `<tu>` per
pair with `<prop>`s for our origin and document, and the author and date as
`creationid`/`creationdate` (and `changeid`/`changedate`) on the target `<tuv>`. A unit's
context (a catalog entry's msgctxt) is `<prop type="x-context">`, as Translate Toolkit's TMX
store writes and reads it (`tmxunit.setcontext`/`getcontext`), so "May" the month and "May"
the verb stay two units through a TMX file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from xml.parsers import expat

from workbench import __version__
from workbench.core.errors import InputError
from workbench.core.languages import normalise_language
from workbench.core.memory.model import ORIGIN_TMX, MemoryUnit, language_group
from workbench.core.textio import atomic_write, decode_utf8, read_input_bytes

TMX_DATE = "%Y%m%dT%H%M%SZ"
ORIGIN_PROP = "x-origin"
DOCUMENT_PROP = "x-document"
CONTEXT_PROP = "x-context"  # Translate Toolkit's name for it
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline elements whose content is native code (markup of the original format), not text.
_CODE_ELEMENTS = frozenset({"bpt", "ept", "ph", "it", "ut"})
# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def read_tmx(path: Path) -> list[MemoryUnit]:
    """The translation units of a TMX file, one per source/target pair it holds."""
    path = Path(path)
    data = read_input_bytes(path, "TMX file")
    _check_encoding(data, path)
    reader = _TmxReader(path)
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = reader.doctype
    parser.EntityDeclHandler = reader.refuse_entities
    parser.UnparsedEntityDeclHandler = reader.refuse_entities
    parser.ExternalEntityRefHandler = reader.refuse_entities
    parser.SkippedEntityHandler = reader.refuse_entities
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    reader.parser = parser
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise InputError(
            f"{path} is not well-formed XML ({expat.errors.messages[error.code]} at line "
            f"{error.lineno}, column {error.offset + 1}); the file may be truncated or damaged"
        ) from None
    if not reader.seen_root:
        raise InputError(f"{path} has no <tmx> element: it is not a TMX file")
    return reader.units


def write_tmx(path: Path, units: Iterable[MemoryUnit], source_lang: str) -> int:
    """Write `units` as a TMX 1.4b file (atomically); returns how many were written.

    Units with characters XML cannot hold (control characters) are left out.
    """
    source_code = normalise_language(source_lang)
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root,
        "header",
        {
            "creationtool": "workbench",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "workbench",
            "adminlang": "en",
            "srclang": tmx_language(source_code),
            "datatype": "plaintext",
            "creationdate": datetime.now(UTC).strftime(TMX_DATE),
        },
    )
    body = ET.SubElement(root, "body")
    written = 0
    for unit in units:
        if _NOT_XML.search(unit.source) or _NOT_XML.search(unit.target):
            continue
        body.append(_tu(unit, source_code))
        written += 1
    ET.indent(root, space="  ")
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + ET.tostring(root, encoding="unicode") + "\n"
    )
    atomic_write(Path(path), text)
    return written


def tmx_language(code: str) -> str:
    """Our `pt_BR` as TMX (RFC 3066) writes it: `pt-BR`."""
    return normalise_language(code).replace("_", "-")


def _tu(unit: MemoryUnit, source_code: str) -> ET.Element:
    tu = ET.Element("tu")
    if language_group(unit.source_lang) != language_group(source_code):
        tu.set("srclang", tmx_language(unit.source_lang))
    ET.SubElement(tu, "prop", type=ORIGIN_PROP).text = unit.origin
    if unit.document:
        ET.SubElement(tu, "prop", type=DOCUMENT_PROP).text = unit.document
    if unit.context:
        ET.SubElement(tu, "prop", type=CONTEXT_PROP).text = unit.context
    source = ET.SubElement(tu, "tuv", {_XML_LANG: tmx_language(unit.source_lang)})
    ET.SubElement(source, "seg").text = unit.source
    moment = unit.created_at or datetime.now(UTC)
    if moment.tzinfo is None:  # naive times are UTC, as the memory stores them
        moment = moment.replace(tzinfo=UTC)
    stamp = moment.astimezone(UTC).strftime(TMX_DATE)
    author = unit.created_by or "translator"
    target = ET.SubElement(
        tu,
        "tuv",
        {
            _XML_LANG: tmx_language(unit.target_lang),
            "changeid": author,
            "changedate": stamp,
            "creationid": author,
            "creationdate": stamp,
        },
    )
    ET.SubElement(target, "seg").text = unit.target
    return tu


def _check_encoding(data: bytes, path: Path) -> None:
    """A file that says (or defaults to) UTF-8 but is not: say so, naming the bad byte."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM: expat reads it
        return
    declared = _DECLARED_ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
    if declared is None or declared.group(1).decode("ascii").lower().replace("_", "-") in {
        "utf-8",
        "utf8",
    }:
        decode_utf8(data, path, "TMX file")


@dataclass
class _Variant:
    lang: str
    attributes: dict[str, str]
    text: list[str] = field(default_factory=list)


@dataclass
class _Unit:
    attributes: dict[str, str]
    props: dict[str, str] = field(default_factory=dict)
    variants: list[_Variant] = field(default_factory=list)


class _TmxReader:
    """expat callbacks that turn <tu> elements into memory units as they close."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parser: expat.XMLParserType | None = None
        self.units: list[MemoryUnit] = []
        self.seen_root = False
        self.header: dict[str, str] = {}
        self._stack: list[str] = []
        self._unit: _Unit | None = None
        self._variant: _Variant | None = None
        self._prop: tuple[str, list[str]] | None = None
        self._code_depth = 0  # > 0 inside an inline code element
        self._in_seg = False

    # --- refusals ---------------------------------------------------------------------

    def doctype(
        self, name: str, system_id: str | None, public_id: str | None, internal: int
    ) -> None:
        if internal:
            raise InputError(
                f"refusing {self.path}: its DOCTYPE declares an internal DTD subset (entities "
                f"can expand without limit); TMX files never need one"
            )

    def refuse_entities(self, *_: object) -> None:
        raise InputError(
            f"refusing {self.path}: it declares or uses XML entities at line {self._line()}, "
            f"which TMX files never need"
        )

    # --- structure --------------------------------------------------------------------

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if not self._stack:
            if name != "tmx":
                raise InputError(f"{self.path} is XML but not TMX: its root element is <{name}>")
            self.seen_root = True
        parent = self._stack[-1] if self._stack else ""
        self._stack.append(name)
        if self._in_seg:
            if name in _CODE_ELEMENTS or self._code_depth:
                self._code_depth += 1
            return
        if name == "header" and parent == "tmx":
            self.header = dict(attributes)
        elif name == "tu":
            self._unit = _Unit(dict(attributes))
        elif name == "prop" and parent == "tu":
            self._prop = (attributes.get("type", ""), [])
        elif name == "tuv" and self._unit is not None:
            lang = attributes.get("xml:lang") or attributes.get("lang") or ""
            self._variant = _Variant(lang, dict(attributes))
        elif name == "seg" and self._variant is not None:
            self._in_seg = True

    def end(self, name: str) -> None:
        self._stack.pop()
        if self._in_seg:
            if self._code_depth:
                self._code_depth -= 1
                return
            if name == "seg":
                self._in_seg = False
            return
        if name == "prop" and self._prop is not None and self._unit is not None:
            kind, text = self._prop
            self._unit.props[kind] = "".join(text)  # as written: a context is matched exactly
            self._prop = None
        elif name == "tuv" and self._variant is not None and self._unit is not None:
            self._unit.variants.append(self._variant)
            self._variant = None
        elif name == "tu" and self._unit is not None:
            self.units.extend(self._units_of(self._unit))
            self._unit = None

    def text(self, data: str) -> None:
        if self._in_seg and not self._code_depth and self._variant is not None:
            self._variant.text.append(data)
        elif self._prop is not None:
            self._prop[1].append(data)

    # --- building units -----------------------------------------------------------------

    def _units_of(self, unit: _Unit) -> list[MemoryUnit]:
        variants = [v for v in unit.variants if "".join(v.text).strip()]
        if len(variants) < 2:
            return []
        declared = unit.attributes.get("srclang") or self.header.get("srclang", "")
        source = variants[0]
        if declared and declared.lower() != "*all*":
            wanted = self._language(declared)
            matching = [v for v in variants if self._language(v.lang) == wanted] or [
                v
                for v in variants
                if language_group(self._language(v.lang)) == language_group(wanted)
            ]
            if not matching:
                return []
            source = matching[0]
        source_lang = self._language(source.lang)
        origin = unit.props.get(ORIGIN_PROP, "").strip() or ORIGIN_TMX
        document = unit.props.get(DOCUMENT_PROP, "").strip() or None
        context = unit.props.get(CONTEXT_PROP) or None
        return [
            MemoryUnit(
                source="".join(source.text),
                target="".join(target.text),
                source_lang=source_lang,
                target_lang=self._language(target.lang),
                origin=origin,
                document=document,
                created_at=self._date(target, unit),
                created_by=self._author(target, unit),
                context=context,
            )
            for target in variants
            if target is not source
        ]

    def _language(self, code: str) -> str:
        if not code:
            raise InputError(
                f"{self.path}: a <tuv> near line {self._line()} has no xml:lang; "
                f"every variant must say its language"
            )
        try:
            return normalise_language(code)
        except InputError:
            raise InputError(
                f"{self.path}: unknown language '{code}' near line {self._line()}; "
                f"use codes such as fr, en-GB"
            ) from None

    def _date(self, target: _Variant, unit: _Unit) -> datetime | None:
        for attributes in (target.attributes, unit.attributes, self.header):
            for name in ("creationdate", "changedate"):
                value = attributes.get(name)
                if value:
                    try:
                        return datetime.strptime(value, TMX_DATE).replace(tzinfo=UTC)
                    except ValueError:
                        continue
        return None

    def _author(self, target: _Variant, unit: _Unit) -> str:
        for attributes in (target.attributes, unit.attributes, self.header):
            for name in ("creationid", "changeid"):
                if attributes.get(name):
                    return attributes[name]
        return "translator"

    def _line(self) -> int:
        return self.parser.CurrentLineNumber if self.parser is not None else 0
