"""Anatomy path templates filled like the real server fills a
representation's ``attrib.template`` (``POST /api/resolve``).

``{key}``, ``{key[sub][...]}`` and ``{key:spec}`` (``format()`` spec, e.g.
``{version:0>3}``) take values (strings or numbers) from the data; a key that
is missing, or whose value is not a string or number, stays in the result as
written. ``<...>`` marks an optional part: it is left out when one of its keys
cannot be filled (an optional part without keys, or an unclosed ``<``, is
kept as text). Optional parts nest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from numbers import Number
from typing import Any, Optional, Union

_TOKENS = re.compile(r"(\{[^{}]*\}|<|>)")
_SUBKEYS = re.compile(r"[^\[\]]+")

Part = Union[str, "KeyPart", "OptionalPart"]


class KeyPart:
    """One ``{...}`` of a template."""

    def __init__(self, text: str) -> None:
        self.text = text
        name, _, self.spec = text[1:-1].partition(":")
        self.path = _SUBKEYS.findall(name)

    def fill(self, data: Mapping[str, Any]) -> Optional[str]:
        """The formatted value, ``None`` when it cannot be filled."""
        value: Any = data
        for key in self.path:
            if not isinstance(value, Mapping) or key not in value:
                return None
            value = value[key]
        if isinstance(value, bool) or not isinstance(value, (str, Number)):
            return None
        try:
            return format(value, self.spec)
        except (ValueError, TypeError):
            return None


class OptionalPart:
    """One ``<...>`` of a template."""

    def __init__(self, parts: list[Part]) -> None:
        self.parts = parts


def parse(template: str) -> list[Part]:
    stack: list[list[Part]] = [[]]
    for token in _TOKENS.split(template):
        if not token:
            continue
        if token == "<":
            stack.append([])
        elif token == ">" and len(stack) > 1:
            parts = stack.pop()
            if any(not isinstance(p, str) for p in parts):
                stack[-1].append(OptionalPart(parts))
            else:
                stack[-1].append("<" + "".join(str(p) for p in parts) + ">")
        elif token.startswith("{"):
            stack[-1].append(KeyPart(token))
        else:
            stack[-1].append(token)
    while len(stack) > 1:  # unclosed "<": plain text
        parts = stack.pop()
        stack[-1].extend(["<", *parts])
    return stack[0]


def _fill(parts: list[Part], data: Mapping[str, Any], optional: bool) -> Optional[str]:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, KeyPart):
            value = part.fill(data)
            if value is None:
                if optional:
                    return None
                value = part.text
            out.append(value)
        else:
            out.append(_fill(part.parts, data, True) or "")
    return "".join(out)


def format_template(template: str, data: Mapping[str, Any]) -> str:
    """``template`` filled with ``data`` (unfillable keys left as written)."""
    return _fill(parse(template), data, False) or ""
