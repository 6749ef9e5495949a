"""Server configuration."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional


@dataclass
class ServerConfig:
    """Everything ``create_app`` needs to know.

    ``api_key`` / ``admin_password`` set the bootstrap service user's key and
    the admin password; when ``None`` they are generated on first start and
    reused from ``<data_dir>/credentials.json`` afterwards.
    """

    data_dir: Path
    host: str = "127.0.0.1"
    port: int = 5000
    api_key: Optional[str] = None
    admin_password: Optional[str] = None
    demo: bool = False

    def __post_init__(self) -> None:
        self.data_dir = Path(self.data_dir).expanduser()
