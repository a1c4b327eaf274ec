"""YAML front matter (``---`` ... ``---``) at the top of Markdown and text files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass
class FrontMatter:
    end: int = 0  # offset just after the closing fence; 0 when there is none
    fields: dict[str, str] = field(default_factory=dict)
    published: dt.date | None = None
    errors: list[str] = field(default_factory=list)


def parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


class _StringDates(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: we read them ourselves, so a bad one becomes a
    message naming the field instead of a parser crash."""


_StringDates.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_front_matter(text: str) -> FrontMatter:
    match = _FENCE.match(text)
    if not match:
        return FrontMatter()
    result = FrontMatter(end=match.end())
    try:
        data = yaml.load(match.group(1), Loader=_StringDates)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        result.errors.append(_yaml_problem(exc, match.group(1)))
        return result
    if data is None:
        return result
    if not isinstance(data, dict):
        result.errors.append("front matter must be a mapping of field: value; metadata ignored")
        return result
    for key in ("title", "author", "section"):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, str | int | float):
            result.fields[key] = str(value)
        else:
            result.errors.append(f"front matter field '{key}' must be text")
    if "published" in data or "date" in data:
        raw = data.get("published", data.get("date"))
        result.published = parse_date(raw)
        if result.published is None and raw is not None:
            name = "published" if "published" in data else "date"
            result.errors.append(
                f"front matter field '{name}' is not a date ({raw!r}); use YYYY-MM-DD. "
                "Date checks against publication are skipped"
            )
    return result


_KEY = re.compile(r"^\s*([\w-]{1,40})\s*:")


def _yaml_problem(exc: yaml.YAMLError, block: str) -> str:
    """Say where the front matter breaks, in file lines (the opening fence is line 1), and
    which field: YAML notices an unclosed ``[`` or quote only lines later, so the line
    where the broken value begins (its ``context_mark``) is the one to name."""
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    mark = context or problem
    if mark is None:
        return "front matter is not valid YAML; metadata ignored, body still reviewed"
    lines = block.splitlines()
    key = _KEY.match(lines[mark.line]) if mark.line < len(lines) else None
    where = f"line {mark.line + 2}" + (f", field '{key.group(1)}'" if key else "")
    what = getattr(exc, "problem", None) or ""
    if what and problem is not None and context is not None and problem.line != context.line:
        what += f" at line {problem.line + 2}"
    return (
        f"front matter is not valid YAML at {where}"
        + (f": {what}" if what else "")
        + "; metadata ignored, body still reviewed"
    )
