"""Exceptions raised by ayon_api.

All of them derive from :class:`AyonApiError`; the names below it are the
ones the reference client uses, so ``except ServerError`` and friends keep
working::

    AyonApiError
    ├── UrlError                      bad or unreachable server URL
    │   └── UrlNotReached
    ├── ServerError                   the server could not be used
    │   ├── ServerNotReached          no answer (connection refused, timeout)
    │   ├── AuthenticationError       login refused
    │   ├── UnsupportedServerVersion  the server is too old for the call
    │   └── UnauthorizedError         HTTP 401 (also a HTTPRequestError)
    ├── RequestError                  the server answered with an error
    │   └── HTTPRequestError          HTTP status >= 400
    ├── GraphQlQueryError
    │   └── GraphQlQueryFailed        GraphQL ``errors`` in an answer
    ├── MissingEntityError
    │   ├── ProjectNotFound
    │   └── FolderNotFound
    ├── FailedOperations              a batch of operations failed
    └── FailedServiceInit             service environment incomplete

Messages never contain tokens, API keys or passwords.
"""
from __future__ import annotations

from typing import Any, Optional

try:
    from requests.exceptions import JSONDecodeError as RequestsJSONDecodeError
except ImportError:  # pragma: no cover - requests < 2.27
    from json import JSONDecodeError as RequestsJSONDecodeError  # type: ignore

__all__ = [
    "AuthenticationError",
    "AyonApiError",
    "FailedOperations",
    "FailedServiceInit",
    "FolderNotFound",
    "GraphQlQueryError",
    "GraphQlQueryFailed",
    "HTTPRequestError",
    "MissingEntityError",
    "ProjectNotFound",
    "RequestError",
    "RequestsJSONDecodeError",
    "ServerError",
    "ServerNotReached",
    "UnauthorizedError",
    "UnsupportedServerVersion",
    "UrlError",
    "UrlNotReached",
]


class AyonApiError(Exception):
    """Root of every error raised by ayon_api."""


class UrlError(AyonApiError):
    """The server URL is invalid or does not lead to an AYON server."""

    def __init__(
        self, message: str, title: str, hints: Optional[list[str]] = None
    ) -> None:
        self.title = title
        self.hints = list(hints or [])
        super().__init__(message)


class UrlNotReached(UrlError):
    """Nothing answered at the server URL."""


class ServerError(AyonApiError):
    """The server could not be used."""


class ServerNotReached(ServerError):
    """The server did not answer (refused, unreachable or timed out).

    ``url`` is the address that was tried and ``cause`` the last low-level
    exception, when there was one.
    """

    def __init__(
        self,
        message: str,
        url: Optional[str] = None,
        cause: Optional[BaseException] = None,
    ) -> None:
        self.url = url
        self.cause = cause
        super().__init__(message)


class AuthenticationError(ServerError):
    """The server refused the login."""


class UnsupportedServerVersion(ServerError):
    """The server is too old for the requested feature."""


class RequestError(AyonApiError):
    """The server answered a request with an error.

    ``response`` is the ``requests.Response`` (or None), ``status_code`` and
    ``detail`` come from it.
    """

    def __init__(self, message: str, response: Any = None) -> None:
        self.response = response
        super().__init__(message, response)

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    @property
    def status_code(self) -> Optional[int]:
        return getattr(self.response, "status_code", None)

    @property
    def detail(self) -> Optional[str]:
        try:
            data = self.response.json()
        except Exception:
            return None
        if isinstance(data, dict):
            detail = data.get("detail")
            return None if detail is None else str(detail)
        return None


class HTTPRequestError(RequestError):
    """The server answered with an HTTP error status (>= 400)."""


class UnauthorizedError(ServerError, HTTPRequestError):
    """HTTP 401: the token or API key is missing, invalid or expired."""

    def __init__(self, message: str, response: Any = None) -> None:
        HTTPRequestError.__init__(self, message, response)


class GraphQlQueryError(AyonApiError):
    """A GraphQL query could not be run."""


class GraphQlQueryFailed(GraphQlQueryError):
    """The GraphQL answer contained ``errors``."""

    def __init__(
        self,
        errors: list[dict[str, Any]],
        query: str,
        variables: Optional[dict[str, Any]],
    ) -> None:
        self.errors = errors
        self.query = query
        self.variables = variables
        parts = []
        for error in errors or []:
            text = str(error.get("message", error))
            path = error.get("path")
            if path:
                text += " (path: {})".format("/".join(str(p) for p in path))
            locations = error.get("locations") or []
            for loc in locations[:1]:
                text += " (line {}, column {})".format(
                    loc.get("line"), loc.get("column")
                )
            parts.append(text)
        super().__init__("GraphQL query failed: " + "; ".join(parts))


class MissingEntityError(AyonApiError):
    """An entity that was expected to exist was not found."""


class ProjectNotFound(MissingEntityError):
    def __init__(self, project_name: str, message: Optional[str] = None) -> None:
        self.project_name = project_name
        super().__init__(message or f"Project '{project_name}' was not found")


class FolderNotFound(MissingEntityError):
    def __init__(
        self, project_name: str, folder_id: str, message: Optional[str] = None
    ) -> None:
        self.project_name = project_name
        self.folder_id = folder_id
        super().__init__(
            message
            or f"Folder '{folder_id}' was not found in project '{project_name}'"
        )


class FailedOperations(AyonApiError):
    """A batch of entity operations failed.

    ``results`` are the per-operation results the server returned,
    ``failed`` those that did not succeed, ``task`` the background task
    (background batches only).
    """

    results: Optional[list[dict[str, Any]]] = None
    failed: Optional[list[dict[str, Any]]] = None
    task: Optional[dict[str, Any]] = None


class FailedServiceInit(AyonApiError):
    """A service could not be initialised from its environment."""
