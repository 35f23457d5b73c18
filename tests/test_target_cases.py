"""Golden cases per target: tests/cases/targets/<case>/input.md -> expected/<target>/….

Each case is a small page; every built-in target renders it, and each page file
it writes is compared with its golden copy, so a template change shows as a
small diff here rather than as a diff of a real page. After an intended change:
`pytest tests/test_target_cases.py --update-goldens`, then review the diff.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import pytest
from errgen import targets
from errgen.config.project import load_config
from errgen.verbs import api
from goldens import compare
from support import make_project

CASES = Path(__file__).parent / "cases" / "targets"
FOLDERS = sorted(p for p in CASES.iterdir() if p.is_dir())


def rendered(folder: Path, tmp_path: Path) -> dict[str, str]:
    """`<target>/<path>` -> text of every file a target writes for the case's page alone
    (project-wide files such as the JSON Schema and the package __init__ are left out)."""
    project = make_project(tmp_path, {folder.name: folder / "input.md"})
    config = load_config(project / "errgen.toml", "errgen.toml")
    pages, _ = api.load_pages(config)
    files: dict[str, str] = {}
    for target in targets.BUILTIN:
        for rel, text in target.render(pages, target.context()).items():
            if PurePosixPath(rel).stem == folder.name:
                files[f"{target.name}/{rel}"] = text
    return files


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_target_case(folder: Path, tmp_path: Path, update_goldens: bool) -> None:
    compare(folder / "expected", rendered(folder, tmp_path), update_goldens, "pytest tests/test_target_cases.py")


def test_every_target_has_a_file_in_every_case(tmp_path: Path) -> None:
    for folder in FOLDERS:
        produced = {rel.split("/")[0] for rel in rendered(folder, tmp_path / folder.name)}
        assert produced == set(targets.NAMES), folder.name
