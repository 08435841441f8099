"""Checks of the options the growth engines share (each raises ``ValueError`` naming the option)."""

from __future__ import annotations

import numpy as np

__all__ = ["check_max_diameter", "check_workers", "check_direction"]


def check_max_diameter(max_diameter) -> None:
    """``max_diameter`` is None or a non-negative integer (numpy integers included)."""
    if max_diameter is not None and (
        isinstance(max_diameter, bool) or not isinstance(max_diameter, (int, np.integer)) or max_diameter < 0
    ):
        raise ValueError(f"max_diameter must be a non-negative integer or None, got {max_diameter!r}")


def check_workers(workers) -> None:
    """``workers`` is None or a positive int."""
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers must be a positive integer, got {workers!r}")


def check_direction(direction) -> None:
    """``direction`` is one of ``"auto"``, ``"top-down"``, ``"bottom-up"``."""
    if direction not in ("auto", "top-down", "bottom-up"):
        raise ValueError(f"direction must be 'auto', 'top-down' or 'bottom-up', got {direction!r}")
