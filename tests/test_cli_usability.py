"""The command line explains itself: --version, an example in every verb's
--help, "did you mean" for typos, and GitHub annotations for CI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from errgen import cli
from support import CORPUS, ROOT, make_project, run_errgen

SEED = ROOT / "docs_src" / "binance-coinm.md"  # the seed page, as committed


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`errgen ARGV` in-process: (exit code, stdout, stderr)."""
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse exits on --help, --version and usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"], capsys) == (0, f"errgen {metadata.version('errgen')}\n", "")


VERBS = sorted(cli._verb_parsers(cli._parser()))


@pytest.mark.parametrize("verb", VERBS)
def test_every_verbs_help_ends_with_an_example_of_that_verb(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([verb, "--help"], capsys)

    assert code == 0
    assert out.startswith(f"usage: errgen {verb} ")
    example = out.split("\nexample:\n", 1)[1]
    assert example.startswith(f"  errgen {verb}")


def test_top_level_help_walks_through_adoption(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)

    assert code == 0
    steps = [line.split()[1] for line in out.split("adopting errgen in an SDK repository:\n")[1].splitlines()[:5]]
    assert steps == ["init", "~/Downloads/errors.md", "generate", "add", "check"]
    assert all(verb in out for verb in VERBS)


@pytest.mark.parametrize(("typo", "meant"), [("genrate", "generate"), ("chekc", "check"), ("Init", "init")])
def test_a_mistyped_verb_suggests_the_closest(typo: str, meant: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([typo], capsys)

    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        f"errgen: error: unknown verb {typo!r}; did you mean {meant!r}? (verbs: {', '.join(cli._verb_parsers(cli._parser()))})"
    )


def test_a_verb_nothing_resembles_lists_the_verbs_without_a_guess(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(["xyzzy"], capsys)

    assert "did you mean" not in err and "unknown verb 'xyzzy' (verbs: generate, fetch, check" in err


def test_a_mistyped_flag_suggests_the_closest_flag_of_that_verb(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--fromat", "github"], capsys)

    assert code == 2
    assert err.splitlines() == [
        "usage: errgen check [-h] [--config PATH] [--strict] [--format {text,github}]",
        "                    [--warnings]",
        "errgen check: error: unrecognized arguments: --fromat github; did you mean '--format'?",
    ]


def test_no_config_says_how_to_create_one(tmp_path: Path) -> None:
    result = run_errgen("generate", cwd=tmp_path)

    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "errgen.toml:1:1: error: no errgen.toml here; run `errgen init` to write one, or pass --config PATH [no-config]\n"
    )


def test_check_format_github_annotates_each_stale_file_and_each_page_warning(tmp_path: Path) -> None:
    # USDⓈ-M publishes one name for two codes: a warning at the later one.
    project = make_project(tmp_path, {"coinm": SEED, "usdm": CORPUS / "binance-usdm-error-codes-2025-11-09.md"})
    assert run_errgen("generate", cwd=project).returncode == 0
    (project / "output/typescript/coinm.ts").unlink()
    shutil.copyfile(project / "output/python/errors/coinm.py", project / "output/python/errors/retired.py")
    page = project / "docs_src/coinm.md"
    page.write_text(page.read_text().replace("-   Invalid symbol.", "-   Invalid symbol name."), encoding="utf-8")

    result = run_errgen("check", "--format", "github", "--warnings", cwd=project)

    assert result.returncode == 1
    # Each stale file is annotated at the first line the regenerated file changes.
    json_line = first_line_holding(project / "output/json/coinm.json", '"Invalid symbol."')  # "literals" sorts first
    python_line = first_line_holding(project / "output/python/errors/coinm.py", "- Invalid symbol.")  # a docstring
    fix = "run `errgen generate` and commit the result"
    # Sorted by path, as every diagnostic is.
    annotations = [line for line in result.stderr.splitlines() if line.startswith("::")]
    assert annotations == [
        ("::warning file=docs_src/usdm.md,line=758,col=1,title=duplicate-name::name "
         '"ISOLATED_REJECT_WITH_JOINT_MARGIN" is also the name of code -4167 (line 730); '
         "identifier ISOLATED_REJECT_WITH_JOINT_MARGIN_4183 used here"),
        f"::error file=errgen.lock,line=4,col=1,title=stale-output::errgen.lock is stale; {fix}",
        (f"::error file=output/json/coinm.json,line={json_line},col=1,title=stale-output::"
         f"output/json/coinm.json is stale; {fix}"),
        (f"::error file=output/python/errors/coinm.py,line={python_line},col=1,title=stale-output::"
         f"output/python/errors/coinm.py is stale; {fix}"),
        (f"::error file=output/python/errors/retired.py,line=1,col=1,title=stale-output::"
         f"output/python/errors/retired.py is produced by no source any more; {fix}"),
        (f"::error file=output/typescript/coinm.ts,line=1,col=1,title=stale-output::"
         f"output/typescript/coinm.ts is missing; {fix}"),
    ]


USDM_WARNING = ('docs_src/usdm.md:758:1: warning: name "ISOLATED_REJECT_WITH_JOINT_MARGIN" is also the name of '
                'code -4167 (line 730); identifier ISOLATED_REJECT_WITH_JOINT_MARGIN_4183 used here [duplicate-name]')


def test_check_format_github_lists_page_warnings_once_in_the_job_summary(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"usdm": CORPUS / "binance-usdm-error-codes-2025-11-09.md"})
    assert run_errgen("generate", cwd=project).returncode == 0
    (project / "output/typescript/usdm.ts").unlink()  # stale: check reads the page (a no-op check reads none)
    summary = tmp_path / "summary.md"
    for verb in ("check", "lint"):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "GITHUB_STEP_SUMMARY": str(summary)}
        result = subprocess.run([sys.executable, "-m", "errgen", verb, "--format", "github"], cwd=project, env=env,
                                capture_output=True, text=True, check=False)
        assert not [line for line in result.stderr.splitlines() if line.startswith("::warning")], result.stderr
        assert "not annotated (--warnings annotates them)" in result.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### errgen check: 1 page warning\n\n") and f"- `{USDM_WARNING}`\n" in text, text
    assert "### errgen lint:" in text


def test_lint_ignore_silences_the_same_rules_in_generate_and_check(tmp_path: Path) -> None:
    project = make_project(tmp_path, {"usdm": CORPUS / "binance-usdm-error-codes-2025-11-09.md"},
                           extra='lint = { ignore = ["duplicate-name"] }')
    generated = run_errgen("generate", cwd=project)
    assert generated.returncode == 0 and "duplicate-name" not in generated.stderr, generated.stderr
    checked = run_errgen("check", "--strict", cwd=project)  # silenced: not even an error under --strict
    assert checked.returncode == 0 and "duplicate-name" not in checked.stderr, checked.stderr
    loud = make_project(tmp_path / "loud", {"usdm": CORPUS / "binance-usdm-error-codes-2025-11-09.md"})
    assert USDM_WARNING in run_errgen("generate", cwd=loud).stderr


def first_line_holding(path: Path, text: str) -> int:
    """The first line that ends with `text` (a trailing comma aside)."""
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1)
                if line.rstrip(",").endswith(text))


WORKFLOW = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
STEPS = WORKFLOW["jobs"]["errgen"]["steps"]


def test_the_example_workflow_is_a_github_actions_workflow_run_on_pull_requests() -> None:
    triggers = WORKFLOW[True]  # YAML 1.1 reads the key `on` as true; GitHub reads it as "on"
    assert set(WORKFLOW) == {"name", True, "permissions", "env", "jobs"}
    assert triggers["pull_request"] is None  # every pull request: output folders are errgen.toml's to name
    assert WORKFLOW["jobs"]["errgen"]["runs-on"] == "ubuntu-latest"
    assert all(len({"uses", "run"} & set(step)) == 1 for step in STEPS)
    assert [step["run"] for step in STEPS if "run" in step][0] == 'python -m pip install "$ERRGEN"'


def run_errgen_steps(repo: Path) -> list[subprocess.CompletedProcess[str]]:
    """Each step of the example that runs errgen, in bash as the runner does, with this checkout's errgen."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    return [subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True,
                           check=False)
            for step in STEPS if step.get("run", "").startswith("errgen ")]


def test_the_example_workflows_commands_pass_on_a_current_repository_and_annotate_a_stale_one(tmp_path: Path) -> None:
    assert run_errgen("init", cwd=tmp_path).returncode == 0
    shutil.copyfile(SEED, tmp_path / "docs_src" / "errors.md")
    assert run_errgen("generate", cwd=tmp_path).returncode == 0

    current = run_errgen_steps(tmp_path)

    assert [step.returncode for step in current] == [0, 0], [step.stderr for step in current]
    # The page's warnings are listed (in the job summary on GitHub), not annotated on every pull request.
    *listed, last = current[1].stderr.splitlines()
    assert listed and all(line.startswith("docs_src/errors.md:") for line in listed), listed
    assert last == f"errgen: {len(listed)} page warnings listed above, not annotated (--warnings annotates them)"

    page = tmp_path / "docs_src" / "errors.md"
    page.write_text(page.read_text().replace("-   Invalid symbol.", "-   Invalid symbol name."), encoding="utf-8")
    check, lint = run_errgen_steps(tmp_path)

    assert (check.returncode, lint.returncode) == (1, 0)
    assert "::error file=output/json/errors.json,line=" in check.stderr


TEXT_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.*) \[(?P<rule>[a-z-]+)\]$")


def test_diff_format_github_annotates_each_change_breaking_ones_as_errors(tmp_path: Path) -> None:
    for name in ("binance-spot-errors-2025-01-09.md", "binance-spot-errors-2026-05-18.md"):
        shutil.copyfile(CORPUS / name, tmp_path / name)
    pages = ["binance-spot-errors-2025-01-09.md", "binance-spot-errors-2026-05-18.md"]

    text = run_errgen("diff", *pages, cwd=tmp_path).stdout.splitlines()
    github = run_errgen("diff", "--format", "github", "--breaking", *pages, cwd=tmp_path)

    found = [TEXT_LINE.match(line) for line in text[:-1]]
    assert all(found) and len(found) > 10
    levels = {"code-removed": "error", "code-renamed": "error", "code-moved": "error"}
    assert github.stdout.splitlines() == [
        f"::{levels.get(m['rule'], 'notice')} file={m['path']},line={m['line']},col={m['col']},title={m['rule']}::"
        + m["message"].replace("%", "%25")
        for m in found if m
    ] + [text[-1]]
    assert github.returncode == (1 if text[-1].endswith("; breaking") else 0)
