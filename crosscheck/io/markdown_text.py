"""Markdown to the readable text a column shows: no link syntax, emphasis markers or hashes.

markdown-it-py parses (CommonMark, so escapes such as ``\\$5.5`` and nested emphasis come out
right); we only walk its tokens and keep the words a reader would see on a rendered page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token


@lru_cache(maxsize=1)
def _parser():
    """markdown-it, imported on the first Markdown file (plain text never pays for it)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True})

# Cheap signs that a ".txt" file is really Markdown (a saved page turned into Markdown).
_MARKDOWN_SIGNS = re.compile(
    r"\[[^\]\n]+\]\((?:[^)\s]*)\)|^#{1,6} \S|\*\*[^*\n]+\*\*|^\s*[-*] \[[ x]\]", re.MULTILINE
)


def looks_like_markdown(text: str) -> bool:
    return len(_MARKDOWN_SIGNS.findall(text)) >= 2


def markdown_to_text(source: str) -> str:
    """Blocks become paragraphs separated by a blank line; list items keep a bullet."""
    blocks: list[str] = []
    prefix: list[str] = []
    for token in _parser().parse(source):
        if token.type == "list_item_open":
            prefix.append(f"{token.info}. " if token.info else "• ")
        elif token.type == "list_item_close":
            prefix.pop()
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            if text.strip():
                blocks.append((prefix[-1] if prefix else "") + text.strip())
                if prefix:
                    prefix[-1] = "  "
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif token.type == "html_block":
            text = re.sub(r"<[^>]*>", "", token.content).strip()
            if text:
                blocks.append(text)
    return "\n\n".join(blocks)


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            alt = child.content or "".join(c.content for c in child.children or [])
            if alt:
                parts.append(alt)
    return re.sub(r"[ \t]{2,}", " ", "".join(parts))
