"""Running the reader (./reader) in a child process with hard limits on CPU time, memory and wall-clock time.

Hand-written because no parsing library bounds its own time and memory: python-docx, pypdf and the XML parsers
read a hostile file as far as it asks, and a thread cannot be stopped. A child process can: the kernel ends it
past its CPU seconds (RLIMIT_CPU), its allocations fail past its address space (RLIMIT_AS), and the parent kills
it after a wall-clock timeout. subprocess runs a fresh, isolated interpreter (``python -I``) rather than a
multiprocessing fork, so the limits apply to the reader alone, not to a copy of this process's memory, and the
child sees neither Django nor its settings and secrets.
"""
import os
import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from proposals.core.splitting.errors import TOO_BIG, TOO_SLOW, UNREADABLE, ExtractionError

READER = Path(__file__).resolve().parent / "reader"
OUT_OF_MEMORY = 3  # the reader's exit status when an allocation failed (see reader/__main__.py)
# The kernel's answers to a process past its CPU limit: SIGXCPU at the soft limit, SIGKILL at the hard one.
CPU_SIGNALS = {-signal.SIGXCPU, -signal.SIGKILL}


def reader_command(kind, seconds, megabytes, max_chars):
    """The command line of the reader for one document."""
    return [sys.executable, "-I", str(READER), kind, str(seconds), str(megabytes), str(max_chars)]


def wall_seconds(seconds):
    """How long the parent waits: the CPU budget plus time for a loaded machine, so only a stalled child hits it."""
    return seconds + max(2, seconds // 2)


def read_in_child(kind, data, name, max_chars):
    """The text of ``data`` (a ``kind`` document named ``name``), read by the reader within the configured limits.

    Raises ExtractionError naming the file when the reader runs out of CPU time or wall-clock time, out of
    memory, or fails.
    """
    seconds = settings.PARLREFORM_EXTRACT_SECONDS
    megabytes = settings.PARLREFORM_EXTRACT_MEMORY_MB
    try:
        done = subprocess.run(
            reader_command(kind, seconds, megabytes, max_chars), input=data, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, timeout=wall_seconds(seconds), check=False,
            env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C.UTF-8"},
        )
    except subprocess.TimeoutExpired as exc:  # subprocess.run has killed the child
        raise ExtractionError(TOO_SLOW % {"name": name, "seconds": seconds}) from exc
    except OSError as exc:
        raise ExtractionError(UNREADABLE % {"name": name}) from exc
    if done.returncode in CPU_SIGNALS:
        raise ExtractionError(TOO_SLOW % {"name": name, "seconds": seconds})
    if done.returncode == OUT_OF_MEMORY:
        raise ExtractionError(TOO_BIG % {"name": name, "megabytes": megabytes})
    if done.returncode != 0:
        raise ExtractionError(UNREADABLE % {"name": name})
    return done.stdout[: 4 * max_chars].decode("utf-8", "replace")[:max_chars]
