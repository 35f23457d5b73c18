"""The command line: flags -> one api call -> exit code. The only module that prints.

Exit codes: 0 done or clean; 1 `check` found stale output, `lint` found errors
or `diff --breaking` found breaking changes; 2 bad input, usage or I/O.

Each verb imports what it needs when it runs: a no-op `errgen check` (the
pre-commit hook, on every commit) then never imports the parser, Jinja or black.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, ErrgenError, did_you_mean, display_path, has_errors
from .read.raw import LAYOUT_CHOICES as LAYOUTS
from .read.raw import ROLES as COLUMN_ROLES
from .read.raw import ReadOptions
from .targets.python.format import FormatError
from .write.lockfile import CONFIG_NAME

if TYPE_CHECKING:
    from .config.project import Config
    from .verbs import api
    from .verbs.diff import PageDiff
    from .write.files import Plan

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdout()
    args = _parse(_add_examples(_parser()), sys.argv[1:] if argv is None else list(argv))
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


def _utf8_stdout() -> None:
    """JSON, diffs and page text go out as UTF-8 whatever the locale says: in
    LC_ALL=C without UTF-8 mode stdout is ASCII, and the first non-ASCII name
    would end in a UnicodeEncodeError traceback."""
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower().replace("-", "") != "utf8":
        sys.stdout.reconfigure(encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="errgen",
        description="Generate Python, JSON and TypeScript error-code modules from an API's error-code page.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    generate = verbs.add_parser("generate", help="all sources in errgen.toml -> output/",
                                description="Render every source in errgen.toml and write output/ atomically.")
    _config_flag(generate)
    generate.add_argument("--strict", action="store_true", help="a page's warnings are errors: nothing is written")
    generate.add_argument("--prune", action="store_true",
                          help="drop the codes gone from the pages (kept as deprecated until then) and their aliases")
    generate.set_defaults(run=_generate)

    fetch = verbs.add_parser("fetch", help="download each source's url into its path (exit 1 when a page changed)",
                             description="Download each source's url into its path, as served, only when the bytes "
                                         "changed; print what changed in codes. Exit 0: nothing changed; 1: a page "
                                         "changed; 2: any failure, and nothing written.")
    fetch.add_argument("ids", nargs="*", metavar="ID", help="the sources to fetch (default: every source with a url)")
    _config_flag(fetch)
    fetch.add_argument("--check", action="store_true", help="download and report; write nothing")
    fetch.add_argument("--force", action="store_true",
                       help="take a page that reads no codes or lost more than half of them")
    fetch.add_argument("--timeout", type=_seconds, default=30.0, metavar="S", help="seconds per page (default: 30)")
    fetch.set_defaults(run=_fetch)

    check = verbs.add_parser("check", help="fail (exit 1) when output/ is not what the docs give",
                             description="Render in memory, write nothing; list stale, missing and orphaned files with a diff.")
    _config_flag(check)
    check.add_argument("--strict", action="store_true", help="a page's warnings are errors (exit 2)")
    check.add_argument("--format", choices=("text", "github"), default="text", help="diagnostics format")
    _warnings_flag(check)
    check.set_defaults(run=_check)

    dump = verbs.add_parser("dump", help="print the JSON target for one page",
                            description="Print the JSON target for one page to stdout; no errgen.toml needed.")
    dump.add_argument("file", type=Path, metavar="FILE.md")
    _reading_flags(dump)
    _class_names_flag(dump)
    dump.add_argument("--strict", action="store_true", help="a page defect (a warning) is an error (exit 2)")
    dump.set_defaults(run=_dump)

    lint = verbs.add_parser("lint", help="report defects in pages (exit 1 on errors)",
                            description="Report doc defects in pages, each with a rule id, at its line and column. "
                                        "Without FILE, the sources in errgen.toml, read as it says.")
    lint.add_argument("files", type=Path, nargs="*", metavar="FILE.md")
    _config_flag(lint)
    lint.add_argument("--strict", action="store_true", help="treat warnings as errors")
    lint.add_argument("--ignore", action="append", default=[], metavar="RULE",
                      help="do not report RULE (the word in brackets); repeatable")
    _reading_flags(lint)
    lint.add_argument("--format", choices=("text", "github"), default="text", help="diagnostics format")
    _warnings_flag(lint)
    lint.set_defaults(run=_lint)

    diff = verbs.add_parser("diff", help="codes added, removed, renamed and changed between two versions of a page",
                            description="Compare two versions of a page: codes added, removed, renamed "
                                        "(published name changed) and changed (messages added or removed).")
    diff.add_argument("old", type=Path, metavar="OLD.md")
    diff.add_argument("new", type=Path, metavar="NEW.md")
    diff.add_argument("--format", choices=_DIFF_FORMATS, default="text", help="output format")
    diff.add_argument("--breaking", action="store_true", help="exit 1 when a code was removed or renamed")
    _reading_flags(diff)
    _class_names_flag(diff)
    diff.add_argument("--strict", action="store_true", help="a page defect (a warning) is an error: exit 2")
    diff.set_defaults(run=_diff)

    start = verbs.add_parser("init", help="write a commented errgen.toml and docs_src/README.md",
                             description="Start using errgen in a repository: write a commented errgen.toml and "
                                         "a docs_src/README.md saying where pages come from. Never overwrites.")
    start.add_argument("dir", type=Path, nargs="?", default=Path("."), help="project root (default: .)")
    start.add_argument("--source-id", type=_module_name, default="errors", metavar="ID",
                       help="id of the first source; names its outputs (default: errors)")
    start.add_argument("--package", type=_module_name, default="errors", metavar="NAME",
                       help="Python package the modules go in (default: errors)")
    start.add_argument("--url", type=_utf8, help="where the page is published: downloaded into docs_src/")
    start.add_argument("--no-fetch", dest="fetch", action="store_false",
                       help="with --url: record the url only, download nothing")
    start.set_defaults(run=_init)
    return parser


# `errgen VERB --help` ends with these.
EXAMPLES = {
    "generate": ["errgen generate                  # docs_src/ -> output/, what `make regen` runs",
                 "errgen generate --config sdk/errgen.toml"],
    "fetch": ["errgen fetch && errgen generate    # the published pages -> docs_src/ -> output/",
              "errgen fetch spot --check          # exit 1 when the docs changed; nothing written"],
    "check": ["errgen check                     # exit 1 and a diff when output/ is stale",
              "errgen check --format github     # the same, as GitHub Actions annotations"],
    "dump": ["errgen dump docs_src/spot.md > spot.json",
             "errgen dump --section 'Error Codes' --column 'Message=name' api.md   # part of a page, a misleading header"],
    "lint": ["errgen lint                              # the sources in errgen.toml; exit 1 on errors",
             "errgen lint --strict --ignore name-style  # warnings are errors, but one rule is off",
             "errgen lint docs_src/*.md                # any pages; a README among them is skipped"],
    "diff": ["errgen diff old.md docs_src/spot.md --breaking          # exit 1 on removed or renamed codes",
             "errgen diff old.md docs_src/spot.md --format markdown   # release notes",
             "errgen diff old.md docs_src/spot.md --format github     # annotations on a pull request",
             "git show HEAD:docs_src/spot.md > old.md                 # the committed version, to compare with"],
    "init": ["errgen init                      # errgen.toml + docs_src/README.md here",
             "errgen init --source-id spot --package binance_errors \\",
             "    --url https://github.com/binance/binance-spot-api-docs/blob/master/errors.md"],
}
WORKFLOW = """adopting errgen in an SDK repository:
  errgen init                          # commented errgen.toml + docs_src/README.md
  cp ~/Downloads/errors.md docs_src/   # the published page, byte for byte
  errgen generate                      # -> output/json, output/python, output/typescript
  git add errgen.toml docs_src output  # commit the generated code
  errgen check                         # in CI: exit 1 when output/ is stale

`errgen VERB --help` explains each verb with an example."""


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """parse_args, with "did you mean" for a mistyped verb or flag."""
    verbs = _verb_parsers(parser)
    verb = next((word for word in argv if not word.startswith("-")), None)
    if verb is not None and verb not in verbs:
        parser.error(f"unknown verb {verb!r}{did_you_mean(verb, list(verbs))} (verbs: {', '.join(verbs)})")
    args, extras = parser.parse_known_args(argv)
    if extras:
        sub = verbs[args.verb]
        flags = [flag for flag in sub._option_string_actions if flag.startswith("--")]
        hints = "".join(did_you_mean(word.split("=")[0], flags) for word in extras if word.startswith("-"))
        sub.error(f"unrecognized arguments: {' '.join(extras)}{hints}")
    return args


def _verb_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    # argparse offers no public way to reach the subcommands; this private
    # attribute has been there since subparsers were added.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _add_examples(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = WORKFLOW
    for name, sub in _verb_parsers(parser).items():
        sub.formatter_class = argparse.RawDescriptionHelpFormatter
        sub.epilog = "example:\n" + "\n".join(f"  {line}" for line in EXAMPLES.get(name, ()))
    return parser


def _utf8(value: str) -> str:
    from .verbs.init import is_encodable

    if not is_encodable(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not valid UTF-8")
    return value


def _module_name(value: str) -> str:
    from .config.project import is_module_name

    if not is_module_name(value):
        raise argparse.ArgumentTypeError(f"{value!r} must be a lower-case module name that is a keyword in neither "
                                         "Python nor TypeScript (it names modules)")
    return value


def _reading_flags(parser: argparse.ArgumentParser) -> None:
    """How to read a page, as `section`, `columns` and `placeholders` do in errgen.toml."""
    parser.add_argument("--section", action="append", default=[], type=_nonempty, metavar="HEADING",
                        help="read only the part under this heading (repeatable)")
    parser.add_argument("--column", action="append", default=[], type=_column, metavar="HEADER=ROLE",
                        help=f"the role of a table column whose header misleads: {', '.join(COLUMN_ROLES)} (repeatable)")
    parser.add_argument("--placeholder", action="append", default=[], type=_nonempty, metavar="TEXT",
                        help="a placeholder spelling of the page's own, such as <Limit> (repeatable)")
    parser.add_argument("--layout", choices=LAYOUTS, default=None,
                        help="read only this layout instead of inferring it")
    parser.add_argument("--code-pattern", type=_code_pattern, default=None, metavar="REGEX",
                        help="a regular expression over a heading's, list item's or paragraph's text with groups "
                             "(?P<code>...), and optionally (?P<name>...) and (?P<message>...)")


def _class_names_flag(parser: argparse.ArgumentParser) -> None:
    """As `class_names` in errgen.toml: what `dump` shows and `diff` compares names classes alike."""
    parser.add_argument("--class-names", choices=("message",), default="",
                        help="name the class of a code without a published name from its first message")


def _code_pattern(value: str) -> str:
    from .read.layouts.code_pattern import CodePatternError, compile_code_pattern

    try:
        compile_code_pattern(value)
    except CodePatternError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _column(value: str) -> tuple[str, str]:
    header, equals, role = value.rpartition("=")
    if not equals or not header.strip():
        raise argparse.ArgumentTypeError(f"{value!r} is not HEADER=ROLE")
    if role.strip() not in COLUMN_ROLES:
        raise argparse.ArgumentTypeError(f"unknown role {role!r} in {value!r}; roles: {', '.join(COLUMN_ROLES)}")
    return header.strip(), role.strip()


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not 0 < seconds <= 3600:
        raise argparse.ArgumentTypeError(f"{value!r}: give between 0 and 3600 seconds")
    return seconds


def _nonempty(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return value


def _reading(args: argparse.Namespace) -> ReadOptions:
    return ReadOptions(tuple(args.section), dict(args.column), tuple(args.placeholder), args.layout, args.code_pattern)


def _config_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, default=Path(CONFIG_NAME), metavar="PATH",
                        help=f"configuration file (default: ./{CONFIG_NAME})")


def _load(args: argparse.Namespace) -> Config:
    from .config.project import load_config

    return load_config(args.config, display_path(args.config))


def _generate(args: argparse.Namespace) -> int:
    from .write import noop

    # As for check: inputs already known to give the files on disk leave nothing to
    # write. --strict reads the pages for their warnings, --prune changes the output.
    known = None if args.strict or args.prune else noop.known_current(args.config)
    if known is not None:
        print(f"errgen: 0 written, {known} unchanged, 0 removed")
        return EXIT_OK
    from .verbs import api

    plan, diagnostics = api.generate(_load(args), strict=args.strict, prune=args.prune)
    _print_diagnostics([*diagnostics, *_kept(plan)], "text")
    written = len(plan.changed) + len(plan.added)
    print(f"errgen: {written} written, {len(plan.unchanged)} unchanged, {len(plan.orphaned)} removed")
    return EXIT_OK


def _fetch(args: argparse.Namespace) -> int:
    from .verbs.fetch import FetchOptions, fetch

    result = fetch(_load(args), FetchOptions(tuple(args.ids), args.check, args.force, args.timeout))
    _print_diagnostics(result.diagnostics, "text")
    for source in result.sources:
        what = source.summary.removeprefix("errgen: ") if source.summary else source.outcome
        verb = "would change" if args.check and source.outcome in ("changed", "new") else source.outcome
        print(f"{source.path}: {verb}" + (f"; {what}" if source.summary else "") + f" ({source.url})")
    return EXIT_FINDINGS if result.changed else EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from .write import noop

    # The record knows the output, not the pages' warnings: --strict reads the pages.
    known = None if args.strict else noop.known_current(args.config)
    if known is not None:
        print(f"errgen: output is current ({known} files)")
        return EXIT_OK
    from .verbs import api

    result = api.check(_load(args), strict=args.strict)
    plan = result.plan
    _print_page_diagnostics(result.diagnostics, args)
    _print_diagnostics(_kept(plan), args.format)
    if result.is_current:
        print(f"errgen: output is current ({len(plan.unchanged)} files)")
        return EXIT_OK
    if result.version_skew is not None:  # first: it explains every difference below
        lock = display_path(Path(args.config).resolve().parent / "errgen.lock")
        _print_diagnostics([_skew(lock, *result.version_skew)], args.format)
    sys.stdout.write(result.diff)
    for rel in plan.added:
        print(f"missing: {rel.as_posix()}")
    for rel in plan.orphaned:
        print(f"orphaned: {rel.as_posix()}")
    for change in result.docs:
        for line in _docs_change(change):
            print(f"errgen: {line}", file=sys.stderr)
    if args.format == "github":
        _print_diagnostics(_stale_files(result), "github")
    print(
        f"errgen: output is stale: {len(plan.changed)} changed, {len(plan.added)} missing, "
        f"{len(plan.orphaned)} orphaned; run `errgen generate` and commit the result",
        file=sys.stderr,
    )
    return EXIT_FINDINGS


def _kept(plan: Plan) -> list[Diagnostic]:
    """errgen.lock entries errgen could not prove its own, and so leaves alone."""
    return [Diagnostic(rel.as_posix(), 1, 1, "warning", f"{rel.as_posix()} is listed in errgen.lock but left alone: "
                       f"{why}", "not-owned")
            for rel, why in plan.kept]


def _skew(lock: str, written_by: str, running: str) -> Diagnostic:
    wrote = f"errgen {written_by}" if written_by else "an errgen that recorded no version"
    return Diagnostic(lock, 1, 1, "error", f"output was generated by {wrote}, this is errgen {running}; "
                      "run `errgen generate` with one errgen version everywhere (pin it) and commit the result",
                      "version-skew")


def _stale_files(result: api.CheckResult) -> list[Diagnostic]:
    """One annotation per file `generate` would change, at its first changed line, for reviewers."""
    plan = result.plan
    fix = "run `errgen generate` and commit the result"
    found = [(rel, result.first_changed_line(rel), "is stale") for rel in plan.changed]
    found += [(rel, 1, "is missing") for rel in plan.added]
    found += [(rel, 1, "is produced by no source any more") for rel in plan.orphaned]
    return [Diagnostic(rel.as_posix(), line, 1, "error", f"{rel.as_posix()} {what}; {fix}", "stale-output")
            for rel, line, what in found]


def _docs_change(change: api.DocsChange, limit: int = 20) -> list[str]:
    """What changed in one source's docs, then code by code, so a CI log explains a stale output."""
    if change.diff is None:
        return [f"{change.page}: no readable {change.previous} to compare the docs with"]
    if change.diff.is_empty:
        return [f"{change.page}: no change in error codes since {change.previous}"]
    phrases = change.diff.phrases()
    more = [f"  and {len(phrases) - limit} more (errgen diff shows all)"] if len(phrases) > limit else []
    return [f"{change.page} changed since {change.previous}: {change.diff.counts()}",
            *(f"  {phrase}" for phrase in phrases[:limit]), *more]


def _dump(args: argparse.Namespace) -> int:
    from .verbs.dump import dump

    text, diagnostics = dump(args.file, _reading(args), strict=args.strict, class_names=args.class_names)
    _print_diagnostics(diagnostics, "text")
    sys.stdout.write(text)
    return EXIT_OK


def _lint(args: argparse.Namespace) -> int:
    from .verbs import api

    if args.files:
        diagnostics, files = api.lint(args.files, strict=args.strict, ignore=args.ignore, reading=_reading(args)), len(args.files)
    else:
        config = _load(args)
        diagnostics = api.lint_sources(config, strict=args.strict, ignore=args.ignore)
        files = len(config.sources)
    _print_page_diagnostics(diagnostics, args)
    if args.format == "text":
        errors = sum(d.is_error for d in diagnostics)
        warnings = sum(d.severity == "warning" for d in diagnostics)
        counts = (_count(errors, "error"), _count(warnings, "warning"), _count(files, "file"))
        print("errgen: {}, {} in {}".format(*counts), file=sys.stderr)
    return EXIT_FINDINGS if has_errors(diagnostics) else EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


_DIFF_FORMATS = ("text", "json", "markdown", "github")


def _diff(args: argparse.Namespace) -> int:
    from .verbs import api, diff

    formats: dict[str, Callable[[PageDiff], str]] = {
        "text": diff.format_text, "json": diff.format_json, "markdown": diff.format_markdown,
        "github": diff.format_github,
    }
    result = api.diff(args.old, args.new, _reading(args), strict=args.strict, class_names=args.class_names)
    sys.stdout.write(formats[args.format](result))
    return EXIT_FINDINGS if args.breaking and result.breaking else EXIT_OK


def _init(args: argparse.Namespace) -> int:
    from .verbs.init import InitOptions, init

    result = init(args.dir, InitOptions(args.source_id, args.package, args.url, args.fetch))
    for rel in result.written:
        print(f"wrote {display_path(args.dir / rel)}")
    for rel in result.kept:
        print(f"kept {display_path(args.dir / rel)} (exists; errgen init never overwrites)")
    for exclude in result.excludes:
        where = display_path(args.dir / exclude.file)
        if exclude.edited:
            print(f"{where}: added errgen's output folders to {exclude.tool}'s excludes: " + "; ".join(exclude.lines))
        elif exclude.lines:
            print(f"{where}: {exclude.tool} lints or formats errgen's output; add to its excludes:")
            for line in exclude.lines:
                print(f"    {line}")
    page = display_path(args.dir / result.page)
    if result.downloaded:
        print(f"next: run `errgen generate`; `errgen fetch` brings {page} up to date later")
    elif result.written:
        print(f"next: copy the published page to {page}, then run `errgen generate`")
    return EXIT_OK


def _warnings_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--warnings", action="store_true",
                        help="with --format github, annotate the pages' warnings too (by default they are "
                             "listed once in the job summary, not on every pull request)")


def _print_page_diagnostics(diagnostics: Sequence[Diagnostic], args: argparse.Namespace) -> None:
    """Errors as `--format` says. In GitHub's format the pages' warnings are no
    annotations unless `--warnings`: the same defects of a published page would be
    pinned to every pull request. They go once to the job summary instead."""
    if args.format != "github" or args.warnings:
        _print_diagnostics(diagnostics, args.format)
        return
    warnings = sorted(d for d in diagnostics if not d.is_error)
    _print_diagnostics([d for d in diagnostics if d.is_error], "github")
    if not warnings:
        return
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    lines = [f"- `{d.format()}`" for d in warnings]
    if summary:
        with open(summary, "a", encoding="utf-8") as out:  # GitHub's file for the job's summary page
            out.write(f"### errgen {args.verb}: {_count(len(warnings), 'page warning')}\n\n" + "\n".join(lines) + "\n")
        where = "listed in the job summary"
    else:
        for d in warnings:
            print(d.format(), file=sys.stderr)
        where = "listed above"
    print(f"errgen: {_count(len(warnings), 'page warning')} {where}, not annotated (--warnings annotates them)",
          file=sys.stderr)


def _print_diagnostics(diagnostics: Iterable[Diagnostic], style: str) -> None:
    for diagnostic in sorted(diagnostics):
        print(diagnostic.format_github() if style == "github" else diagnostic.format(), file=sys.stderr)


class _Version(argparse.Action):
    """--version, looked up only when asked for (importlib.metadata costs 20 ms)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from .version import version

        print(f"{parser.prog} {version()}")
        parser.exit()
