"""The review workbench: a Textual front end on `workbench.core.review`.

Importing this package loads nothing heavy; the app module imports Textual, and machine
translation (CTranslate2, Argos) is imported only when the translator asks for it.
"""
