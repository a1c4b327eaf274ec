"""The reviewed text of an article and its map back to file offsets.

spaCy parses only the reviewed zones, with markup and footnote markers removed and a
paragraph break between zones. Hidden characters (``copydesk.checks.hidden``: bidi controls,
zero-width spaces) are left out too, so that "2<U+200B>50 jobs" reads as the one figure
a reader sees; ``ReviewText.hidden`` keeps where they were in the file. ``ReviewText`` keeps, for every stretch of that text,
where it came from in the file, so each extracted span maps back exactly.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from copydesk.checks.hidden import HIDDEN, hidden_runs
from copydesk.flows.content.article import Article, Zone

PARAGRAPH_BREAK = "\n\n"
# spaCy's tokenizer takes time quadratic in the length of a run of characters without a
# space when they are punctuation it splits off one by one: 5,000 quotation marks in a row
# take seconds, 100,000 hours. Longer runs get a space in the reviewed text (mapped to no
# file text, like the paragraph break); no word, number or usual URL is this long.
MAX_RUN = 256
_NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class Segment:
    clean_start: int
    clean_end: int
    file_start: int
    file_end: int
    verbatim: bool  # copied char for char (True) or a replacement standing for [file_start, file_end)


class ReviewText:
    def __init__(
        self,
        text: str,
        segments: list[Segment],
        zone_starts: list[int],
        hidden: list[tuple[int, int]] | None = None,
    ):
        self.text = text
        # File spans of the runs of hidden characters left out of the reviewed text.
        self.hidden = hidden or []
        self.segments = segments
        self._keys = [s.clean_start for s in segments]
        self._file_keys = [s.file_start for s in segments]
        # Clean offsets where each reviewed zone (paragraph) begins.
        self.zone_starts = zone_starts

    def _segment(self, pos: int) -> Segment:
        i = bisect.bisect_right(self._keys, pos) - 1
        return self.segments[max(i, 0)]

    def to_file_start(self, pos: int) -> int:
        if not self.segments:  # nothing reviewed (an HTML page without text): nowhere to map
            return 0
        seg = self._segment(pos)
        if seg.verbatim:
            return seg.file_start + min(pos - seg.clean_start, seg.file_end - seg.file_start)
        return seg.file_start

    def to_file_end(self, pos: int) -> int:
        """Map an exclusive end offset: the file offset just after clean char ``pos - 1``."""
        if pos <= 0 or not self.segments:
            return self.to_file_start(0)
        seg = self._segment(pos - 1)
        if seg.verbatim:
            return seg.file_start + (pos - seg.clean_start)
        return seg.file_end

    def to_clean(self, file_pos: int) -> int:
        """Where a file offset lands in the reviewed text (removed markup: the next char)."""
        if not self.segments:
            return 0
        i = bisect.bisect_right(self._file_keys, file_pos) - 1
        if i < 0:
            return 0
        seg = self.segments[i]
        if file_pos >= seg.file_end:
            return seg.clean_end
        return seg.clean_start + (file_pos - seg.file_start if seg.verbatim else 0)

    def to_file(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.to_file_start(start)
            return s, s
        return self.to_file_start(start), self.to_file_end(end)


def build_review_text(article: Article) -> ReviewText:
    parts: list[str] = []
    segments: list[Segment] = []
    zone_starts: list[int] = []
    hidden: list[tuple[int, int]] = []
    pos = 0

    run = 0  # length of the run of non-space characters at the end of the text so far

    def put(piece: str, file_start: int, file_end: int, verbatim: bool) -> None:
        nonlocal pos
        if not piece:
            return
        parts.append(piece)
        segments.append(Segment(pos, pos + len(piece), file_start, file_end, verbatim))
        pos += len(piece)

    def emit(piece: str, file_start: int, file_end: int, verbatim: bool) -> None:
        """Append a piece, breaking runs of non-space characters longer than MAX_RUN with a
        space that stands for no file text (see MAX_RUN)."""
        nonlocal run
        if not verbatim:
            if run + _leading_run(piece) > MAX_RUN:
                put(" ", file_start, file_start, False)
                run = 0
            put(piece, file_start, file_end, False)
            run = _trailing_run(piece, run)
            return
        done = 0  # piece[:done] is emitted
        last = None
        for last in _NON_SPACE.finditer(piece):
            carried = run if last.start() == 0 else 0
            cut = last.start() + MAX_RUN - carried  # the first cut counts what came before
            while cut < last.end():
                put(piece[done:cut], file_start + done, file_start + cut, True)
                put(" ", file_start + cut, file_start + cut, False)
                done = cut
                cut += MAX_RUN
        put(piece[done:], file_start + done, file_end, True)
        if last is None or last.end() < len(piece):
            run = 0 if piece else run
        else:
            begin = max(last.start(), done)
            run = len(piece) - begin + (run if begin == 0 else 0)

    def emit_visible(start: int, end: int) -> None:
        """The file's text [start, end), without its hidden characters."""
        for a, b in hidden_runs(article.text, start, end):
            emit(article.text[start:a], start, a, True)
            hidden.append((a, b))
            start = b
        emit(article.text[start:end], start, end, True)

    for zone in _reviewed(article.zones):
        if pos:
            put(PARAGRAPH_BREAK, zone.start, zone.start, False)
            run = 0
        zone_starts.append(pos)
        cursor = zone.start
        for edit in sorted(zone.edits, key=lambda e: e.start):
            if edit.start < cursor or edit.end > zone.end:
                continue  # overlapping edits: keep the first
            emit_visible(cursor, edit.start)
            visible = "".join(c for c in edit.replacement if c not in HIDDEN)
            if visible != edit.replacement and edit.replacement:  # an entity such as &#8203;
                hidden.append((edit.start, edit.end))
            emit(visible, edit.start, edit.end, False)
            cursor = edit.end
        emit_visible(cursor, zone.end)
    return ReviewText("".join(parts), segments, zone_starts, hidden)


def _leading_run(piece: str) -> int:
    m = _NON_SPACE.match(piece)
    return m.end() if m else 0


def _trailing_run(piece: str, run: int) -> int:
    """The run at the end of the text once ``piece`` follows a text that ended in ``run``."""
    spaces = [i for i, c in enumerate(piece) if c.isspace()]
    return len(piece) - spaces[-1] - 1 if spaces else run + len(piece)


def _reviewed(zones: list[Zone]) -> list[Zone]:
    return sorted((z for z in zones if z.reviewed and z.end > z.start), key=lambda z: z.start)
