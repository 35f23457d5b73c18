"""`python -m errgen` without paying Python's start-up on every run.

The suite runs errgen as a user does about 400 times. A fresh interpreter that
imports errgen, markdown-it, Jinja and black costs more CPU than most of those
runs' own work, so each test worker starts this server once: it imports all of
that, then forks one child per run. The child becomes the process a user would
start: it takes the run's working folder, environment, argv and `sys.path[0]`,
writes to the run's own stdout and stderr files (fds 1 and 2, never a pipe of
the server's), runs the `errgen` package as `__main__`, and exits with its
status. Nothing a run does reaches the server or the next run.

What a fork cannot reproduce, support.run_errgen leaves to a real process: a
run whose environment differs from the server's in anything Python reads when
it starts (PYTHON*, LANG, LC_*), and every run when ERRGEN_TESTS_FORK=0.

Protocol, one JSON line each way over the socket given as fd argv[1]:
request {"args", "cwd", "env", "stdout", "stderr"} -> {"pid"}, then {"status"}.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import traceback
from typing import Any

# What runs import, imported once here (a missing optional one is skipped).
PRELOAD = (
    "errgen.cli", "errgen.pipeline", "errgen.read.reader", "errgen.read.html", "errgen.read.markdown",
    "errgen.targets", "errgen.write", "errgen.verbs", "markdown_it", "jinja2", "black", "selectolax.lexbor",
)


def preload() -> None:
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def exit_status(error: SystemExit) -> int:
    """What the interpreter makes of `sys.exit(value)`."""
    if error.code is None:
        return 0
    if isinstance(error.code, int):
        return error.code
    print(error.code, file=sys.stderr)
    return 1


def run_as_main(args: list[str]) -> int:
    """`python -m errgen ARGS` in this (forked) process; its exit status."""
    import runpy

    sys.argv = ["-m", *args]  # runpy sets argv[0] to the module's file, as -m does
    try:
        runpy.run_module("errgen", run_name="__main__", alter_sys=True)
    except SystemExit as error:
        return exit_status(error)
    except BaseException:  # the interpreter's own last resort: the traceback, status 1
        traceback.print_exc()
        return 1
    return 0


def become_the_run(request: dict[str, Any]) -> None:
    """In the child: take the run's folder, environment and output files, run, exit."""
    status = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            opened = os.open(path, os.O_WRONLY | os.O_TRUNC)
            os.dup2(opened, fd)
            os.close(opened)
        sys.path.insert(0, os.getcwd())  # -m puts the working folder first
        status = run_as_main(request["args"])
        import atexit

        atexit._run_exitfuncs()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:
                status = status or 120  # as the interpreter does when flushing at exit fails
        os._exit(status)


def serve(channel: socket.socket) -> None:
    reader = channel.makefile("r", encoding="utf-8")
    for line in reader:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            reader.close()
            channel.close()
            become_the_run(request)
        channel.sendall((json.dumps({"pid": pid}) + "\n").encode())
        _, wait_status = os.waitpid(pid, 0)
        channel.sendall((json.dumps({"status": os.waitstatus_to_exitcode(wait_status)}) + "\n").encode())


def main() -> None:
    channel = socket.socket(fileno=int(sys.argv[1]))
    sys.argv = sys.argv[:1]
    del sys.path[0]  # this folder (tests/), which a user's run does not have
    preload()
    serve(channel)


if __name__ == "__main__":
    main()
