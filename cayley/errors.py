"""Exceptions raised by cayley. All are ``ValueError`` subclasses so callers can catch bad input uniformly."""

from __future__ import annotations

__all__ = ["MemoryBudgetError"]


class MemoryBudgetError(ValueError):
    """A computation would need more memory than its budget.

    Attributes
    ----------
    estimate, budget:
        Bytes the next step would need and bytes allowed.
    layer_sizes:
        Layer sizes completed before the refusal (nothing computed is lost).
    """

    def __init__(self, estimate: int, budget: int, what: str = "the next BFS layer", layer_sizes=None):
        self.estimate = int(estimate)
        self.budget = int(budget)
        self.layer_sizes = list(layer_sizes or [])
        done = f" after {len(self.layer_sizes)} completed layers" if self.layer_sizes else ""
        super().__init__(
            f"{what} needs an estimated {_fmt_bytes(self.estimate)}, over the memory budget of "
            f"{_fmt_bytes(self.budget)}{done}; raise memory_budget or use a leaner backend"
        )


def _fmt_bytes(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024 or unit == "TiB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{n} B"
        n /= 1024
    return f"{n} B"
