"""The domain, one package per thing a translator names (docs/ARCHITECTURE.md).

`sources` (documents, segments, units), `catalogs` (PO/POT files, merging, compiling, stats),
`glossary` (term bases, matching, checking, enforcement), `memory` (store, fuzzy index, TMX,
alignment), `engines` (the engine contract, Argos, protection), `checks` (QA), `review` (the
review session), `cluster` (Ray); `pipeline` and `completer` are what the front ends call;
`textio`, `languages` and `errors` are the basics under everything. Nothing in here imports
Textual, click or rich.
"""
