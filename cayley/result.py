"""The result of a growth computation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["GrowthResult"]


@dataclass
class GrowthResult:
    """Growth function of a graph from its central state.

    Attributes
    ----------
    layer_sizes:
        Number of states at distance 0, 1, 2, ... from the central state.
    last_layer:
        The states of the last layer, decoded, one per row (matrix states as d x d).
    complete:
        False when the search was stopped early (``max_diameter``).
    backend, elapsed:
        Which engine computed it and its wall time in seconds.
    layers:
        With ``keep_layers=True``: every layer as packed uint64 rows (see ``codec``), for path
        restoration.

    Example
    -------
    >>> import cayley
    >>> r = cayley.growth(cayley.groups.coxeter(3))
    >>> r.layer_sizes, r.diameter, r.num_states
    ([1, 2, 2, 1], 3, 6)
    """

    layer_sizes: list[int]
    last_layer: np.ndarray
    complete: bool = True
    backend: str = ""
    elapsed: float = 0.0
    layers: list | None = field(default=None, repr=False)
    codec: Any = field(default=None, repr=False)
    info: dict = field(default_factory=dict, repr=False)

    @property
    def diameter(self) -> int:
        """Largest distance reached (the diameter when ``complete``; a lower bound otherwise)."""
        return len(self.layer_sizes) - 1

    @property
    def num_states(self) -> int:
        return int(sum(self.layer_sizes))

    def to_frame(self):
        """A pandas DataFrame with columns ``distance`` and ``count``."""
        import pandas as pd

        return pd.DataFrame({"distance": np.arange(len(self.layer_sizes)), "count": self.layer_sizes})

    def to_dict(self, last_layer_limit: int = 10) -> dict:
        """JSON-ready summary; at most ``last_layer_limit`` states of the last layer."""
        return {
            "layer_sizes": [int(x) for x in self.layer_sizes],
            "diameter": self.diameter,
            "num_states": self.num_states,
            "complete": self.complete,
            "last_layer_size": int(self.layer_sizes[-1]),
            "last_layer_sample": np.asarray(self.last_layer)[:last_layer_limit].tolist(),
            "backend": self.backend,
            "elapsed": round(self.elapsed, 6),
        }

    def plot(self, ax=None, path=None, title=None, label=None):
        """Growth curve (states per distance) on a log axis; saved to ``path`` when given.

        Returns the matplotlib Axes.
        """
        import matplotlib

        if ax is None and path is not None:
            matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt

        fig = None
        if ax is None:
            fig, ax = plt.subplots(figsize=(6, 4))
        ax.semilogy(range(len(self.layer_sizes)), self.layer_sizes, marker="o", ms=3, label=label)
        ax.set_xlabel("distance from the central state")
        ax.set_ylabel("number of states")
        ax.grid(True, which="both", alpha=0.3)
        if title:
            ax.set_title(title)
        if label:
            ax.legend()
        if path is not None:
            (fig or ax.figure).savefig(path, dpi=120, bbox_inches="tight")
        return ax
