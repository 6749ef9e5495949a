"""File transfer state (streaming transfers arrive with the files area)."""
from __future__ import annotations

from typing import Optional


class TransferProgress:
    """Progress of one upload or download, readable from another thread."""

    def __init__(self) -> None:
        self._started = False
        self._transfer_done = False
        self._transferred = 0
        self._content_size: Optional[int] = None
        self._failed = False
        self._fail_reason: Optional[str] = None
        self._source_url = "N/A"
        self._destination_url = "N/A"
        self._attempt = 0

    def get_content_size(self) -> Optional[int]:
        return self._content_size

    def set_content_size(self, content_size: int) -> None:
        if self._content_size is not None:
            raise ValueError("Content size was set already")
        self._content_size = int(content_size)

    def get_started(self) -> bool:
        return self._started

    def set_started(self) -> None:
        if self._started:
            raise ValueError("Progress already started")
        self._started = True

    def get_attempt(self) -> int:
        return self._attempt

    def next_attempt(self) -> None:
        self._attempt += 1
        self._failed = False
        self._fail_reason = None

    def get_transfer_done(self) -> bool:
        return self._transfer_done

    def set_transfer_done(self) -> None:
        if self._transfer_done:
            raise ValueError("Progress was already marked as done")
        if not self._started:
            raise ValueError("Progress did not start yet")
        self._transfer_done = True

    def get_failed(self) -> bool:
        return self._failed

    def get_fail_reason(self) -> Optional[str]:
        return self._fail_reason

    def set_failed(self, reason: str) -> None:
        self._fail_reason = reason
        self._failed = True

    def get_transferred_size(self) -> int:
        return self._transferred

    def set_transferred_size(self, transferred: int) -> None:
        self._transferred = transferred

    def add_transferred_chunk(self, chunk_size: int) -> None:
        self._transferred += chunk_size

    def reset_transferred(self) -> None:
        self._transferred = 0

    def get_source_url(self) -> str:
        return self._source_url

    def set_source_url(self, url: str) -> None:
        self._source_url = url

    def get_destination_url(self) -> str:
        return self._destination_url

    def set_destination_url(self, url: str) -> None:
        self._destination_url = url

    @property
    def is_running(self) -> bool:
        return self._started and not self._transfer_done and not self._failed

    @property
    def transfer_progress(self) -> Optional[float]:
        """Percent done, or None while the size is unknown."""
        if not self._content_size:
            return None
        return (self._transferred * 100.0) / float(self._content_size)

    content_size = property(get_content_size, set_content_size)
    started = property(get_started)
    transferred_size = property(get_transferred_size, set_transferred_size)
    failed = property(get_failed)
    fail_reason = property(get_fail_reason)
    source_url = property(get_source_url, set_source_url)
    destination_url = property(get_destination_url, set_destination_url)
    transfer_done = property(get_transfer_done)
