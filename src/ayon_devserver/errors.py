"""API errors: raised anywhere (store, REST, GraphQL), rendered by ``app.py``
as ``{"code": <status>, "detail": "..."}`` like the real server does."""

from __future__ import annotations

from typing import Optional


class ApiError(Exception):
    """An error with an HTTP status and a human readable detail."""

    status: int = 500
    code: str = "server-error"  # machine-readable kind (operations' errorCode)

    def __init__(
        self, detail: str, status: Optional[int] = None, code: Optional[str] = None
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.detail


class BadRequest(ApiError):
    status = 400
    code = "bad-request"


class InvalidData(BadRequest):
    """Entity data that does not validate (``errorCode: invalid_data``)."""

    code = "invalid_data"


class Unauthorized(ApiError):
    status = 401
    code = "unauthorized"


class Forbidden(ApiError):
    status = 403
    code = "forbidden"


class NotFound(ApiError):
    status = 404
    code = "not-found"


class Conflict(ApiError):
    status = 409
    code = "conflict"
