"""The domain: documents, segmentation, engines, catalogs, glossary, memory, checks.

Nothing in here imports Textual or the CLI library.
"""
