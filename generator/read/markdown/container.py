"""What around the Markdown is not Markdown: YAML front matter, and MDX's import lines and JSX.

These are containers, not page structure: each such line is blanked (line
numbers stay), so the blocks around it are read as Markdown would show them.
A JSX element line is its own block in MDX; in CommonMark a heading right
after `<ManualAnchor … />` would be swallowed by an HTML block.
"""

from __future__ import annotations

_FENCES = ("---", "...")


def markdown_text(text: str, path: str) -> str:
    is_mdx = path.endswith(".mdx")
    if not (is_mdx or text.startswith("---")):
        return text  # most pages: nothing to split
    lines = text.split("\n")
    changed = _blank_front_matter(lines)
    if is_mdx:
        changed = _blank_mdx_lines(lines) or changed
    return "\n".join(lines) if changed else text


def _blank_front_matter(lines: list[str]) -> bool:
    if not lines or lines[0].rstrip() != "---":
        return False
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _FENCES:
            lines[: index + 1] = [""] * (index + 1)
            return True
    return False  # no closing fence: a thematic break, not front matter


def _blank_mdx_lines(lines: list[str]) -> bool:
    changed = False
    in_fence = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and (_is_module_line(line) or _is_jsx_line(stripped)):
            lines[index] = ""
            changed = True
    return changed


def _is_module_line(line: str) -> bool:
    return line.startswith(("import ", "export "))


def _is_jsx_line(stripped: str) -> bool:
    """A line that is only a JSX element: `<Tabs>`, `</TabItem>`, `<ManualAnchor id="x" />`, `<>`.

    Components start with a capital letter; lower-case tags are HTML and stay
    (an `<a id>` anchor names the heading after it)."""
    if not (stripped.startswith("<") and stripped.endswith(">")):
        return False
    head = stripped[2:3] if stripped.startswith("</") else stripped[1:2]
    return head.isupper() or head == ">"
