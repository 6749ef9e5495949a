"""What every resolver gets as ``info.context``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..store import Store, UserRecord


@dataclass
class GraphQLContext:
    store: Store
    user: UserRecord
    # per-request memo for batched lookups (e.g. children of a page of nodes)
    cache: dict[str, Any] = field(default_factory=dict)
