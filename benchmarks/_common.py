"""Helpers shared by the benchmark scripts: statistics, the machine, a server on loopback, memory.

Benchmarks print figures; nothing here asserts a timing.
"""

from __future__ import annotations

import atexit
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
# The app under test: this checkout, or a frozen copy of it (e.g. `git archive HEAD | tar -x -C /tmp/app`)
# so that edits made meanwhile in the checkout neither change the figures nor trip Streamlit's file
# watcher (which unloads edited modules from a running server).
APP_ROOT = Path(os.environ.get("COURSE_BENCH_APP_ROOT") or ROOT).resolve()
if str(APP_ROOT) not in sys.path:
    sys.path.insert(0, str(APP_ROOT))
elif APP_ROOT != ROOT:
    sys.path.remove(str(APP_ROOT))
    sys.path.insert(0, str(APP_ROOT))

from tests.serving import free_port, wait_for_health  # noqa: E402  (the app's root is on the path now)

VALID_CONTENT = ROOT / "tests" / "data" / "valid"
EVERY_ACTIVITY = ROOT / "tests" / "data" / "every_activity" / "demo-14-17.yaml"


def app_version() -> str:
    """Which app was measured: the folder, and its git commit (with '+edits' if the tree differs)."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(APP_ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            [
                "git",
                "-C",
                str(APP_ROOT),
                "status",
                "--porcelain",
                "--",
                "course",
                "streamlit_app.py",
                "lessons",
                "quizzes",
                ".streamlit",
            ],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit, dirty = "", ""
    if not commit and (APP_ROOT / "COMMIT").exists():  # an exported tree: `git rev-parse HEAD > COMMIT`
        return f"app: {APP_ROOT}, exported from commit {(APP_ROOT / 'COMMIT').read_text().strip()}"
    if not commit:
        return f"app: {APP_ROOT} (not a git checkout)"
    return f"app: {APP_ROOT} at {commit}{' +uncommitted edits' if dirty else ''}"


# --- figures --------------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear between closest ranks; nan for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def table(rows: Iterable[Sequence[object]], headers: Sequence[str]) -> str:
    """A plain text table, columns padded to their widest cell (first column left, others right)."""
    rows = [[str(cell) for cell in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(cells)
        )

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def machine() -> str:
    """nproc, CPU model, RAM, OS and the Python/Streamlit versions: printed with every set of figures."""
    cpu = platform.processor() or "?"
    try:
        for text_line in Path("/proc/cpuinfo").read_text().splitlines():
            if text_line.startswith("model name"):
                cpu = text_line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        for text_line in Path("/proc/meminfo").read_text().splitlines():
            if text_line.startswith("MemTotal"):
                ram = f"{int(text_line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    try:
        import streamlit

        st_version = streamlit.__version__
    except ImportError:  # pragma: no cover
        st_version = "?"
    return (
        f"machine: nproc={os.cpu_count()}, CPU={cpu}, RAM={ram}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, Streamlit {st_version}\n{app_version()}\n{load_note()}"
    )


def load_note() -> str:
    """The machine's load average now: other work on a 2-core machine shows in every figure."""
    one, five, _ = os.getloadavg()
    return f"load average (1 min, 5 min): {one:.2f}, {five:.2f} on {os.cpu_count()} cores"


# --- memory ---------------------------------------------------------------------------------------


def rss_mib(pid: int | None = None) -> float:
    """Resident memory of a process (this one by default) in MiB, from /proc."""
    path = Path(f"/proc/{pid or os.getpid()}/status")
    for text_line in path.read_text().splitlines():
        if text_line.startswith("VmRSS:"):
            return int(text_line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


# --- content --------------------------------------------------------------------------------------


def temp_dir(prefix: str) -> Path:
    """A temporary folder removed when the script ends (kept with COURSE_BENCH_KEEP=1, to read logs)."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    if not os.environ.get("COURSE_BENCH_KEEP"):
        atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def every_activity_content(into: Path) -> Path:
    """A copy of tests/data/valid with the every-activity demo lesson added (as tests/ui does)."""
    root = into / "content"
    shutil.copytree(VALID_CONTENT, root)
    shutil.copy(EVERY_ACTIVITY, root / "lessons" / "demo" / EVERY_ACTIVITY.name)
    return root


# --- a real server on loopback --------------------------------------------------------------------


class Server:
    """`streamlit run course/asgi.py` (the st.App `python -m course serve` starts) on a free loopback port,
    with its own data folder; stopped on exit."""

    def __init__(
        self,
        extra_args: Sequence[str] = (),
        env: dict[str, str] | None = None,
        token: str = "bench-teacher-token",
        entry: str = "course/asgi.py",
        nodelay: bool = False,
    ):
        self.tmp = temp_dir("course-bench-server-")
        self.token = token
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = f"sqlite:///{self.tmp / 'course.db'}"
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(APP_ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(
                os.pathsep
            ),
            "COURSE_TEACHER_TOKEN": token,
            "COURSE_DATA_DIR": str(self.tmp),
            "COURSE_DATABASE_URL": self.database_url,
            **(env or {}),
        }
        launcher = [str(BENCHMARKS / "nodelay_launch.py")] if nodelay else ["-m", "streamlit", "run"]
        self.args = [
            sys.executable,
            *launcher,
            entry,
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            *extra_args,
        ]
        self.process: subprocess.Popen | None = None
        self.log = self.tmp / "server.log"

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self, timeout: float = 60) -> None:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(self.args, cwd=APP_ROOT, env=self.env, stdout=log, stderr=log)
        self.process.log_path = self.log
        try:
            wait_for_health(self.url, self.process, timeout)
        except RuntimeError:
            self.stop()
            raise

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def rss(self) -> float:
        return rss_mib(self.pid)

    def cpu(self) -> float:
        return cpu_seconds(self.pid)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def dropped_fragment_reruns(self) -> int:
        """Fragment reruns the server ignored because a full rerun had removed the fragment meanwhile."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return text.count("does not exist anymore")

    def errors_in_log(self) -> list[str]:
        """Tracebacks and errors the server logged (the app hides them from the page)."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return [
            line
            for line in text.splitlines()
            if "Traceback" in line or " ERROR " in line or "Error" in line.split(":", 1)[0]
        ]

    def cleanup(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


# --- profiling with py-spy (samples every thread of a running process, also the server) -----------


class Spy:
    """`py-spy record` on a process while the block runs; `summary()` names where the time went.

    With `gil=True` only the thread holding the GIL is sampled: the Python work that queues every
    other session behind it on a 2-core machine.
    """

    def __init__(self, pid: int, out: Path, rate: int = 250, gil: bool = True):
        self.pid, self.out, self.rate, self.gil = pid, out, rate, gil
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Spy:
        spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
        args = [
            spy,
            "record",
            "--pid",
            str(self.pid),
            "--rate",
            str(self.rate),
            "--format",
            "raw",
            "--output",
            str(self.out),
            "--nonblocking",
        ] + (["--gil"] if self.gil else [])
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(0.5)
        return self

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(2)  # SIGINT: py-spy writes its file and exits
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def summary(self, top: int = 18) -> str:
        return summarize_stacks(self.out, top)


def summarize_stacks(path: Path, top: int = 18) -> str:
    """Inclusive share of samples per function of ours (course/), and the heaviest leaf lines overall."""
    if not path.exists():
        return f"(no profile: {path} was not written)"
    total = 0
    ours: dict[str, int] = {}
    leaves: dict[str, int] = {}
    for text_line in path.read_text(errors="replace").splitlines():
        stack, _, count_text = text_line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        total += count
        frames = stack.split(";")
        seen = set()
        for frame in frames:
            name = frame.split(" (", 1)[0]
            where = frame.split(" (", 1)[1].rstrip(")") if " (" in frame else ""
            file = where.rsplit(":", 1)[0]
            if "course/" in file and "site-packages" not in file:
                label = f"{name} ({file[file.index('course/') :]})"
                if label not in seen:
                    seen.add(label)
                    ours[label] = ours.get(label, 0) + count
        leaf = frames[-1]
        if "site-packages/" in leaf:
            leaf = leaf.replace(leaf[leaf.index("(") + 1 : leaf.index("site-packages/") + 14], "")
        leaves[leaf] = leaves.get(leaf, 0) + count
    if not total:
        return "(no samples)"
    lines = [f"{total} samples; our functions, inclusive share of the sampled time:"]
    for label, count in sorted(ours.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {100 * count / total:5.1f}%  {label}")
    lines.append("heaviest lines (self time, where the sampled thread was):")
    for label, count in sorted(leaves.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"  {100 * count / total:5.1f}%  {label}")
    return "\n".join(lines)


# --- server configurations compared by the benchmarks ---------------------------------------------

CONFIG_HELP = (
    "server configuration: 'default' (.streamlit/config.toml as it is) or tokens joined by '+': "
    "nogc (--runner.postScriptGC false), gc (--runner.postScriptGC true: Streamlit's default), "
    "nowatcher (--server.fileWatcherType none), watcher (--server.fileWatcherType auto: Streamlit's "
    "default), nagle (plain `streamlit run`: Nagle's algorithm on, as Streamlit leaves it; without it "
    "the server starts the way `python -m course serve` does, TCP_NODELAY on: benchmarks/nodelay_launch.py); "
    "'streamlit-defaults' = gc+watcher+nagle"
)
CONFIG_TOKENS = {"nogc", "gc", "nowatcher", "watcher", "nagle", "nodelay"}  # nodelay: the default's name
CONTRADICTIONS = ({"gc", "nogc"}, {"watcher", "nowatcher"}, {"nagle", "nodelay"})


def gc_enabled(config: str) -> bool:
    """Whether a configuration keeps Streamlit's gc.collect(2) after each run (the app's config.toml decides
    when the configuration does not say)."""
    tokens = set(config.replace("streamlit-defaults", "gc+watcher+nagle").split("+"))
    if "gc" in tokens or "nogc" in tokens:
        return "gc" in tokens
    try:
        import tomllib

        settings = tomllib.loads((APP_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True
    return bool(settings.get("runner", {}).get("postScriptGC", True))


def server_for(config: str, entry: str = "course/asgi.py", **kwargs) -> Server:
    """A Server for a configuration name such as 'default' or 'gc+nagle'."""
    config = config.replace("streamlit-defaults", "gc+watcher+nagle")
    tokens = set(config.split("+")) - {"default"}  # 'default' alone or with tokens: the config.toml as it is
    unknown = tokens - CONFIG_TOKENS
    if unknown or any(pair <= tokens for pair in CONTRADICTIONS):
        raise SystemExit(f"unknown or contradictory configuration {config!r}: {CONFIG_HELP}")
    args: list[str] = []
    if "nogc" in tokens or "gc" in tokens:
        args += ["--runner.postScriptGC", "false" if "nogc" in tokens else "true"]
    if "nowatcher" in tokens or "watcher" in tokens:
        args += ["--server.fileWatcherType", "none" if "nowatcher" in tokens else "auto"]
    return Server(args, entry=entry, nodelay="nagle" not in tokens, **kwargs)
