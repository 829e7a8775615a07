"""workbench: a terminal translation and localisation workbench.

Kept light on purpose: importing the package loads no Textual, CTranslate2 or Argos.
"""

__version__ = "0.1.0"
