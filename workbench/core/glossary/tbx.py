"""TBX (ISO 30042) term bases: read TBX v2 (martif, TBX-Basic) and v3 (tbx), write TBX v3.

Structure read: termEntry/conceptEntry -> langSet/langSec -> tig/ntig/termSec -> term, with
termNote type="administrativeStatus" (preferredTerm-admn-sts, admittedTerm-admn-sts,
deprecatedTerm-admn-sts, supersededTerm-admn-sts), "normativeAuthorization" (TBX v2),
"partOfSpeech" and "termType", and note / descrip (subjectField, definition).

The XML is parsed with expat directly and anything that could expand or fetch is refused
before it can: entity declarations (billion laughs, external entities), references to
undeclared entities and DOCTYPEs naming an external DTD. The one exception is the bare name of
the TBX core-structure DTD that TBX v2 files carry ("TBXcoreStructV02.dtd"): it is never
loaded, and refusing it would refuse most TBX-Basic exports.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from workbench.core.errors import InputError
from workbench.core.glossary.model import Concept, Glossary, Term, TermStatus
from workbench.core.languages import normalise_language
from workbench.core.textio import read_input_bytes

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_EXPAT_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
_KNOWN_DTD = re.compile(r"^TBX[\w.-]*\.dtd$", re.IGNORECASE)

_STATUS_READ = {
    "preferredterm-admn-sts": TermStatus.PREFERRED,
    "admittedterm-admn-sts": TermStatus.ADMITTED,
    "deprecatedterm-admn-sts": TermStatus.DEPRECATED,
    "supersededterm-admn-sts": TermStatus.DEPRECATED,
    "preferredterm": TermStatus.PREFERRED,  # TBX v2 normativeAuthorization
    "admittedterm": TermStatus.ADMITTED,
    "deprecatedterm": TermStatus.DEPRECATED,
    "supersededterm": TermStatus.DEPRECATED,
    "legalterm": TermStatus.PREFERRED,
    "regulatedterm": TermStatus.PREFERRED,
    "standardizedterm": TermStatus.PREFERRED,
}
_STATUS_WRITE = {
    TermStatus.PREFERRED: "preferredTerm-admn-sts",
    TermStatus.ADMITTED: "admittedTerm-admn-sts",
    TermStatus.DEPRECATED: "deprecatedTerm-admn-sts",
}


class _RefusedError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- safe XML -----------------------------------------------------------------------------


def parse_xml(data: bytes, origin: Path | str) -> ET.Element:
    """Elements (tags and attribute names without namespace, but `xml:lang`) of trusted-shape XML.

    Raises InputError for malformed XML and for anything that declares or references entities
    or points at an external DTD.
    """
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True

    def refuse_entities(*_: object) -> None:
        raise _RefusedError("it declares XML entities")

    def refuse_reference(*_: object) -> int:
        raise _RefusedError("it refers to an external or undeclared entity")

    def check_doctype(name: str, system_id: str | None, public_id: str | None, _: int) -> None:
        if public_id or (system_id and not _KNOWN_DTD.match(system_id)):
            raise _RefusedError(f"its DOCTYPE points at an external DTD ({system_id or public_id})")

    def start(name: str, attributes: dict[str, str]) -> None:
        builder.start(_local(name), {_attribute(key): value for key, value in attributes.items()})

    parser.EntityDeclHandler = refuse_entities
    parser.UnparsedEntityDeclHandler = refuse_entities
    parser.ExternalEntityRefHandler = refuse_reference
    parser.SkippedEntityHandler = refuse_reference
    parser.StartDoctypeDeclHandler = check_doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: builder.end(_local(name))
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except _RefusedError as refusal:
        raise InputError(
            f"{origin} was refused: {refusal.reason}, which a term base never needs; "
            f"remove the DOCTYPE and entity declarations"
        ) from None
    except expat.ExpatError as error:
        raise InputError(
            f"{origin} is not well-formed XML ({expat.ErrorString(error.code)} at line "
            f"{error.lineno}, column {error.offset + 1}); fix or re-export it"
        ) from None
    return builder.close()


def _local(name: str) -> str:
    return name.rpartition(" ")[2]


def _attribute(name: str) -> str:
    namespace, _, local = name.rpartition(" ")
    return f"xml:{local}" if namespace == _EXPAT_XML_NAMESPACE else local


# --- reading ------------------------------------------------------------------------------


def read_tbx(path: Path) -> Glossary:
    """The glossary in a TBX file; InputError (one line) for anything we cannot read."""
    path = Path(path)
    data = read_input_bytes(path, "glossary")
    if not data.strip():
        raise InputError(f"{path} is empty; a TBX term base needs at least one concept")
    return parse_tbx(data, path)


def parse_tbx(data: bytes, origin: Path | str = "<tbx>") -> Glossary:
    root = parse_xml(data, origin)
    if root.tag not in {"tbx", "martif"}:
        raise InputError(
            f"{origin} is not a TBX term base (its root element is <{root.tag}>, "
            f"expected <tbx> or <martif>)"
        )
    title = _title(root)
    concepts: list[Concept] = []
    seen: set[str] = set()
    for number, entry in enumerate(_children_named(root, {"termEntry", "conceptEntry"}), 1):
        concept = _concept(entry, number, origin)
        if concept is None:
            continue
        if concept.id in seen:
            raise InputError(
                f"{origin}: two concepts share the id '{concept.id}'; give each its own"
            )
        seen.add(concept.id)
        concepts.append(concept)
    return Glossary(tuple(concepts), title)


def _children_named(element: ET.Element, names: set[str]) -> Iterator[ET.Element]:
    return (child for child in element.iter() if child.tag in names)


def _title(root: ET.Element) -> str:
    return next((_text(element) for element in root.iter("title")), "")


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _concept(entry: ET.Element, number: int, origin: Path | str) -> Concept | None:
    concept_id = entry.get("id") or f"c{number}"
    subject = definition = ""
    notes: list[str] = []
    terms: list[Term] = []
    for child in entry:
        if child.tag in {"langSet", "langSec"}:
            terms.extend(_terms(child, concept_id, origin))
        elif child.tag in {"descrip", "descripGrp", "note", "admin", "adminGrp"}:
            for element in child.iter():
                kind = (element.get("type") or "").strip()
                if element.tag == "descrip" and kind == "subjectField":
                    subject = _text(element)
                elif element.tag == "descrip" and kind == "definition":
                    definition = _text(element)
                elif element.tag == "note":
                    notes.append(_text(element))
    if not terms:
        return None
    return Concept(concept_id, tuple(terms), subject, definition, " ".join(notes))


def _terms(lang_section: ET.Element, concept_id: str, origin: Path | str) -> list[Term]:
    code = lang_section.get("xml:lang") or lang_section.get("lang")
    if not code:
        raise InputError(
            f"{origin}: concept '{concept_id}' has a language section without xml:lang"
        )
    try:
        lang = normalise_language(code)
    except InputError:
        raise InputError(
            f"{origin}: concept '{concept_id}' uses an unknown language code '{code}'"
        ) from None
    found: list[tuple[str, TermStatus | None, str, str, str]] = []
    for holder in lang_section:
        if holder.tag not in {"tig", "ntig", "termSec"}:
            continue
        text = next((_text(element) for element in holder.iter("term")), "")
        if not text:
            continue
        status: TermStatus | None = None
        part_of_speech = term_type = ""
        notes = []
        for element in holder.iter():
            kind = (element.get("type") or "").strip()
            if element.tag == "termNote" and kind in {
                "administrativeStatus",
                "normativeAuthorization",
            }:
                status = _STATUS_READ.get(_text(element).lower(), status)
            elif element.tag == "termNote" and kind == "partOfSpeech":
                part_of_speech = _text(element)
            elif element.tag == "termNote" and kind == "termType":
                term_type = _text(element)
            elif element.tag == "note":
                notes.append(_text(element))
        found.append((text, status, part_of_speech, " ".join(notes), term_type))
    # Terms with no status: the first is preferred when no term of the language says it is.
    has_preferred = any(status is TermStatus.PREFERRED for _, status, *_ in found)
    terms = []
    for text, status, part_of_speech, note, term_type in found:
        if status is None:
            status = TermStatus.ADMITTED if has_preferred else TermStatus.PREFERRED
            has_preferred = True
        terms.append(Term(text, lang, status, part_of_speech, note, term_type))
    return terms


# --- writing ------------------------------------------------------------------------------


def render_tbx(glossary: Glossary, source_lang: str | None = None) -> str:
    """The glossary as a TBX v3 document (TBX-Basic dialect, DCA style)."""
    languages = glossary.languages
    main_lang = source_lang or (languages[0] if languages else "en")
    root = ET.Element(
        "tbx",
        {
            "type": "TBX-Basic",
            "style": "dca",
            XML_LANG: _xml_lang(main_lang),
            "xmlns": TBX_NAMESPACE,  # a literal attribute: ElementTree won't default-qualify
        },
    )
    header = ET.SubElement(root, "tbxHeader")
    file_description = ET.SubElement(header, "fileDesc")
    if glossary.title:
        title_statement = ET.SubElement(file_description, "titleStmt")
        ET.SubElement(title_statement, "title").text = glossary.title
    source_description = ET.SubElement(file_description, "sourceDesc")
    ET.SubElement(source_description, "p").text = "Written by workbench"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for concept in glossary.concepts:
        _write_concept(body, concept)
    ET.indent(root, space="  ")
    xml = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'


def _xml_lang(code: str) -> str:
    return code.replace("_", "-")


def _write_concept(body: ET.Element, concept: Concept) -> None:
    entry = ET.SubElement(body, "conceptEntry", {"id": concept.id})
    if concept.subject:
        ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = concept.subject
    if concept.definition:
        ET.SubElement(entry, "descrip", {"type": "definition"}).text = concept.definition
    if concept.note:
        ET.SubElement(entry, "note").text = concept.note
    for lang in concept.languages:
        section = ET.SubElement(entry, "langSec", {XML_LANG: _xml_lang(lang)})
        for term in concept.terms:
            if term.lang != lang:
                continue
            holder = ET.SubElement(section, "termSec")
            ET.SubElement(holder, "term").text = term.text
            if term.part_of_speech:
                note = ET.SubElement(holder, "termNote", {"type": "partOfSpeech"})
                note.text = term.part_of_speech
            if term.term_type:
                ET.SubElement(holder, "termNote", {"type": "termType"}).text = term.term_type
            status = ET.SubElement(holder, "termNote", {"type": "administrativeStatus"})
            status.text = _STATUS_WRITE[term.status]
            if term.note:
                ET.SubElement(holder, "note").text = term.note
