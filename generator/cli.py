"""The command line: flags -> one api call -> exit code. The only module that prints.

Exit codes: 0 done or clean; 1 `check` found stale output; 2 bad input, usage
or I/O.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from . import api
from .config import CONFIG_NAME, load_config
from .diagnostics import Diagnostic, ErrgenError
from .render import FormatError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code: int = args.run(args)
        return code
    except ErrgenError as exc:
        _print_diagnostics(exc.diagnostics, getattr(args, "format", "text"))
        return EXIT_ERROR
    except FormatError as exc:
        print(f"errgen: internal error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"errgen: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_ERROR


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="errgen",
        description="Generate Python, JSON and TypeScript error-code modules from an API's error-code page.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    generate = verbs.add_parser("generate", help="all sources in errgen.toml -> output/",
                                description="Render every source in errgen.toml and write output/ atomically.")
    _config_flag(generate)
    generate.set_defaults(run=_generate)

    check = verbs.add_parser("check", help="fail (exit 1) when output/ is not what the docs give",
                             description="Render in memory, write nothing; list stale, missing and orphaned files with a diff.")
    _config_flag(check)
    check.add_argument("--format", choices=("text", "github"), default="text", help="diagnostics format")
    check.set_defaults(run=_check)

    dump = verbs.add_parser("dump", help="print the JSON target for one page",
                            description="Print the JSON target for one page to stdout; no errgen.toml needed.")
    dump.add_argument("file", type=Path, metavar="FILE.md")
    dump.set_defaults(run=_dump)
    return parser


def _config_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=Path(CONFIG_NAME), metavar="PATH",
                        help=f"configuration file (default: ./{CONFIG_NAME})")


def _generate(args: argparse.Namespace) -> int:
    config = load_config(args.config, api.display_path(args.config))
    plan, diagnostics = api.generate(config)
    _print_diagnostics(diagnostics, "text")
    written = len(plan.changed) + len(plan.added)
    print(f"errgen: {written} written, {len(plan.unchanged)} unchanged, {len(plan.orphaned)} removed")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    config = load_config(args.config, api.display_path(args.config))
    result = api.check(config)
    _print_diagnostics(result.diagnostics, args.format)
    plan = result.plan
    if result.is_current:
        print(f"errgen: output is current ({len(plan.unchanged)} files)")
        return EXIT_OK
    sys.stdout.write(result.diff)
    for rel in plan.added:
        print(f"missing: {rel.as_posix()}")
    for rel in plan.orphaned:
        print(f"orphaned: {rel.as_posix()}")
    print(
        f"errgen: output is stale: {len(plan.changed)} changed, {len(plan.added)} missing, "
        f"{len(plan.orphaned)} orphaned; run `errgen generate` (make regen) and commit the result",
        file=sys.stderr,
    )
    return EXIT_FINDINGS


def _dump(args: argparse.Namespace) -> int:
    text, diagnostics = api.dump(args.file)
    _print_diagnostics(diagnostics, "text")
    sys.stdout.write(text)
    return EXIT_OK


def _print_diagnostics(diagnostics: Iterable[Diagnostic], style: str) -> None:
    for diagnostic in sorted(diagnostics):
        print(diagnostic.format_github() if style == "github" else diagnostic.format(), file=sys.stderr)


def _version() -> str:
    try:
        return metadata.version("errgen")
    except metadata.PackageNotFoundError:
        return "unknown"
