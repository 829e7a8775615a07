"""Machine translation: the engine contract, the Argos engine, and what rides through it untouched.

`base.py` owns the one public call, `Engine.translate_batch` (batching, caching, cancelling,
pivoting); `argos.py` drives Argos packages (`argos_packages.py`: installed, offered, installed
from files that `package_files.py` checks first) through CTranslate2 and SentencePiece within
the model's limits (`model_limits.py`); `completion.py` completes a typed prefix;
`confidence.py` turns log-probabilities into 0..1; `protect.py` shields placeholders, markup
and glossary terms as placeholders the model copies through.
"""

from workbench.core.engines.base import Engine, Hypothesis, PivotEngine

__all__ = ["Engine", "Hypothesis", "PivotEngine"]
