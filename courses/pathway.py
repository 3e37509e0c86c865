"""Pure rules for a learner's way through a course: which module is open, what comes next.

No queries here: selectors load the rows, these functions decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courses.models import ModulePage, ModuleProgress


class ModuleStatus(StrEnum):
    LOCKED = "locked"
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


STATUS_LABELS = {
    ModuleStatus.LOCKED: "Locked",
    ModuleStatus.NOT_STARTED: "Not started",
    ModuleStatus.IN_PROGRESS: "In progress",
    ModuleStatus.COMPLETE: "Complete",
}


@dataclass(frozen=True)
class ModuleState:
    module: ModulePage
    status: ModuleStatus
    progress: ModuleProgress | None
    locked_by: ModulePage | None  # the first earlier module still to complete

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def is_open(self) -> bool:
        return self.status != ModuleStatus.LOCKED


def module_states(
    modules: list[ModulePage], progress: dict[int, ModuleProgress], *, in_order: bool
) -> list[ModuleState]:
    """Each module's status, in course order. In-order courses lock everything after the first gap."""
    states: list[ModuleState] = []
    first_incomplete: ModulePage | None = None
    for module in modules:
        record = progress.get(module.pk)
        if record is not None and record.completed_at is not None:
            status = ModuleStatus.COMPLETE
        elif in_order and first_incomplete is not None:
            status = ModuleStatus.LOCKED
        elif record is not None:
            status = ModuleStatus.IN_PROGRESS
        else:
            status = ModuleStatus.NOT_STARTED
        locked_by = first_incomplete if status == ModuleStatus.LOCKED else None
        states.append(ModuleState(module=module, status=status, progress=record, locked_by=locked_by))
        if status != ModuleStatus.COMPLETE and first_incomplete is None:
            first_incomplete = module
    return states


def next_module(states: list[ModuleState]) -> ModuleState | None:
    """Where to continue: the module in progress, else the first open module not yet complete."""
    open_incomplete = [s for s in states if s.is_open and s.status != ModuleStatus.COMPLETE]
    seen = [(s.progress.last_seen_at, i) for i, s in enumerate(open_incomplete) if s.progress is not None]
    if seen:
        return open_incomplete[max(seen)[1]]
    return open_incomplete[0] if open_incomplete else None


def seconds_left(progress_seconds: int, minimum_seconds: int) -> int:
    return max(0, minimum_seconds - progress_seconds)


def minutes_phrase(seconds: int) -> str:
    """'about 3 minutes', rounded up, for messages about time left."""
    minutes = max(1, -(-seconds // 60))
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"
