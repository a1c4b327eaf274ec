"""Markdown block structure from markdown-it-py, located in the file.

markdown-it-py (CommonMark) decides what each block is; its tokens carry line maps,
and the file's own lines give the exact offsets. Two things CommonMark has no token
for are added as block rules: footnote definitions (``[^1]: ...``, and ``[1]: ...``
when it is not a valid link reference definition; mdit-py-plugins, which has the full
footnote syntax, is not a dependency) and link reference definitions (markdown-it-py's
``inline_definitions`` option turns them into ``definition`` tokens with a line map).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block.reference import reference
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.token import Token

# markdown-it-py reads "\r\n", "\r" and "\n" as line ends (its normalize step): the
# file's lines must be split the same way for the line maps to index them.
_LINE_END = re.compile(r"\r\n?|\n")
FOOTNOTE_LABEL = re.compile(r"\[(\^?)([^\]\s]{1,20})\]:[ \t]*")


@dataclass(frozen=True)
class FileLines:
    """Where each line of the Markdown body starts and ends (before its line break) in the file."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, body_start: int) -> FileLines:
        starts, ends = [body_start], []
        for m in _LINE_END.finditer(text, body_start):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        return cls(text, tuple(starts), tuple(ends))

    def line(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def stripped(self, first: int, last: int) -> tuple[int, int]:
        """From the first non-blank character of line ``first`` to the last of line ``last - 1``."""
        start = self.starts[first]
        start += len(self.line(first)) - len(self.line(first).lstrip().lstrip("\ufeff").lstrip())
        end = self.starts[last - 1] + len(self.line(last - 1).rstrip())
        return start, max(start, end)

    def locate(self, first: int, content: str) -> list[tuple[int, int]]:
        """File spans of ``content``'s lines, which are lines ``first``, ``first + 1``, ...
        with their container prefixes (indentation, ``>``, list markers) taken off: each
        stripped content line is the end of its stripped file line."""
        spans = []
        for i, piece in enumerate(content.split("\n")):
            piece = piece.strip()
            if not piece or first + i >= len(self.starts):
                continue
            line = self.line(first + i).rstrip()
            at = len(line) - len(piece) if line.endswith(piece) else line.rfind(piece)
            if at < 0:  # not where the parser said: fall back to the whole line
                spans.append(self.stripped(first + i, first + i + 1))
                continue
            spans.append((self.starts[first + i] + at, self.starts[first + i] + at + len(piece)))
        return spans


def footnote_definition(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``[^label]: text`` (and ``[label]: text`` that is not a link reference definition),
    with its indented continuation lines; the label is in ``token.meta``."""
    if state.is_code_block(start_line):
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    m = FOOTNOTE_LABEL.match(state.src, begin, state.eMarks[start_line])
    if m is None:
        return False
    if not m.group(1) and reference(state, start_line, end_line, True):
        return False  # "[1]: https://...": a link reference definition, not a footnote
    if silent:
        return True
    line = start_line + 1
    while line < end_line and not state.isEmpty(line) and state.sCount[line] > state.blkIndent:
        if FOOTNOTE_LABEL.match(state.src, state.bMarks[line] + state.tShift[line], state.eMarks[line]):
            break
        line += 1
    token = state.push("footnote_definition", "", 0)
    token.map = [start_line, line]
    token.meta = {"label": m.group(2)}
    state.line = line
    return True


def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"inline_definitions": True})
    # Blocks only: inline markup is read per zone by ``inline.scan_inline``, with offsets.
    md.core.ruler.disable(["inline", "text_join"])
    md.block.ruler.before("reference", "footnote_definition", footnote_definition, {"alt": ["paragraph"]})
    return md


_PARSER = parser()


@dataclass(frozen=True)
class Block:
    """One leaf block: its kind, line range, the container it sits in and its token."""

    kind: str  # paragraph, heading, code, html, footnote, definition, rule
    first: int
    last: int  # exclusive
    container: str  # "list_item", "blockquote" or "" (the top level)
    token: Token
    content: str  # the inline text (paragraphs, headings) or the raw block


_LEAF = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "code_block": "code",
    "fence": "code",
    "html_block": "html",
    "footnote_definition": "footnote",
    "definition": "definition",
    "hr": "rule",
}


def blocks(source: str) -> Iterator[Block]:
    """The leaf blocks of a Markdown body, in order."""
    tokens = _PARSER.parse(source)
    containers: list[str] = []
    for i, token in enumerate(tokens):
        if token.type in {"list_item_open", "blockquote_open"}:
            containers.append(token.type.removesuffix("_open"))
        elif token.type in {"list_item_close", "blockquote_close"}:
            containers.pop()
        elif token.type in _LEAF and token.map:
            inline = tokens[i + 1] if token.nesting == 1 else None
            content = inline.content if inline is not None else token.content
            first, last = token.map
            yield Block(_LEAF[token.type], first, last, containers[-1] if containers else "", token, content)
