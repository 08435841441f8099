"""Memory budgets: how much a computation may allocate, read from the machine when not given."""

from __future__ import annotations

import os

__all__ = ["available_memory", "resolve_budget", "DEFAULT_FRACTION"]

DEFAULT_FRACTION = 0.6


def available_memory() -> int:
    """Bytes of RAM available now (MemAvailable on Linux; physical pages elsewhere)."""
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 4 << 30


def resolve_budget(memory_budget, xp=None) -> int:
    """Turn a user budget (bytes, a fraction in (0, 1], or None) into bytes.

    None means ``DEFAULT_FRACTION`` of the available memory of the device ``xp`` computes on.
    """
    if memory_budget is None:
        memory_budget = DEFAULT_FRACTION
    if isinstance(memory_budget, bool) or not isinstance(memory_budget, (int, float)):
        raise ValueError(f"memory_budget must be bytes (int) or a fraction in (0, 1], got {memory_budget!r}")
    if memory_budget <= 0:
        raise ValueError(f"memory_budget must be positive, got {memory_budget}")
    if isinstance(memory_budget, float) and memory_budget <= 1.0:
        return int(memory_budget * _device_memory(xp))
    return int(memory_budget)


def _device_memory(xp) -> int:
    if xp is not None and getattr(xp, "__name__", "") == "cupy":
        free, _total = xp.cuda.Device().mem_info
        return int(free)
    return available_memory()
