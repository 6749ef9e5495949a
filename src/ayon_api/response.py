"""Response objects returned by the REST verbs and by ``query_graphql``."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any, Optional

import requests

from . import _json
from .exceptions import HTTPRequestError, UnauthorizedError

log = logging.getLogger("ayon_api")

__all__ = ["GraphQlResponse", "RestApiResponse", "error_for_response"]


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown status"


def error_for_response(
    response: requests.Response, message: Optional[str] = None
) -> HTTPRequestError:
    """Build the exception that describes an HTTP error answer.

    401 gives :class:`UnauthorizedError`, any other status >= 400 a
    :class:`HTTPRequestError`; the message holds method, path, status and
    the server's ``detail``.
    """
    status = response.status_code
    detail = _detail_of(response)
    request = response.request
    method = getattr(request, "method", None) or "GET"
    url = _safe_url(getattr(request, "url", None) or response.url or "")
    text = message or f"{status} {_reason(status)}: {method} {url}"
    if detail:
        text = f"{text} ({detail})"
    cls = UnauthorizedError if status == 401 else HTTPRequestError
    return cls(text, response)


def _safe_url(url: str) -> str:
    """Drop user info (``user:password@``) from a URL."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    host, slash, path = rest.partition("/")
    if "@" in host:
        host = host.rsplit("@", 1)[1]
    return f"{scheme}://{host}{slash}{path}"


def _detail_of(response: requests.Response) -> Optional[str]:
    if "json" not in response.headers.get("Content-Type", ""):
        return None
    try:
        data = response.json()
    except ValueError:
        return None
    if isinstance(data, dict) and data.get("detail") is not None:
        return str(data["detail"])
    return None


class RestApiResponse:
    """An HTTP answer of the server, whatever its status.

    ``data`` is the decoded JSON body (``{}`` when the body is not JSON);
    the object is truthy for 2xx/3xx answers and offers dict-style access to
    ``data``. ``raise_for_status()`` raises the compatible exception.
    """

    log = log

    def __init__(self, response: requests.Response, data: Any = None) -> None:
        self._response = response
        self._data = data
        self.status: int = response.status_code

    # -- body ---------------------------------------------------------------
    @property
    def data(self) -> Any:
        if self._data is None:
            self._data = self._decode()
        return self._data

    def _decode(self) -> Any:
        content = self._response.content
        if not content:
            return {}
        ctype = self._response.headers.get("Content-Type", "")
        if "json" not in ctype and content[:1] not in (b"{", b"["):
            return {}
        try:
            return _json.loads(content)
        except ValueError:
            return {}

    @property
    def detail(self) -> str:
        data = self.data
        if isinstance(data, dict) and "detail" in data:
            return str(data["detail"])
        return _reason(self.status)

    @property
    def orig_response(self) -> requests.Response:
        return self._response

    @property
    def status_code(self) -> int:
        return self.status

    @property
    def text(self) -> str:
        return self._response.text

    @property
    def content(self) -> bytes:
        return self._response.content

    @property
    def headers(self) -> Any:
        return self._response.headers

    @property
    def content_type(self) -> Optional[str]:
        return self._response.headers.get("Content-Type")

    @property
    def ok(self) -> bool:
        return self._response.ok

    def raise_for_status(self, message: Optional[str] = None) -> None:
        """Raise UnauthorizedError (401) or HTTPRequestError (>= 400)."""
        if self.status >= 400:
            raise error_for_response(self._response, message)

    # -- dict-like access to data --------------------------------------------
    def __getitem__(self, key: Any) -> Any:
        return self.data[key]

    def __contains__(self, key: Any) -> bool:
        data = self.data
        return isinstance(data, (dict, list)) and key in data

    def __iter__(self) -> Iterator[Any]:
        return iter(self.data)

    def get(self, key: Any, default: Any = None) -> Any:
        data = self.data
        if isinstance(data, dict):
            return data.get(key, default)
        return default

    def __bool__(self) -> bool:
        return 200 <= self.status < 400

    def __enter__(self) -> RestApiResponse:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self._response.close()

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__} [{self.status}]>"


class GraphQlResponse:
    """The answer to a GraphQL query: ``data`` (the whole JSON body) and
    ``errors`` (None when the query succeeded)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.errors: Optional[list[dict[str, Any]]] = data.get("errors")

    def __bool__(self) -> bool:
        return not self.errors

    def __repr__(self) -> str:
        state = "errors" if self.errors else "ok"
        return f"<{self.__class__.__name__} {state}>"
