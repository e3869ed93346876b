"""Per-document budgets for the NLP and claim stages: one document over its time or memory
budget is quarantined with the reason, and the batch goes on without it.

The stages check the budget between pieces of work (each paragraph piece, each figure), so a
document can overrun by one piece at most; pieces are bounded (annotate.paragraphs).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from ingest.errors import IngestError, Reason

_PAGE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024


class OverBudget(IngestError):
    """A document used more time or memory than its budget allows."""

    reason = Reason.OVER_BUDGET


@dataclass(frozen=True, slots=True)
class Budget:
    deadline: float  # time.monotonic() value
    max_rss: int  # bytes of resident memory the process may reach
    limits: str  # the budget in words, for the quarantine detail


def start_budget(seconds: float, memory_mb: int, documents: int = 1) -> Budget:
    """A budget from now: seconds per document, memory_mb of growth for the whole call."""
    limits = f"{seconds:g} s per document, {memory_mb} MiB"
    return Budget(time.monotonic() + seconds * documents, resident() + memory_mb * MIB, limits)


def check(budget: Budget | None, stage: str) -> None:
    """Raise OverBudget when the time is up or memory has grown past the budget."""
    if budget is None:
        return
    if time.monotonic() > budget.deadline:
        raise OverBudget(f"{stage}: over the time budget ({budget.limits})")
    if resident() > budget.max_rss:
        raise OverBudget(f"{stage}: over the memory budget ({budget.limits})")


def resident() -> int:
    """This process's resident memory in bytes (Linux /proc/self/statm)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * _PAGE
