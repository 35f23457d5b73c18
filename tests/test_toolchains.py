"""The generated modules drop into an SDK's build: ruff and mypy --strict for
Python, tsc's strictest settings, a .js + .d.ts pair (make ts-dist) and Node's
type stripping for TypeScript. Real pages and a page of hostile text alike."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from errgen.config.project import load_config
from errgen.verbs import api
from hostile import HOSTILE, markdown_inline
from support import ROOT, TSC, import_file, load_json, make_project

BIN = Path(sys.executable).parent
COMMITTED_PY = sorted((ROOT / "output" / "python" / "binance_errors").glob("*.py"))
COMMITTED_TS = sorted((ROOT / "output" / "typescript").glob("*.ts"))
SPOT = load_json(ROOT / "output" / "json" / "spot.json")


def hostile_page() -> str:
    """One code per hostile sample, in its name and in its message."""
    lines = ["# Hostile error codes", ""]
    for number, text in enumerate(HOSTILE, start=1):
        lines += [f"## -{number} {markdown_inline(f'N{number} {text}')}", "", f"* {markdown_inline(text)}", ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose only page is hostile text, generated: output/ holds its modules."""
    root = make_project(tmp_path_factory.mktemp("hostile"), {"hostile": hostile_page()}, package="hostile_errors")
    api.generate(load_config(root / "errgen.toml", "errgen.toml"))
    return root / "output"


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False)


# -- Python -------------------------------------------------------------------


def test_python_modules_are_clean_under_ruffs_default_rules_and_common_selections(hostile: Path) -> None:
    files = [*COMMITTED_PY, *(hostile / "python" / "hostile_errors").glob("*.py")]
    # At the floor the modules state, and at the newest Python, where pyupgrade's
    # rules (UP) would ask for syntax the 3.8 floor forbids.
    for target, ignore in (("py38", []), ("py313", ["--ignore", "UP"])):
        default = run(BIN / "ruff", "check", "--isolated", "--ignore-noqa", "--target-version", target, *ignore, *files)
        assert default.returncode == 0, default.stdout
    # What SDKs commonly add: import order, pyupgrade, bugbear, simplify, stubs, future annotations.
    # Under the modules' floor, Python 3.8, as an SDK that vendors them configures ruff.
    selected = run(BIN / "ruff", "check", "--isolated", "--ignore-noqa", "--target-version", "py38",
                   "--extend-select", "I,UP,B,SIM,PYI,FA,PIE,RET", *files)
    assert selected.returncode == 0, selected.stdout


CONSUMER_PY = '''\
from __future__ import annotations

from binance_errors import spot
from binance_errors.spot import ApiError, ErrorCode, lookup, match

code: ErrorCode = ErrorCode(-1121)
name: str = ErrorCode.BAD_SYMBOL.published_name
messages: tuple[str, ...] = code.messages
found: ErrorCode | None = lookup(-1003)
fit = match("Too many requests queued.")
args: tuple[str, ...] = () if fit is None else fit.args
error = ApiError.from_payload({"code": -1121, "msg": "Invalid symbol."})
member: ErrorCode | int = error.code
tables: tuple[spot.MessageTable, ...] = spot.MESSAGE_TABLES
'''


def test_sdk_code_using_the_modules_type_checks_under_mypy_strict(hostile: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "output" / "python" / "binance_errors", tmp_path / "binance_errors")
    shutil.copytree(hostile / "python" / "hostile_errors", tmp_path / "hostile_errors")
    (tmp_path / "consumer.py").write_text(CONSUMER_PY, encoding="utf-8")

    result = run(BIN / "mypy", "--strict", "--no-incremental", "consumer.py", "hostile_errors", cwd=tmp_path)

    assert result.returncode == 0, result.stdout
    assert (tmp_path / "binance_errors" / "py.typed").is_file()


def public_names(tree: ast.Module) -> set[str]:
    names = set()
    # The generated classes are made on first use; their declarations stand under TYPE_CHECKING.
    declared = [n for node in tree.body if isinstance(node, ast.If) and isinstance(node.test, ast.Name)
                and node.test.id == "TYPE_CHECKING" for n in node.body if isinstance(n, ast.ClassDef)]
    for node in [*tree.body, *declared]:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", node)]
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
    # TYPE_CHECKING is the flag type checkers know by name, not part of the API.
    return {name for name in names if not name.startswith("_") and name != "TYPE_CHECKING"}


def test_all_lists_exactly_the_public_names_and_every_member_has_a_docstring(hostile: Path) -> None:
    for path in [*COMMITTED_PY, hostile / "python" / "hostile_errors" / "hostile.py"]:
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = import_file(path)
        assert set(module.__all__) == public_names(tree), path
        (enum,) = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "ErrorCode"]
        body = enum.body
        members = [node for node in body if isinstance(node, ast.Assign)]
        documented = [node for node, after in zip(body, body[1:])
                      if isinstance(node, ast.Assign) and isinstance(after, ast.Expr)
                      and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str)]
        assert len(members) == len(module.ErrorCode) and documented == members, path


def test_a_malformed_error_body_is_a_type_error_as_in_typescript() -> None:
    spot = import_file(ROOT / "output" / "python" / "binance_errors" / "spot.py")
    for payload in ([], {"code": "-01121", "msg": ""}, {"code": True, "msg": ""}, {"code": -1121}):
        with pytest.raises(TypeError, match="error body"):
            spot.ApiError.from_payload(payload)


PYRIGHT = ROOT / "node_modules" / ".bin" / "pyright"
RUNTIMES = ROOT / "templates"


def test_the_runtimes_type_check_on_their_own(tmp_path: Path) -> None:
    """The hand-written runtimes are real source: mypy --strict, pyright and tsc --strict
    read them alone (at the modules' floors: Python 3.8, ES2015)."""
    runtime_py = RUNTIMES / "python" / "runtime.py"
    result = run(BIN / "mypy", "--strict", "--no-incremental", runtime_py, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    (tmp_path / "pyrightconfig.json").write_text('{"typeCheckingMode": "standard", "pythonVersion": "3.8"}')
    shutil.copy(runtime_py, tmp_path / "runtime.py")
    result = run(PYRIGHT, "runtime.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    result = run(TSC, "--strict", "--noUncheckedIndexedAccess", "--exactOptionalPropertyTypes", "--noImplicitReturns",
                 "--noUnusedLocals", "--noUnusedParameters", "--noImplicitOverride", "--erasableSyntaxOnly",
                 "--target", "es2015", "--lib", "es2015", "--noEmit", RUNTIMES / "typescript" / "runtime.ts")
    assert result.returncode == 0, result.stdout


# Pyright reads every module the consumer imports; it checks these. The seven
# Binance modules come in two forms (code classes declared, on a page of up to
# 100 codes, or made on first use): options.py is the one, sapi.py (the most
# codes) the other, spot_zh_cn.py the non-ASCII names; the rest are sapi's form
# again (mypy --strict checks every one in `make typecheck`).
PYRIGHT_CHECKS = ["__init__.py", "options.py", "sapi.py", "spot_zh_cn.py"]


def test_python_modules_are_clean_under_pyright_standard_mode_at_python_3_8(hostile: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "output" / "python" / "binance_errors", tmp_path / "binance_errors")
    shutil.copytree(hostile / "python" / "hostile_errors", tmp_path / "hostile_errors")
    (tmp_path / "consumer.py").write_text(CONSUMER_PY, encoding="utf-8")
    (tmp_path / "pyrightconfig.json").write_text('{"typeCheckingMode": "standard", "pythonVersion": "3.8"}')
    result = run(PYRIGHT, *(f"binance_errors/{name}" for name in PYRIGHT_CHECKS), "hostile_errors", "consumer.py",
                 cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_pyright_reads_both_forms_of_a_module() -> None:
    """The premise of PYRIGHT_CHECKS: options.py declares its code classes, sapi.py makes them on first use."""
    made_on_first_use = {name: bool(import_file(ROOT / "output" / "python" / "binance_errors" / name)._CODE_CLASSES)
                         for name in ("options.py", "sapi.py")}
    assert made_on_first_use == {"options.py": False, "sapi.py": True}


# What an SDK does with a module, run on every CPython the machine has.
BEHAVIOUR_PY = """
import pickle, sys
from binance_errors import spot, usdm


class SdkError(usdm.ApiError, code_classes=True):
    def __init__(self, code, msg, *, status):
        super().__init__(code, msg)
        self.status = status


error = usdm.ApiError.from_payload('{"code": -1121, "msg": "Invalid symbol."}')
assert type(error) is usdm.BadSymbol and isinstance(error, usdm.RequestIssues), type(error).__mro__
assert error.code is usdm.ErrorCode.BAD_SYMBOL and error.match.kind == "exact" and str(error).startswith("-1121")
assert pickle.loads(pickle.dumps(error)).code is usdm.ErrorCode.BAD_SYMBOL
sdk = SdkError.from_payload({"code": -1003, "msg": "Too many requests queued."}, status=429)
assert isinstance(sdk, SdkError) and isinstance(sdk, usdm.TooManyRequests) and sdk.status == 429
found = spot.match("Invalid API-key, IP, or permissions for action, request ip: 1.2.3.4", -2015)
assert (found.kind, found.rest) == ("prefix", ", request ip: 1.2.3.4"), found
assert usdm.match("clientOrderId is duplicated.").kind == "loose"
assert spot.match("Filter failure: MAX_NUM_ORDERS", -2010).error is spot.ErrorCode.INVALID_MESSAGE
for bad in (None, "not json", {"code": "-01121", "msg": ""}, {"code": -1121}, "[" * 10**5 + "]" * 10**5,
            '{"code": ' + "9" * 5000 + ', "msg": ""}', {"code": 10**5000, "msg": ""}):
    try:
        usdm.ApiError.from_payload(bad)
    except TypeError:
        pass
    else:
        raise AssertionError(bad)
print(sys.version_info[:2])
"""
PYENV = Path.home() / ".pyenv" / "versions"
PYTHONS = [f"3.{minor}" for minor in range(8, 14)]


def installed_python(version: str) -> Path | None:
    """The newest ~/.pyenv/versions/<version>.* interpreter, if any."""
    found = sorted(PYENV.glob(f"{version}.*/bin/python"), key=lambda p: [int(n) for n in re.findall(r"\\d+", p.parent.parent.name)])
    return found[-1] if found else None


@pytest.mark.parametrize("version", PYTHONS)
def test_the_generated_python_runs_on_every_cpython_from_3_8(version: str) -> None:
    python = installed_python(version)
    if python is None:
        pytest.skip(f"CPython {version} is not installed under {PYENV} (the CI machine has 3.8 to 3.13)")
    env = {"PYTHONPATH": str(ROOT / "output" / "python"), "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([str(python), "-I", "-c", f"import sys; sys.path.insert(0, {str(ROOT / 'output' / 'python')!r})\n" + BEHAVIOUR_PY],
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"({version.replace('.', ', ')})\n"


# -- TypeScript -----------------------------------------------------------------


@pytest.fixture(scope="module")
def ts_dist(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `make ts-dist` builds (its tsconfig.dist.json), for the real pages and the hostile one."""
    work = tmp_path_factory.mktemp("ts_dist")
    (work / "src").mkdir()
    for path in [*COMMITTED_TS, hostile / "typescript" / "hostile.ts"]:
        shutil.copyfile(path, work / "src" / path.name)
    config = {"extends": str(ROOT / "tsconfig.dist.json"), "include": ["src/*.ts"],
              "compilerOptions": {"rootDir": "src", "outDir": "dist"}}
    (work / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = run(TSC, "-p", work / "tsconfig.json")
    assert result.returncode == 0, result.stdout
    (work / "dist" / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    return work / "dist"


def test_make_ts_dist_pairs_every_module_with_its_declarations(ts_dist: Path) -> None:
    stems = sorted(path.stem for path in COMMITTED_TS) + ["hostile"]
    assert sorted(path.name for path in ts_dist.iterdir()) == sorted(
        ["package.json", *(f"{stem}.js" for stem in stems), *(f"{stem}.d.ts" for stem in stems)]
    )


def jsdoc_before(declarations: str, member: str) -> list[str]:
    """The lines of the /** */ block right above `member` in a .d.ts, stars stripped."""
    head = declarations[: declarations.index(member)].rstrip()
    assert head.endswith("*/"), member
    block = head[head.rindex("/**") :]
    return [line.strip().removeprefix("/**").removesuffix("*/").strip().removeprefix("* ").removeprefix("*")
            for line in block.splitlines()]


def test_declarations_carry_each_codes_published_name_and_messages(ts_dist: Path) -> None:
    declarations = (ts_dist / "spot.d.ts").read_text(encoding="utf-8")
    assert not any("@" in m["text"] or "*/" in m["text"] for e in SPOT["errors"] for m in e["messages"])

    for error in SPOT["errors"]:
        lines = [line for line in jsdoc_before(declarations, f"readonly {error['identifier']}: {error['code']};\n")
                 if line]
        assert lines == [f"{error['code']} {error['name']}", *(f"- {m['text']}" for m in error["messages"])]


def test_hostile_text_neither_ends_a_jsdoc_block_nor_starts_a_tag(ts_dist: Path) -> None:
    declarations = (ts_dist / "hostile.d.ts").read_text(encoding="utf-8")
    members = re.findall(r"^ {4}readonly (N\d+\w*|E\d+): (-\d+);$", declarations, re.MULTILINE)

    assert [int(code) for _, code in members] == [-number for number in range(1, len(HOSTILE) + 1)]
    assert re.search(r"^\s*\*\s*@", declarations, re.MULTILINE) is None


CONSUMER_TS = """\
import { ApiError, ErrorCode, lookup, match, type ErrorInfo } from "./spot.js";

const code: ErrorCode = ErrorCode.BAD_SYMBOL;
const info: ErrorInfo | undefined = lookup(code);
const fit = match("Too many requests queued.");
const error = ApiError.fromPayload({ code: -1121, msg: "Invalid symbol." });
let malformed = "";
try {
  ApiError.fromPayload([]);
} catch (caught) {
  malformed = caught instanceof TypeError ? "TypeError" : "other";
}
console.log(JSON.stringify({ code, name: info?.name, matched: fit?.error.code, error: error.match?.template, malformed }));
"""


def test_sdk_code_compiles_against_the_declarations_under_nodenext_and_runs(ts_dist: Path) -> None:
    (ts_dist / "consumer.ts").write_text(CONSUMER_TS, encoding="utf-8")
    result = run(TSC, "--strict", "--isolatedModules", "--verbatimModuleSyntax", "--exactOptionalPropertyTypes",
                 "--noUncheckedIndexedAccess", "--module", "nodenext", "--moduleResolution", "nodenext",
                 "--target", "es2018", ts_dist / "consumer.ts")
    assert result.returncode == 0, result.stdout

    output: Any = json.loads(run("node", ts_dist / "consumer.js").stdout)

    assert output == {"code": -1121, "name": "BAD_SYMBOL", "matched": -1003, "error": "Invalid symbol.",
                      "malformed": "TypeError"}


def node_version() -> tuple[int, ...]:
    return tuple(int(part) for part in run("node", "-p", "process.versions.node").stdout.strip().split("."))


@pytest.mark.skipif(node_version() < (22, 6), reason="Node's type stripping (--experimental-strip-types) "
                    f"arrived in Node 22.6; this machine has {'.'.join(map(str, node_version()))}")
def test_node_type_stripping_runs_every_module_as_it_is(hostile: Path, tmp_path: Path) -> None:
    for path in [*COMMITTED_TS, hostile / "typescript" / "hostile.ts"]:
        shutil.copyfile(path, tmp_path / path.name)
    (tmp_path / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    script = "const counts = {};\n"
    for path in [*COMMITTED_TS, hostile / "typescript" / "hostile.ts"]:
        script += f'counts["{path.stem}"] = Object.keys((await import("./{path.name}")).ErrorCode).length;\n'
    script += "console.log(JSON.stringify(counts));\n"
    (tmp_path / "strip.mjs").write_text(script, encoding="utf-8")

    result = run("node", "--experimental-strip-types", "--no-warnings", tmp_path / "strip.mjs")

    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert counts["spot"] == len(SPOT["errors"]) and counts["hostile"] == len(HOSTILE)
