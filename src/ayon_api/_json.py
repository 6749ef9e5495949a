"""JSON decoding: ``orjson`` when it is installed (optional speedup, the
``speedups`` extra), the standard library otherwise."""
from __future__ import annotations

import json
from typing import Any, Callable, Union


def _dumps_stdlib(value: Any) -> bytes:
    return json.dumps(value, allow_nan=False).encode()


try:  # pragma: no cover - depends on the environment
    import orjson

    def loads(data: Union[str, bytes, bytearray]) -> Any:
        return orjson.loads(data)

    def dumps_plain(value: Any) -> bytes:
        """Encode data already known to be plain JSON (str keys, finite
        floats): orjson and the standard library give the same document."""
        return orjson.dumps(value)

    HAS_ORJSON = True
except ImportError:  # pragma: no cover - depends on the environment
    loads: Callable[[Union[str, bytes, bytearray]], Any] = json.loads  # type: ignore[no-redef]
    dumps_plain = _dumps_stdlib
    HAS_ORJSON = False

__all__ = ["HAS_ORJSON", "dumps_plain", "loads"]
