"""What the tests share: paths, a throwaway project, and running the generated code."""

from __future__ import annotations

import atexit
import importlib.util
import json
import locale
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Real pages, byte for byte as published (tests/corpus/README.md says where
# from): the suite reads only what is in the repository.
CORPUS = ROOT / "tests" / "corpus"
SEED = CORPUS / "000_a9fcaeec7fb1da7f.txt"  # the reference COIN-M page
TSC = ROOT / "node_modules" / ".bin" / "tsc"

# Compiler options for running generated TypeScript in node: the strict set
# from tsconfig.json, emitting ES modules.
TSC_FLAGS = [
    "--strict", "--isolatedModules", "--verbatimModuleSyntax", "--erasableSyntaxOnly",
    "--noUncheckedIndexedAccess", "--exactOptionalPropertyTypes", "--noImplicitReturns",
    "--noUnusedLocals", "--noUnusedParameters",
    "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler",
    "--lib", "es2022",
]


def make_project(base: Path, sources: dict[str, str | Path], package: str = "errors", extra: str = "") -> Path:
    """A project folder with errgen.toml and one docs_src page per source.

    A source's value is the page's text, or a path to copy it from.
    `extra` is appended to each [[sources]] table (e.g. `translation_of = "spot"`).
    """
    (base / "docs_src").mkdir(parents=True, exist_ok=True)
    lines = ["[output]", f'python_package = "{package}"', ""]
    for source_id, page in sources.items():
        target = base / "docs_src" / f"{source_id}.md"
        if isinstance(page, Path):
            target.write_bytes(page.read_bytes())
        else:
            target.write_text(page, encoding="utf-8")
        lines += ["[[sources]]", f'id = "{source_id}"', f'path = "docs_src/{source_id}.md"', extra, ""]
    (base / "errgen.toml").write_text("\n".join(lines), encoding="utf-8")
    return base


def run_errgen(*args: str, cwd: Path, timeout: float | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m errgen ARGS` as a user runs it; never raises on exit status.

    The run is a process of its own, forked from this worker's server
    (tests/forkserver.py says what it is and what it leaves to a fresh interpreter).
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "errgen", *args]
    server = _FORK_SERVER.get(env)
    if server is None:
        return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=timeout)
    return server.run(command, cwd, env, timeout)


class _ForkServer:
    """The client of one tests/forkserver.py process: a run at a time."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        ours, theirs = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "forkserver.py"), str(theirs.fileno())], env=env,
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        )
        theirs.close()
        self.channel = ours
        self.pending = b""  # what was received past the last reply's newline
        self.lock = threading.Lock()

    def run(self, command: list[str], cwd: Path, env: dict[str, str],
            timeout: float | None) -> subprocess.CompletedProcess[str]:
        with self.lock, tempfile.TemporaryDirectory(prefix="errgen-run-") as scratch:
            out, err = Path(scratch, "stdout"), Path(scratch, "stderr")
            out.touch()
            err.touch()
            request = {"args": command[3:], "cwd": str(Path(cwd).resolve()), "env": env,
                       "stdout": str(out), "stderr": str(err)}
            self.channel.sendall((json.dumps(request) + "\n").encode())
            pid = self._reply(None)["pid"]
            status = self._status(pid, timeout, command)
            return subprocess.CompletedProcess(command, status, _as_text(out.read_bytes()), _as_text(err.read_bytes()))

    def close(self) -> None:
        """End of the worker: the server reads the end of its input and exits."""
        self.channel.close()
        self.process.wait()

    def _status(self, pid: int, timeout: float | None, command: list[str]) -> int:
        """The run's exit status; past `timeout`, the run killed and TimeoutExpired, as subprocess.run does."""
        try:
            return int(self._reply(timeout)["status"])
        except socket.timeout:
            os.kill(pid, signal.SIGKILL)
            self._reply(None)  # the server reaps it and says so
            raise subprocess.TimeoutExpired(command, timeout or 0) from None

    def _reply(self, timeout: float | None) -> Any:
        """The server's next line. Read from the socket itself: a socket's file cannot
        be read again once a read timed out, the socket can."""
        self.channel.settimeout(timeout)
        try:
            while b"\n" not in self.pending:
                received = self.channel.recv(65536)
                if not received:
                    raise RuntimeError("the errgen fork server ended (its traceback is on this worker's stderr)")
                self.pending += received
        finally:
            self.channel.settimeout(None)
        line, _, self.pending = self.pending.partition(b"\n")
        return json.loads(line)


def _as_text(data: bytes) -> str:
    """What subprocess.run(text=True) makes of a stream: the locale's encoding, universal newlines."""
    return data.decode(locale.getpreferredencoding(False)).replace("\r\n", "\n").replace("\r", "\n")


class _ForkServers:
    """This process's server, started on first use; None where a fork would not be a fresh interpreter."""

    # What Python reads as it starts: a run whose environment differs here gets a real process.
    STARTUP = ("PYTHON", "LANG", "LC_")

    def __init__(self) -> None:
        self.server: _ForkServer | None = None

    def get(self, env: dict[str, str]) -> _ForkServer | None:
        if os.environ.get("ERRGEN_TESTS_FORK") == "0" or not hasattr(os, "fork"):
            return None
        if self.server is None:
            self.server = _ForkServer(env)
            atexit.register(self.server.close)
        if self._startup(env) != self._startup(self.server.env):
            return None
        return self.server

    def _startup(self, env: dict[str, str]) -> dict[str, str]:
        return {key: value for key, value in env.items() if key.startswith(self.STARTUP)}


_FORK_SERVER = _ForkServers()


def import_file(path: Path) -> ModuleType:
    """Import a generated module from its file, under a name no other test uses."""
    name = f"generated_{path.stem}_{uuid.uuid4().hex}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def compile_typescript(sources: list[Path], out_dir: Path, root: Path | None = None) -> None:
    """tsc --strict the modules into ES modules node can import from out_dir; with
    `root`, each lands at its path below root (else tsc's common folder of them)."""
    where = ["--rootDir", str(root)] if root is not None else []
    result = subprocess.run(
        [str(TSC), *TSC_FLAGS, "--outDir", str(out_dir), *where, *map(str, sources)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, f"tsc failed:\n{result.stdout}{result.stderr}"
    (out_dir / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")


def run_node(script: str, cwd: Path) -> Any:
    """Run an ES-module script in cwd; it prints one JSON value, which is returned."""
    path = cwd / f"run_{uuid.uuid4().hex}.mjs"
    path.write_text(script, encoding="utf-8")
    result = subprocess.run(["node", str(path)], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"node failed:\n{result.stdout}{result.stderr}"
    return json.loads(result.stdout)


def load_json(path: Path) -> Any:
    """json.loads that rejects duplicate keys."""

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        assert len(keys) == len(set(keys)), f"duplicate keys in {path}: {keys}"
        return dict(pairs)

    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicates)


def pythons(*versions: str) -> dict[str, Path]:
    """The CPython interpreters of these versions ("3.9") that this machine has,
    found on PATH (`python3.9`) or among pyenv's; a missing one is left out."""
    import shutil

    found: dict[str, Path] = {}
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    for version in versions:
        on_path = shutil.which(f"python{version}")
        candidates = sorted(pyenv.glob(f"{version}.*/bin/python"), reverse=True)
        if on_path and "shims" not in Path(on_path).parts:  # a pyenv shim may name a version it cannot run
            candidates.append(Path(on_path))
        for candidate in candidates:
            if candidate.exists():
                found[version] = candidate
                break
    return found
