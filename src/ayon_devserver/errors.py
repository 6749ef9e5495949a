"""API errors: raised anywhere (store, REST, GraphQL), rendered by ``app.py``
as ``{"code": <status>, "detail": "..."}`` like the real server does."""

from __future__ import annotations

from typing import Optional


class ApiError(Exception):
    """An error with an HTTP status and a human readable detail."""

    status: int = 500

    def __init__(self, detail: str, status: Optional[int] = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status

    def __str__(self) -> str:
        return self.detail


class BadRequest(ApiError):
    status = 400


class Unauthorized(ApiError):
    status = 401


class Forbidden(ApiError):
    status = 403


class NotFound(ApiError):
    status = 404


class Conflict(ApiError):
    status = 409
