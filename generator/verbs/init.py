"""`errgen init`: a commented errgen.toml and a docs_src/ README for a new SDK repo.

Never overwrites: `write.create` makes each file only where none exists, so an
existing file (or one created meanwhile by someone else) is kept and reported.
With a url, the page is downloaded first (as `errgen fetch` does) into
docs_src/<id>.html or .md, by what was served; a failed download writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..config.project import is_module_name
from ..read.download import get, raw_url
from ..read.source import source_format
from ..targets.environment import environment, render
from ..targets.filters import toml
from ..write.files import create
from ..write.lockfile import CONFIG_NAME

_FILES = (
    (CONFIG_NAME, "init/errgen.toml.j2"),
    ("docs_src/README.md", "init/docs_src_README.md.j2"),
    (".gitattributes", "init/gitattributes.j2"),  # LF checkouts of pages and generated code
)


@dataclass(frozen=True, slots=True)
class InitOptions:
    source_id: str = "errors"
    package: str = "errors"
    url: str | None = None
    fetch: bool = True  # download the page at `url` into docs_src/


@dataclass(frozen=True, slots=True)
class InitResult:
    written: tuple[Path, ...]  # relative to the project root
    kept: tuple[Path, ...]  # existed already: left untouched
    page: Path  # where the source's page goes (relative), written or not
    downloaded: bool = False


def init(root: Path, options: InitOptions) -> InitResult:
    """Write the starter files that are missing under `root`; keep the others."""
    _validate(options)
    page_data = None
    suffix = ".md"
    if options.url is not None and options.fetch:
        url = raw_url(options.url)
        page_data = get(url).data
        suffix = ".html" if source_format(urlsplit(url).path, page_data) == "html" else ".md"
    page = Path("docs_src") / f"{options.source_id}{suffix}"
    written: list[Path] = []
    kept: list[Path] = []
    for rel, template in _FILES:
        data = render(environment(toml.FILTERS), template, options=options, config_name=CONFIG_NAME,
                      page_path=page.as_posix()).encode("utf-8")
        (written if create(root / rel, data) else kept).append(Path(rel))
    if page_data is not None:
        (written if create(root / page, page_data) else kept).append(page)
    return InitResult(tuple(written), tuple(kept), page, page_data is not None)


def _validate(options: InitOptions) -> None:
    # The command line checks these with a usage message; this guards other callers.
    for value in (options.source_id, options.package):
        if not is_module_name(value):
            raise ValueError(f"{value!r} is no lower-case module name (or is a keyword)")
    if options.url is not None and not is_encodable(options.url):
        raise ValueError(f"{options.url!r} is not valid UTF-8")


def is_encodable(text: str) -> bool:
    """False for text holding lone surrogates: undecodable bytes on a command line."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
