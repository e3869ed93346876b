"""Crash test: kill -9 the ingest process at random points, then check that clean re-runs leave
exactly the warehouse and the folders of an uninterrupted run: no row lost, none duplicated, no
file lost.

Each attempt runs the flow's own body (flows/ingest_inbox.py, with each Prefect task replaced by
the function it wraps and the stages run where they are submitted) in a process forked from a "zygote" that has loaded the model once, so a
kill costs a fork instead of a 4-second start. The zygote is the killer: the child reports every
stage marker on a pipe (read, clean, nlp, load, committed, move and each flow step) and waits for
a go-ahead, so a kill lands either exactly at a marker (e.g. after the commit and before the first
archive move) or a random delay after it (e.g. inside spaCy, inside DuckDB's commit).

The same guarantees with worker processes: `ingest run --workers 2` runs as a real subprocess
under the test's Prefect server and is killed at points read from its log (a worker inside the
stages, between a commit and its moves); the clean re-runs must leave the same state.

Fast mode (CI): INGEST_CRASH_KILLS=24 by default. Thorough mode: INGEST_CRASH_KILLS=200 (or more).
INGEST_CRASH_SEED=<n> replays one random sequence.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import psutil
import pytest

from .conftest import MODEL, SAMPLES

pytestmark = [pytest.mark.model, pytest.mark.slow]

KILLS = int(os.environ.get("INGEST_CRASH_KILLS", "24"))
SEED = int(os.environ.get("INGEST_CRASH_SEED", str(random.SystemRandom().randrange(10**6))))
BATCH_SIZE = 3
# Kill attempts per inbox drop before its clean re-run: (first drop, second drop).
ATTEMPTS_PER_DROP = (4, 2)
# Stages to kill in: (marker, highest occurrence to aim at, (min, max) seconds after the marker).
# A zero delay kills the child while it waits at the marker: an exact point between two steps.
STAGES = {
    "parsing": (("read", "clean"), 10, (0.0, 0.02)),
    "nlp": (("nlp",), 2, (0.0, 0.12)),  # a batch's NLP takes 0.15-0.6 s
    "load": (("load",), 3, (0.0, 0.03)),
    "after commit, before move": (("committed",), 3, (0.0, 0.0)),
    "between moves": (("move",), 8, (0.0, 0.0)),
    "recovery": (("recover",), 1, (0.0, 0.01)),
    "snapshot": (("publish_snapshot",), 1, (0.0, 0.01)),
    "startup": (("migrate", "start_load"), 1, (0.0, 0.01)),
}
# The four stages come round twice as often as the others.
STAGE_CYCLE = [
    *("parsing", "nlp", "load", "after commit, before move") * 2,
    *("between moves", "recovery", "snapshot", "startup"),
]


@dataclass(frozen=True)
class Plan:
    marker: str
    occurrence: int
    delay: float


# ---------------------------------------------------------------- the zygote and its children


def _zygote(conn) -> None:
    """Load everything once, then run each job received in a forked child, killing it as planned."""
    for key in [k for k in os.environ if k.startswith("INGEST__")]:
        del os.environ[key]  # settings come from each job's config file only
    from ingest.annotate.pipeline import load_pipeline

    load_pipeline(MODEL)
    flow_body = _instrumented_flow()
    conn.send("ready")
    for job in iter(conn.recv, None):
        conn.send(_run_child(flow_body, job))


_CHILD: dict = {}  # in a child: the pipe ends for markers and go-aheads


def _mark(name: str) -> None:
    """Report reaching a step, and wait for the go-ahead (or the kill) when the job is watched."""
    os.write(_CHILD["marks"], f"at {name}\n".encode())
    if _CHILD["watched"]:
        os.read(_CHILD["go"], 1)


def _marked(name: str, fn, after: str | None = None):
    def wrapper(*args, **kwargs):
        _mark(name)
        result = fn(*args, **kwargs)
        if after:
            _mark(after)
        return result

    return wrapper


def _instrumented_flow():
    """The flow's body with tasks replaced by their functions, each step reporting a marker."""
    import logging

    from prefect import Task

    import flows.ingest_inbox as flow_module
    from ingest import batch, inbox, load

    for name, value in list(vars(flow_module).items()):
        if isinstance(value, Task):
            setattr(flow_module, name, _marked(name, value.fn))
    flow_module.get_run_logger = lambda: logging.getLogger("flows.ingest_inbox")
    flow_module.stage_runner = _inline_runner
    batch.read_document = _marked("read", batch.read_document)
    batch.clean_document = _marked("clean", batch.clean_document)
    annotate_texts = batch.annotate_texts

    def annotate(nlp, texts, batch_size, **budget):
        if texts:  # a batch without English documents runs no NLP
            _mark("nlp")
        return annotate_texts(nlp, texts, batch_size, **budget)

    batch.annotate_texts = annotate
    load.write_batch = _marked("load", load.write_batch, after="committed")
    inbox.carry_out = _marked("move", inbox.carry_out)
    return flow_module.ingest_inbox.fn


class _Done:
    """A finished stage future: the stages run where they are submitted, in the child."""

    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


class _InlineRunner:
    def submit(self, fn, parameters: dict) -> _Done:
        return _Done(fn(**parameters))


@contextmanager
def _inline_runner(scale):
    yield _InlineRunner(), 1


def _run_child(flow_body, job: dict) -> dict:
    """Fork, run the flow in the child, follow its markers, kill it if the plan says so."""
    marks_r, marks_w = os.pipe()
    go_r, go_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(marks_r)
        os.close(go_w)
        _CHILD.update(marks=marks_w, go=go_r, watched=job["plan"] is not None)
        try:
            counts = flow_body(**job["flow"])
            os.write(marks_w, f"done {json.dumps(counts)}\n".encode())
            os._exit(0)
        except BaseException as exc:
            os.write(marks_w, f"error {exc!r}"[:3000].replace("\n", " ").encode() + b"\n")
            os._exit(1)
    os.close(marks_w)
    os.close(go_r)
    outcome = _supervise(pid, job["plan"], marks_r, go_w)
    os.close(go_w)
    _, status = os.waitpid(pid, 0)
    outcome["signal"] = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    return outcome


def _supervise(pid: int, plan: dict | None, marks_r: int, go_w: int) -> dict:
    """Read the child's markers until it exits; kill -9 it at the planned point."""
    seen: Counter[str] = Counter()
    outcome: dict = {"last": None, "released": False, "killed_at": None, "counts": None}
    outcome["error"] = None
    with os.fdopen(marks_r, "r") as lines:
        for line in lines:
            kind, _, value = line.rstrip("\n").partition(" ")
            if kind == "done":
                outcome["counts"] = json.loads(value)
            elif kind == "error":
                outcome["error"] = value
            elif kind == "at":
                outcome.update(last=value, released=False)
                seen[value] += 1
                if plan is None or outcome["killed_at"]:
                    continue
                if (value, seen[value]) == (plan["marker"], plan["occurrence"]):
                    outcome["killed_at"] = value
                    if plan["delay"]:
                        os.write(go_w, b"g")
                        outcome["released"] = True
                        time.sleep(plan["delay"])
                    os.kill(pid, signal.SIGKILL)
                else:
                    os.write(go_w, b"g")
                    outcome["released"] = True
    return outcome


# ---------------------------------------------------------------- corpus, runs and comparison


def _drops(secret: Path) -> list[dict[str, bytes | None]]:
    """Two inbox drops: name -> bytes (None: a directory; a str: a link to that path)."""
    samples = {p.name: p.read_bytes() for p in sorted(SAMPLES.iterdir())}
    first, second, *_, last = samples
    nested = b"<html><body>" + b"<div>" * 5000 + b"<p>12 deep</p>" + b"</div>" * 5000 + b"</body>"
    drop1: dict = {
        **samples,
        "005_copy.txt": samples[first],
        "006_crlf.txt": samples[second].replace(b"\n", b"\r\n"),
        "007_es.txt": "El consejo dijo que 12 personas fueron contratadas en 2016, y que más de "
        "40 solicitaron los puestos este año.\n\n".encode()
        * 4,
        "empty.txt": b"",
        "folder": None,
        "image.html": b"\x89PNG\r\n\x1a\n" + bytes(64),
        "link.txt": str(secret),
        "nested.html": nested,
    }
    drop2: dict = {
        first: samples[first] + b"\n\nOfficials said on Monday that 75 more cases were opened.\n",
        last: samples[last].replace(b"2016", b"2017"),
        "008_new.txt": samples[second].replace(b"200", b"300"),
        "empty.txt": b"",
    }
    return [drop1, drop2]


def _setup(root: Path) -> dict:
    """A fresh work folder; returns the flow's keyword arguments for it."""
    secret = root / "outside" / "secret.txt"
    secret.parent.mkdir(parents=True)
    secret.write_text("Outside the inbox: 99 secrets.\n")
    config = root / "ingest.toml"
    config.write_text(
        f'[paths]\narchive = "{root / "archive"}"\nquarantine = "{root / "quarantine"}"\n'
        f"[read]\nsettle_seconds = 0\n[nlp]\nbatch_size = {BATCH_SIZE}\n"
    )
    (root / "inbox").mkdir()
    return {
        "inbox_dir": str(root / "inbox"),
        "db_path": str(root / "warehouse" / "claims.duckdb"),
        "model_path": str(MODEL),
        "config_file": str(config),
    }


def _drop(root: Path, files: dict) -> None:
    for name, data in files.items():
        path = root / "inbox" / name
        if data is None:
            path.mkdir()
            (path / "inside.txt").write_text("a file inside a folder")
        elif isinstance(data, str):
            os.symlink(data, path)
        else:
            path.write_bytes(data)


class Zygote:
    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child_conn = ctx.Pipe()
        self.process = ctx.Process(target=_zygote, args=(child_conn,), daemon=True)
        self.process.start()
        assert self.conn.recv() == "ready"

    def run(self, flow: dict, plan: Plan | None = None) -> dict:
        self.conn.send({"flow": flow, "plan": plan and plan.__dict__})
        return self.conn.recv()

    def close(self) -> None:
        self.conn.send(None)
        self.process.join(timeout=10)


@pytest.fixture(scope="module")
def zygote():
    z = Zygote()
    yield z
    z.close()


def _clean_run(zygote: Zygote, flow: dict) -> dict:
    outcome = zygote.run(flow)
    assert outcome["signal"] is None and outcome["error"] is None, outcome
    return outcome["counts"]


@pytest.fixture(scope="module")
def reference(zygote, tmp_path_factory) -> dict:
    """The state after uninterrupted runs, one per drop."""
    root = tmp_path_factory.mktemp("reference")
    flow = _setup(root)
    for files in _drops(root / "outside" / "secret.txt"):
        _drop(root, files)
        _clean_run(zygote, flow)
    return _state(root)


def _state(root: Path) -> dict[str, list]:
    """Everything the runs leave: warehouse rows (views and journal-free tables), snapshot, files."""
    db = root / "warehouse" / "claims.duckdb"
    state = _tables(db, root)
    for name, rows in _tables(db.parent / "snapshots" / db.name, root).items():
        state[f"snapshot {name}"] = rows
    for folder in ("inbox", "archive", "quarantine"):
        state[f"files in {folder}"] = sorted(_files(root / folder, root))
    return state


QUERIES = {
    "documents": "select * exclude (ingested_at) from documents",
    "entities": "select * from entities",
    "claims": "select * from claims",
    "quarantine": 'select * exclude ("at", load_id) from quarantine',
    "unfinished loads": "select load_id from loads where status = 'running'",
}


def _tables(db: Path, root: Path) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            name: sorted(
                tuple(str(v).replace(str(root), "<root>") if isinstance(v, str) else v for v in r)
                for r in con.execute(query).fetchall()
            )
            for name, query in QUERIES.items()
        }


def _files(folder: Path, root: Path) -> list[tuple[str, str]]:
    if not folder.exists():
        return []
    out = []
    for path in folder.rglob("*"):
        if path.is_symlink():
            kind = f"link to {os.readlink(path).replace(str(root), '<root>')}"
        elif path.is_dir():
            kind = "folder"
        else:
            kind = hashlib.sha256(path.read_bytes()).hexdigest()
        out.append((str(path.relative_to(folder)), kind))
    return out


def _difference(reference: dict, got: dict) -> tuple[int, int, list[str]]:
    """(rows or files lost, rows or files duplicated or extra, names of the differing parts)."""
    lost = extra = 0
    parts = []
    for name, rows in reference.items():
        want, have = Counter(rows), Counter(got[name])
        lost += sum((want - have).values())
        extra += sum((have - want).values())
        if want != have:
            parts.append(name)
    return lost, extra, parts


def _random_plan(rng: random.Random, stage: str) -> Plan:
    markers, highest, (low, high) = STAGES[stage]
    return Plan(rng.choice(markers), rng.randint(1, highest), rng.uniform(low, high))


def _crash_round(zygote: Zygote, root: Path, rng: random.Random, kills: Counter) -> None:
    """One work folder: each drop gets killed attempts, then a clean re-run."""
    flow = _setup(root)
    for files, attempts in zip(
        _drops(root / "outside" / "secret.txt"), ATTEMPTS_PER_DROP, strict=True
    ):
        _drop(root, files)
        for _ in range(attempts):
            stage = STAGE_CYCLE[sum(kills.values()) % len(STAGE_CYCLE)]
            outcome = zygote.run(flow, _random_plan(rng, stage))
            assert outcome["error"] is None, outcome
            if outcome["signal"] != signal.SIGKILL:
                break  # the run finished before the planned point: this drop is done
            kills[f"{'during' if outcome['released'] else 'at'} {outcome['last']}"] += 1
        _clean_run(zygote, flow)


def test_crash_kills_at_random_points_lose_and_duplicate_nothing(
    zygote, reference, tmp_path_factory
):
    rng = random.Random(SEED)
    kills: Counter[str] = Counter()
    lost = extra = rounds = 0
    started = time.monotonic()
    while sum(kills.values()) < KILLS:
        root = tmp_path_factory.mktemp("crash")
        _crash_round(zygote, root, rng, kills)
        round_lost, round_extra, parts = _difference(reference, _state(root))
        lost, extra, rounds = lost + round_lost, extra + round_extra, rounds + 1
        assert not parts, f"seed {SEED}, round {rounds}: {parts} differ from an uninterrupted run"
        shutil.rmtree(root)
    print(
        f"\ncrash test (seed {SEED}): {sum(kills.values())} kill -9 survived in {rounds} rounds "
        f"({time.monotonic() - started:.0f}s); killed at {dict(sorted(kills.items()))}; "
        f"rows or files lost: {lost}, duplicated: {extra}"
    )
    assert (lost, extra) == (0, 0)
    if len(STAGE_CYCLE) <= KILLS:  # every stage the issue names was hit
        stages = {label.split(" ", 1)[1] for label in kills}
        assert {"nlp", "load", "committed"} <= stages and stages & {"read", "clean"}, kills


def test_crash_between_commit_and_move_is_recovered_from_the_journal(zygote, tmp_path):
    flow = _setup(tmp_path)
    files = _drops(tmp_path / "outside" / "secret.txt")[0]
    _drop(tmp_path, files)
    outcome = zygote.run(flow, Plan("committed", 1, 0.0))
    assert outcome["signal"] == signal.SIGKILL
    assert len(list((tmp_path / "inbox").iterdir())) == len(files)
    counts = _clean_run(zygote, flow)
    assert counts["recovered_from_earlier_run"] == BATCH_SIZE
    assert counts["files_seen"] == len(files) - BATCH_SIZE
    with duckdb.connect(str(tmp_path / "warehouse" / "claims.duckdb"), read_only=True) as con:
        statuses = con.execute("select status from loads order by started_at").fetchall()
        recoveries = con.execute("select files_moved from recoveries").fetchall()
    assert statuses == [("interrupted",), ("completed",)]
    assert recoveries == [(BATCH_SIZE,)]


# ---------------------------------------------------------------- the same with worker processes

# Kill points of `ingest run --workers 2`, read from its log: (line fragment, delay range in s).
WORKER_KILLS = (
    ("Task run 'clean-", (0.0, 1.0)),  # a worker is in spaCy or assembling claims
    ("committed a batch", (0.0, 0.0)),  # between a commit and its moves
    ("Task run 'annotate-", (0.0, 0.3)),
)


# A worker checks for its flow's process every second (flows/runners.py): time to notice and exit.
WORKERS_END_SECONDS = 10


def _kill_at(command: list, env: dict, fragment: str, delay: float) -> tuple[int | None, list]:
    """Run the ingest command and kill -9 it (its main process only, as an operator or the OOM
    killer would) a delay after its log first shows fragment; returns the signal, if killed, and
    its worker processes still alive WORKERS_END_SECONDS after the kill."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers = []
    for line in process.stderr:
        if fragment.encode() in line:
            time.sleep(delay)
            workers = psutil.Process(process.pid).children(recursive=True)
            process.send_signal(signal.SIGKILL)
            break
    process.stderr.close()
    process.wait()
    _, alive = psutil.wait_procs(workers, timeout=WORKERS_END_SECONDS)
    return (-process.returncode if process.returncode < 0 else None), alive


def test_crash_kills_with_two_worker_processes_lose_and_duplicate_nothing(
    prefect_harness, reference, tmp_path
):
    from prefect.settings import PREFECT_API_URL

    env = {k: v for k, v in os.environ.items() if not k.startswith("INGEST__")}
    env["PREFECT_API_URL"] = PREFECT_API_URL.value()
    flow = _setup(tmp_path)
    command = [Path(sys.executable).with_name("ingest"), "run", "--workers", "2"]
    for option, key in (("--inbox", "inbox_dir"), ("--db", "db_path"), ("--model", "model_path")):
        command += [option, flow[key]]
    command += ["--config", flow["config_file"]]
    rng = random.Random(SEED)
    kills = []
    for files in _drops(tmp_path / "outside" / "secret.txt"):
        _drop(tmp_path, files)
        fragment, (low, high) = rng.choice(WORKER_KILLS)
        killed, orphans = _kill_at(command, env, fragment, rng.uniform(low, high))
        kills.append((fragment, killed))
        assert not orphans, f"worker processes outlived the killed run: {orphans}"
        subprocess.run(command, env=env, check=True, capture_output=True)
    assert kills and all(signal_ == signal.SIGKILL for _, signal_ in kills), kills
    lost, extra, parts = _difference(reference, _state(tmp_path))
    assert not parts, f"seed {SEED}, kills {kills}: {parts} differ from an uninterrupted run"
    assert (lost, extra) == (0, 0)
