"""Progress of a long run: a terminal bar (only when stdout is a terminal) and a Prefect artifact."""

from __future__ import annotations

import sys
import time
from types import TracebackType

from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.context import FlowRunContext
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

ARTIFACT_KEY = "ingest-progress"


class RunProgress:
    """Files done of the run's total, documents per second and the time left."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.files = self.documents = 0
        self.started = time.monotonic()
        self.bar = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files  {task.fields[rate]:.1f} docs/s  ETA"),
            TimeRemainingColumn(),
            disable=not sys.stdout.isatty(),
        )
        self.task = self.bar.add_task("ingest", total=total, rate=0.0)
        # an artifact belongs to a flow run: none when the flow's body is called as a function
        in_run = FlowRunContext.get() is not None
        self.artifact = (
            create_progress_artifact(0.0, key=ARTIFACT_KEY, description=self._line())
            if in_run
            else None
        )

    def __enter__(self) -> RunProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.bar.stop()

    def advance(self, files: int, documents: int) -> None:
        """Count a loaded batch."""
        self.files += files
        self.documents += documents
        rate = self.documents / max(time.monotonic() - self.started, 1e-9)
        self.bar.update(self.task, advance=files, rate=rate)
        if self.artifact is not None:
            percent = 100.0 * self.files / self.total if self.total else 100.0
            update_progress_artifact(self.artifact, percent, description=self._line())

    def _line(self) -> str:
        return f"{self.files} of {self.total} inbox files done, {self.documents} documents added"
