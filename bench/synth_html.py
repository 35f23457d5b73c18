"""A synthetic page with N codes as Docusaurus serves it: the synthetic Markdown
page (synth.py) rendered to HTML the way Docusaurus does, inside its chrome.

Each heading gets an `id` and a permalink `<a class="hash-link">` holding
U+200B; a navbar and a sidebar come before the `<article>`, and a right-hand
table of contents after it repeats every heading (the reader must not read it).
Same N, same bytes.

    python bench/synth_html.py N > page.html
"""

from __future__ import annotations

import html
import re
import sys

from markdown_it import MarkdownIt

from .synth import REFERENCE, read_reference, synthetic_page

_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def docusaurus_page(markdown: str) -> str:
    body = MarkdownIt("commonmark").enable("table").render(markdown)
    toc: list[str] = []
    used: dict[str, int] = {}

    def heading(found: re.Match[str]) -> str:
        level, inner = found[1], found[2]
        slug = _slug(html.unescape(_TAGS.sub("", inner)), used)
        if level in ("2", "3", "4"):
            toc.append(f'<li><a href="#{slug}" class="table-of-contents__link toc-highlight">{inner}</a></li>')
        return (f'<h{level} class="anchor anchorWithStickyNavbar_LWe7" id="{slug}">{inner}'
                f'<a href="#{slug}" class="hash-link" aria-label="Direct link to {slug}">\u200b</a></h{level}>')

    article = _HEADING.sub(heading, body)
    return (
        '<!doctype html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="generator" content="Docusaurus v2.4.1">\n<title data-rh="true">Error codes</title>\n'
        '</head>\n<body class="navigation-with-keyboard">\n'
        '<script>!function(){document.documentElement.setAttribute("data-theme","light")}()</script>\n'
        '<div id="__docusaurus"><nav aria-label="Main" class="navbar navbar--fixed-top">'
        '<a class="navbar__brand" href="/">API docs</a></nav>\n'
        '<div class="main-wrapper"><div class="docPage"><aside class="theme-doc-sidebar-container">'
        '<nav class="menu"><ul class="theme-doc-sidebar-menu menu__list"><li><a href="/docs/errors">Error codes</a>'
        '</li></ul></nav></aside>\n<main class="docMainContainer"><div class="row"><div class="col">'
        '<div class="docItemContainer"><article><div class="theme-doc-markdown markdown">\n'
        f"{article}</div></article></div></div>\n"
        '<div class="col col--3"><div class="tableOfContents"><ul class="table-of-contents">\n'
        + "\n".join(toc)
        + "\n</ul></div></div></div></main></div></div></div>\n</body>\n</html>\n"
    )


def _slug(text: str, used: dict[str, int]) -> str:
    slug = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
    count = used.get(slug, 0)
    used[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count}"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[1].isdigit():
        print(__doc__, file=sys.stderr)
        return 2
    markdown = synthetic_page(read_reference(REFERENCE.read_text(encoding="utf-8")), int(argv[1]))
    sys.stdout.buffer.write(docusaurus_page(markdown).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
