"""Characters a reader cannot see but that change what they read: bidirectional controls,
which reorder the text around them ("052" shown as "250"), and zero-width characters,
which split or join words and numbers invisibly ("2<U+200B>50").

``HIDDEN`` is what rule ``text-hidden-character`` flags and what extraction reads past;
``show_hidden`` is the one function every page, report and terminal line uses to make
them visible, as ``<U+202E>``.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
HIDDEN = BIDI_CONTROLS | ZERO_WIDTH
_HIDDEN_RUN = re.compile("[" + "".join(sorted(HIDDEN)) + "]+")
_SHOWN = {ord(c): f"<U+{ord(c):04X}>" for c in HIDDEN}
_SHOWN_HTML = {ord(c): f"&lt;U+{ord(c):04X}&gt;" for c in HIDDEN}


def show_hidden(text: str) -> str:
    """``text`` with each hidden character written out: ``2<U+200B>50``."""
    return text.translate(_SHOWN)


def show_hidden_html(html: str) -> str:
    """The same for text that is already HTML (escaped markup): ``2&lt;U+200B&gt;50``."""
    return html.translate(_SHOWN_HTML)


def hidden_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each run of hidden characters in ``text[start:end]``."""
    return [
        (m.start(), m.end()) for m in _HIDDEN_RUN.finditer(text, start, len(text) if end is None else end)
    ]


def kind_of(chars: str) -> str:
    return "bidi" if any(c in BIDI_CONTROLS for c in chars) else "zero-width"


def describe(chars: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``, for each character of a run."""
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in chars)
