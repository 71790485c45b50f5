"""The child process that reads one document's text under hard limits: ``python -I reader KIND SECONDS MB CHARS``.

The file's bytes arrive on stdin; its text leaves on stdout (UTF-8, at most CHARS characters). The limits are
set before any parser is imported, so everything the child does is bounded: CPU seconds (the kernel stops it),
address space (allocations fail with MemoryError), no files written. Exit status: 0 read, 3 out of memory,
4 unreadable (the reason's class name on stdout); a child stopped by the kernel for its CPU time dies of a signal.
The modules here import only the standard library and the parsers, never Django, so the child starts small and
sees none of the application's settings or secrets.
"""
import resource
import sys

MB = 1024 * 1024
OUT_OF_MEMORY, UNREADABLE = 3, 4


def limit(seconds, megabytes):
    """Bound this process: CPU seconds (SIGXCPU, then SIGKILL a second later), address space, no files, no core."""
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    resource.setrlimit(resource.RLIMIT_AS, (megabytes * MB, megabytes * MB))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def read(kind, data, max_chars, memory_bytes):
    """The text of ``data``, a document of ``kind`` (docx, odt or pdf), at most ``max_chars`` characters."""
    if kind == "docx":
        from docx_text import docx_text as reader
    elif kind == "odt":
        from odt_text import odt_text as reader
    elif kind == "pdf":
        from pdf_text import pdf_text as reader
    else:
        raise ValueError(kind)
    return reader(data, max_chars, memory_bytes)[:max_chars]


def main():
    kind, seconds, megabytes, max_chars = sys.argv[1], *map(int, sys.argv[2:5])
    limit(seconds, megabytes)
    try:
        text = read(kind, sys.stdin.buffer.read(), max_chars, megabytes * MB)
        out = text.encode("utf-8", "replace")
    except MemoryError:
        return OUT_OF_MEMORY
    except Exception as exc:  # noqa: BLE001 (any parser failure means the same to the parent: unreadable)
        sys.stdout.write(type(exc).__name__)
        return UNREADABLE
    sys.stdout.buffer.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
