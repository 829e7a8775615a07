"""Translation engines: a base class that owns batching and caching, and the Argos engine."""

from workbench.core.engines.base import Engine, Hypothesis, PivotEngine

__all__ = ["Engine", "Hypothesis", "PivotEngine"]
