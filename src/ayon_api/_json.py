"""JSON decoding: ``orjson`` when it is installed (optional speedup, the
``speedups`` extra), the standard library otherwise."""
from __future__ import annotations

import json
from typing import Any, Callable, Union

try:  # pragma: no cover - depends on the environment
    import orjson

    def loads(data: Union[str, bytes, bytearray]) -> Any:
        return orjson.loads(data)

    HAS_ORJSON = True
except ImportError:  # pragma: no cover - depends on the environment
    loads: Callable[[Union[str, bytes, bytearray]], Any] = json.loads  # type: ignore[no-redef]
    HAS_ORJSON = False

__all__ = ["HAS_ORJSON", "loads"]
