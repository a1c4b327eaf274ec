"""A ``ReviewedArticle`` to plain JSON data and back, field for field.

The extraction cache stores articles this way rather than with pickle: a cache folder
is just files in a workspace, and loading JSON can never run code. Decoding follows the
dataclasses' own type hints, so a field added to a record is stored and restored without
touching this module, and data of the wrong shape is refused with ``CodecError``.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from typing import Any, Literal, Union

from checks.records import Finding, ReviewedArticle


class CodecError(ValueError):
    """The data does not have the shape of a ``ReviewedArticle``."""


def article_to_data(article: ReviewedArticle, *, with_findings: bool = True) -> dict[str, Any]:
    data = dataclasses.asdict(article)
    if not with_findings:
        data["findings"] = []
    return data


def article_from_data(data: Any) -> ReviewedArticle:
    return _decode(ReviewedArticle, data, "article")


def findings_to_data(findings: list[Finding]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(f) for f in findings]


def findings_from_data(data: Any) -> list[Finding]:
    return _decode(list[Finding], data, "findings")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, value: Any, where: str) -> Any:
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise CodecError(f"{where}: expected an object, got {type(value).__name__}")
        hints = _hints(tp)
        unknown = set(value) - set(hints)
        if unknown:
            raise CodecError(f"{where}: unknown fields {sorted(unknown)}")
        fields = {f.name: f for f in dataclasses.fields(tp)}
        missing = [
            n
            for n, f in fields.items()
            if n not in value
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        ]
        if missing:
            raise CodecError(f"{where}: missing fields {missing}")
        return tp(**{k: _decode(hints[k], v, f"{where}.{k}") for k, v in value.items()})
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _decode(arg, value, where)
            except CodecError:
                continue
        raise CodecError(f"{where}: {value!r} matches none of {tp}")
    if origin is list:
        if not isinstance(value, list):
            raise CodecError(f"{where}: expected a list")
        return [_decode(args[0], v, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise CodecError(f"{where}: expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, where) for v in value)
        if len(args) != len(value):
            raise CodecError(f"{where}: expected {len(args)} items, got {len(value)}")
        return tuple(_decode(a, v, where) for a, v in zip(args, value, strict=True))
    if origin is Literal:
        if value not in args:
            raise CodecError(f"{where}: {value!r} is not one of {args}")
        return value
    if tp is float:
        # kept as stored: an extractor's 3400 must come back as 3400, not 3400.0, or a
        # report written from the cache would differ from one written after a parse
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CodecError(f"{where}: expected a number")
        return value
    if tp in (str, int, bool):
        # bool is an int in Python: an int field must not take true/false, nor the reverse
        if not isinstance(value, tp) or (tp is int and isinstance(value, bool)):
            raise CodecError(f"{where}: expected {tp.__name__}, got {type(value).__name__}")
        return value
    raise CodecError(f"{where}: cannot decode type {tp!r}")
