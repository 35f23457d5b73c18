"""Issue 26: everything errgen reads besides the page is input too (the lock, the
cache, the config, user templates, committed output). Hostile lock cases are
golden project folders (tests/cases/projects/); the rest is here."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest
from errgen.config.project import load_config
from errgen.targets.environment import CompiledTemplates, _environment
from errgen.targets.templates import templates_dir
from errgen.targets.reserved import reserved_class_names
from errgen.verbs.project import render_project
from errgen.write import cache
from jinja2.bccache import Bucket
from jinja2.sandbox import SandboxedEnvironment
from support import compile_typescript, import_file, make_project, run_errgen, run_node

PAGE = "# Errors\n\n#### -1000 UNKNOWN\n\n- An unknown error occurred.\n\n#### -1121 BAD_SYMBOL\n\n- Invalid symbol.\n"


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ERRGEN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


# -- 1. the lock removes only errgen's files ------------------------------------------

def test_moving_an_output_folder_leaves_the_users_file_at_the_old_path(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"acme": PAGE})
    config = (root / "errgen.toml").read_text(encoding="utf-8")
    (root / "errgen.toml").write_text(config.replace("[output]", '[output]\ntypescript = "src"'), encoding="utf-8")
    assert run_errgen("generate", cwd=root).returncode == 0
    (root / "errgen.toml").write_text(config.replace("[output]", '[output]\ntypescript = "src/generated"'),
                                      encoding="utf-8")
    (root / "src" / "acme.ts").write_text("export const mine = 1;\n", encoding="utf-8")  # the user's own now

    result = run_errgen("generate", cwd=root)

    assert result.returncode == 0, result.stderr
    assert (root / "src" / "acme.ts").read_text(encoding="utf-8") == "export const mine = 1;\n"
    assert (root / "src" / "generated" / "acme.ts").is_file()


def test_a_lock_entry_under_git_is_never_removed(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    assert run_errgen("generate", cwd=root).returncode == 0
    (root / ".git").mkdir()
    head = b"ref: refs/heads/main\n"
    (root / ".git" / "HEAD").write_bytes(head)
    lock = json.loads((root / "errgen.lock").read_text(encoding="utf-8"))
    lock["files"][".git/HEAD"] = hashlib.sha256(head).hexdigest()  # the true digest: only the rule protects it
    (root / "errgen.lock").write_text(json.dumps(lock), encoding="utf-8")
    assert run_errgen("generate", cwd=root).returncode == 0
    assert (root / ".git" / "HEAD").read_bytes() == head


# -- 4. no class takes a name the runtimes use ----------------------------------------

def test_a_page_whose_headings_are_every_reserved_name_compiles_and_imports(tmp_path: Path) -> None:
    names = sorted(n for n in reserved_class_names() if re.fullmatch(r"[A-Z][A-Za-z]*", n))
    page = "# Errors\n\n" + "".join(f"## {name}\n\n#### -{i + 1} {name}\n\n- Message {i}.\n\n"
                                    for i, name in enumerate(names))
    root = make_project(tmp_path / "p", {"page": page})
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 0, result.stderr
    document = json.loads((root / "output" / "json" / "page.json").read_text(encoding="utf-8"))
    assert not {e["class_name"] for e in document["errors"]} & reserved_class_names()

    module = import_file(root / "output" / "python" / "errors" / "page.py")
    assert module.ApiError.from_payload({"code": -1, "msg": "Message 0."}).code == -1
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(root / "output" / "python")],
                          capture_output=True, text=True, check=False)
    assert mypy.returncode == 0, mypy.stdout
    compile_typescript([root / "output" / "typescript" / "page.ts"], tmp_path / "js")
    assert run_node("import { ApiError } from './page.js';\n"
                    "console.log(JSON.stringify(ApiError.fromPayload({code: -1, msg: 'x'}).code));", tmp_path / "js") == -1


# -- 5. the cache is checked, and written without following links ----------------------

def test_a_poisoned_black_cache_never_reaches_the_module(tmp_path: Path, private_cache: Path) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    assert run_errgen("generate", cwd=root).returncode == 0
    clean = (root / "output" / "python" / "errors" / "spot.py").read_text(encoding="utf-8")
    entries = cache_entries("black")
    assert entries  # a test that poisons nothing proves nothing
    for entry in entries:  # the seal stays, over other bytes
        seal, _, _ = entry.read_bytes().partition(b"\n")
        entry.write_bytes(seal + b"\nimport os\nos.system('echo pwned')\n")
    (root / "output" / "python" / "errors" / "spot.py").unlink()
    for entry in cache_entries("check"):  # the no-op record too: a full run
        entry.unlink()

    assert run_errgen("generate", cwd=root).returncode == 0
    assert (root / "output" / "python" / "errors" / "spot.py").read_text(encoding="utf-8") == clean


def cache_entries(kind: str) -> list[Path]:
    """The files of the cache's `kind` entries (ERRGEN_CACHE_DIR is the test's own folder)."""
    folder = cache.kind_folder(kind)
    assert folder is not None
    return [entry for entry in folder.rglob("*") if entry.is_file()]


def environment_cache_clear() -> None:
    """A new run: no environment (with its compiled templates in memory) is kept."""
    _environment.cache_clear()


def test_a_poisoned_compiled_template_never_renders(tmp_path: Path, private_cache: Path) -> None:
    """An entry of compiled templates is code. One errgen did not seal (a restored CI
    cache, a shared folder) is a miss, even one written by someone who knows the layout:
    Jinja's format, the right key, the template's own checksum."""
    root = make_project(tmp_path / "p", {"spot": PAGE})
    assert run_errgen("generate", cwd=root).returncode == 0
    clean = {path: path.read_bytes() for path in (root / "output").rglob("*") if path.is_file()}
    kept = set(cache_entries("jinja"))
    forged = forge_compiled_templates("{{ 'pwned' }}")
    assert kept and kept <= forged  # every template the run kept was replaced
    for path in clean:
        path.unlink()
    for entry in cache_entries("check"):  # the no-op record too: a full run
        entry.unlink()

    assert run_errgen("generate", cwd=root).returncode == 0
    assert {path: path.read_bytes() for path in clean} == clean


def forge_compiled_templates(source: str) -> set[Path]:
    """Write, for every built-in template, the code of `source` where errgen keeps the
    template's compiled code, with a seal that is not this account's; the paths."""
    evil = jinja2.Environment().compile(source)
    loader = jinja2.FileSystemLoader(templates_dir())
    forged: set[Path] = set()
    for kind in (jinja2.Environment, SandboxedEnvironment):
        keys = CompiledTemplates(kind)
        env = kind(loader=loader)
        for name in loader.list_templates():
            text, filename, _ = loader.get_source(env, name)
            bucket = Bucket(env, keys.get_cache_key(name, filename), keys.get_source_checksum(text))
            bucket.code = evil
            path = cache.cache_path("jinja", keys.entry_key(bucket))
            assert path is not None
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"0" * 64 + b"\n" + bucket.bytecode_to_string())
            forged.add(path)
    return forged


def test_compiled_templates_are_loaded_from_the_cache_and_follow_a_changed_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "p", {"spot": PAGE})
    text = (project / "errgen.toml").read_text(encoding="utf-8")
    (project / "errgen.toml").write_text(text.replace("[output]\n", '[output]\ntemplate_dirs = ["tpl"]\n'))
    (project / "tpl" / "json").mkdir(parents=True)
    (project / "tpl" / "json" / "schema.json.j2").write_text("one\n", encoding="utf-8")
    config = load_config(project / "errgen.toml", "errgen.toml")
    rendered = render_project(config).files  # compiles every template, and keeps them
    environment_cache_clear()
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda env, source, name=None, *args, **kwargs: compiled.append(str(name))
                        or compile_(env, source, name, *args, **kwargs))

    assert render_project(config).files == rendered
    assert compiled == []  # all six from the cache

    (project / "tpl" / "json" / "schema.json.j2").write_text("two\n", encoding="utf-8")
    environment_cache_clear()
    again = render_project(load_config(project / "errgen.toml", "errgen.toml")).files
    assert compiled == ["json/schema.json.j2"]
    assert [text for path, text in again.items() if path.name == "page.schema.json"] == ["two\n"]


def test_the_cache_writer_replaces_a_planted_link_instead_of_writing_through_it(tmp_path: Path,
                                                                               private_cache: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    path = cache.cache_path("black", "ab" * 32)
    assert path is not None
    path.parent.mkdir(parents=True)
    os.symlink(victim, path)
    os.symlink(victim, path.with_name(f"{path.name}.{os.getpid()}.tmp"))  # the old predictable name

    cache.store("black", "ab" * 32, "formatted\n")

    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert cache.read("black", "ab" * 32) == "formatted\n"


def test_an_entry_sealed_by_another_account_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "other"))
    cache.store("black", "cd" * 32, "import os\n")  # a CI cache written elsewhere, restored here
    assert cache.read("black", "cd" * 32) == "import os\n"
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "mine"))
    assert cache.read("black", "cd" * 32) is None


def test_a_sealing_key_others_can_read_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    cache.store("black", "ef" * 32, "x = 1\n")
    (tmp_path / "state" / "errgen" / "cache.key").chmod(0o644)
    assert cache.read("black", "ef" * 32) is None


# -- 8. nothing hangs, nothing gives a traceback -----------------------------------------

@pytest.mark.parametrize("name", ["errgen.toml", "errgen.lock"])
@pytest.mark.parametrize("verb", ["generate", "check"])
def test_a_fifo_in_place_of_a_project_file_is_refused(tmp_path: Path, name: str, verb: str) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    if name == "errgen.toml":
        (root / name).unlink()
    os.mkfifo(root / name)
    result = run_errgen(verb, cwd=root, timeout=60)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{name}:1:1: error: is not a regular file"), result.stderr


def test_a_nul_in_a_path_of_errgen_toml_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    text = (root / "errgen.toml").read_text(encoding="utf-8")
    (root / "errgen.toml").write_text(text.replace('"docs_src/spot.md"', '"docs_src/\\u0000.md"'), encoding="utf-8")
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "holds a NUL" in result.stderr


def test_a_user_template_that_raises_is_a_diagnostic(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    (root / "tpl").mkdir()
    (root / "tpl" / "codes.txt.j2").write_text("{{ page.errors[0].code|rustint }}{{ 1 // 0 }}\n", encoding="utf-8")
    with open(root / "errgen.toml", "a", encoding="utf-8") as handle:
        handle.write('\n[[targets]]\nname = "codes"\ntemplate = "codes.txt.j2"\npath = "out/{id}.txt"\n')
    text = (root / "errgen.toml").read_text(encoding="utf-8")
    (root / "errgen.toml").write_text(text.replace("[output]", '[output]\ntemplate_dirs = ["tpl"]'), encoding="utf-8")
    result = run_errgen("generate", cwd=root)
    assert (result.returncode, "Traceback" in result.stderr) == (2, False), result.stderr
    assert "target 'codes': its template raised ZeroDivisionError" in result.stderr
    assert not (root / "out").exists()


def test_deeply_nested_committed_json_is_no_traceback(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    assert run_errgen("generate", cwd=root).returncode == 0
    (root / "docs_src" / "spot.md").write_text(PAGE + "\n#### -2000 NEW\n\n- New.\n", encoding="utf-8")
    nested = "[" * 100000 + "]" * 100000
    (root / "output" / "json" / "spot.json").write_text(nested, encoding="utf-8")
    lock = json.loads((root / "errgen.lock").read_text(encoding="utf-8"))
    lock["files"]["output/json/spot.json"] = hashlib.sha256(nested.encode()).hexdigest()  # committed together
    (root / "errgen.lock").write_text(json.dumps(lock), encoding="utf-8")
    result = run_errgen("check", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr


# -- 9. paths stay inside the project; templates are sandboxed ----------------------------

@pytest.mark.parametrize("line", ['path = "/etc/hostname"', 'path = "../outside.md"'])
def test_a_source_path_outside_the_project_is_refused(tmp_path: Path, line: str) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    text = (root / "errgen.toml").read_text(encoding="utf-8")
    (root / "errgen.toml").write_text(text.replace('path = "docs_src/spot.md"', line), encoding="utf-8")
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2 and "lies outside the project" in result.stderr, result.stderr


def test_template_dirs_outside_the_project_and_unsafe_templates_are_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    text = (root / "errgen.toml").read_text(encoding="utf-8")
    (root / "errgen.toml").write_text(text.replace("[output]", '[output]\ntemplate_dirs = ["/etc"]'), encoding="utf-8")
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2 and "template folder '/etc' lies outside the project" in result.stderr

    (root / "tpl").mkdir()
    (root / "tpl" / "x.j2").write_text("{{ page.__class__.__mro__ }}{{ page.errors|length }}\n", encoding="utf-8")
    (root / "errgen.toml").write_text(text.replace("[output]", '[output]\ntemplate_dirs = ["tpl"]')
                                      + '\n[[targets]]\nname = "x"\ntemplate = "x.j2"\npath = "out/{id}.txt"\n',
                                      encoding="utf-8")
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2 and "SecurityError" in result.stderr, result.stderr


# -- 11. another project's vendored module is not ours ------------------------------------

def test_a_vendored_module_of_another_project_in_an_output_folder_is_left_alone(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"spot": PAGE})
    assert run_errgen("generate", cwd=root).returncode == 0
    vendored = "// Code generated by errgen from docs_src/kraken.md; DO NOT EDIT.\nexport {};\n"
    (root / "output" / "typescript" / "kraken.ts").write_text(vendored, encoding="utf-8")
    assert run_errgen("generate", cwd=root).returncode == 0
    assert (root / "output" / "typescript" / "kraken.ts").read_text(encoding="utf-8") == vendored


# -- 12. the Rust example escapes what it writes -----------------------------------------

def test_the_rust_example_refuses_a_string_code_instead_of_writing_it_as_source(tmp_path: Path) -> None:
    from support import ROOT

    example = ROOT / "examples" / "rust"
    root = tmp_path / "rust"
    (root / "docs_src").mkdir(parents=True)
    (root / "errgen_templates").mkdir()
    for name in ("errors.rs.j2", "runtime.rs"):
        (root / "errgen_templates" / name).write_bytes((example / "errgen_templates" / name).read_bytes())
    (root / "errgen.toml").write_bytes((example / "errgen.toml").read_bytes())
    (root / "docs_src" / "binance-spot.md").write_text("# E\n\n| Code | Message |\n|---|---|\n| std::process::abort | Boom. |\n",
                                                      encoding="utf-8")
    result = run_errgen("generate", cwd=root)
    assert result.returncode == 2, result.stderr
    assert "rustint: 'std::process::abort' is not an integer" in result.stderr
    assert not (root / "output").exists()


# -- 10. the lock is held before errgen.lock or a page is read ---------------------------

@pytest.mark.parametrize("verb", ["generate", "check"])
def test_the_project_lock_is_held_while_errgen_lock_is_read(tmp_path: Path, verb: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import fcntl

    from errgen.config.project import load_config
    from errgen.verbs import api, project

    root = make_project(tmp_path / "p", {"spot": PAGE})
    held: list[bool] = []
    real = project.read_lock

    def spy(where: Path, shown: str) -> object:
        fd = os.open(where, os.O_RDONLY)
        try:  # another run's open of the folder: does it find the lock taken?
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            held.append(False)
        except OSError as exc:
            assert exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN)
            held.append(True)
        finally:
            os.close(fd)
        return real(where, shown)

    monkeypatch.setattr(project, "read_lock", spy)
    getattr(api, verb)(load_config(root / "errgen.toml", "errgen.toml"))
    assert held == [True]  # read once per run, with the project lock held
