"""Split text into lines and blank-line separated blocks, keeping file offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    start: int  # first non-blank character
    end: int  # after the last non-blank character
    text: str  # stripped text


def lines_of(text: str, start: int = 0) -> list[Line | None]:
    """Lines from ``start``; ``None`` stands for a blank line."""
    out: list[Line | None] = []
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        raw = text[pos:line_end]
        stripped = raw.strip().strip("\ufeff").strip()
        if stripped:
            s = pos + raw.find(stripped)
            out.append(Line(s, s + len(stripped), stripped))
        else:
            out.append(None)
        pos = line_end + 1
    return out


def blocks_of(text: str, start: int = 0) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines_of(text, start):
        if line is None:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks
