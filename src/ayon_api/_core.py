"""Connection core: configuration, authentication, headers, REST verbs,
GraphQL execution and server version. No resource logic lives here."""
from __future__ import annotations

import functools
import logging
import platform
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Optional, Union
from urllib.parse import urlsplit

from . import _env
from ._auth import API_KEY, USER_TOKEN, AsUserStack, AuthState, auth_headers
from ._sentinels import NOT_SET
from .exceptions import (
    AuthenticationError,
    GraphQlQueryFailed,
    ServerNotReached,
    UnauthorizedError,
)
from .response import GraphQlResponse, RestApiResponse
from .transport import RetryPolicy, Secrets, Transport

log = logging.getLogger("ayon_api")

ServerVersion = tuple[int, int, int, str, str]

_VERSION_RE = re.compile(
    r"^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?"
)
_READ_ONLY_QUERY_RE = re.compile(r"^\s*(?:#[^\n]*\n\s*)*(?:query\b|\{)")


def parse_server_version(version: str) -> ServerVersion:
    """``"1.16.0+DEVELOP"`` -> ``(1, 16, 0, "", "DEVELOP")``."""
    match = _VERSION_RE.match(version or "")
    if not match:
        raise ValueError(f"Server version {version!r} is not a semantic version")
    major, minor, patch, pre, build = match.groups()
    return int(major), int(minor), int(patch), pre or "", build or ""


_parse_version_cached = functools.lru_cache(maxsize=16)(parse_server_version)


def normalize_base_url(base_url: Any) -> str:
    """Strip, drop trailing slashes and check scheme and host."""
    if not isinstance(base_url, str):
        raise TypeError(
            f"Server URL must be a string, got {type(base_url).__name__}: "
            f"{base_url!r}"
        )
    url = base_url.strip().rstrip("/")
    if not url:
        raise ValueError(f"Invalid server URL {base_url!r}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            f"Invalid server URL {base_url!r}: expected http(s)://host[:port]"
        )
    return url


class ServerAPICore:
    """State and plumbing of one connection to one AYON server."""

    default_download_chunk_size = 1024 * 1024
    default_upload_chunk_size = 1024 * 1024
    _default_max_retries = 3

    def __init__(
        self,
        base_url: str,
        token: Optional[str] = None,
        site_id: Optional[str] = NOT_SET,
        client_version: Optional[str] = None,
        default_settings_variant: Optional[str] = None,
        sender_type: Optional[str] = None,
        sender: Optional[str] = None,
        ssl_verify: Union[bool, str, None] = None,
        cert: Optional[str] = None,
        create_session: bool = True,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> None:
        if token is not None and not isinstance(token, str):
            raise TypeError(f"Token must be a string, got {type(token).__name__}")
        self._base_url = normalize_base_url(base_url)
        self._rest_url = f"{self._base_url}/api"
        self._graphql_url = f"{self._base_url}/graphql"
        self._log = log
        if site_id is NOT_SET:
            site_id = _env.get_default_site_id()
        self._site_id: Optional[str] = site_id
        self._client_version = client_version
        self._default_settings_variant = (
            default_settings_variant or _env.get_default_settings_variant()
        )
        self._sender_type = sender_type
        self._sender = sender
        self._hostname = _env.get_machine_name()
        self._platform = platform.system().lower()

        self._secrets = Secrets()
        self._auth = AuthState()
        self._as_user_stack = AsUserStack()
        self._transport = Transport(
            verify=_env.get_default_ssl_verify() if ssl_verify is None
            else ssl_verify,
            cert=_env.get_default_cert() if cert is None else cert,
            timeout=_env.get_default_timeout() if timeout is None else timeout,
            policy=RetryPolicy(
                max_attempts=_env.get_default_max_retries()
                if max_retries is None else max(int(max_retries), 1)
            ),
            secrets=self._secrets,
        )
        self._session_created = False
        self._server_available: Optional[bool] = None
        self._server_info: Optional[dict[str, Any]] = None
        self._set_token_value(token)
        if create_session and token:
            self.validate_server_availability()
            self.create_session()

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__} {self._base_url} {self._auth!r}>"

    # -- plain configuration ------------------------------------------------------
    @property
    def log(self) -> logging.Logger:
        return self._log

    def get_base_url(self) -> str:
        return self._base_url

    def get_rest_url(self) -> str:
        return self._rest_url

    base_url = property(get_base_url)
    rest_url = property(get_rest_url)

    def get_ssl_verify(self) -> Union[bool, str]:
        return self._transport.verify

    def set_ssl_verify(self, ssl_verify: Union[bool, str, None]) -> None:
        if ssl_verify is None:
            ssl_verify = _env.get_default_ssl_verify()
        self._transport.set_tls(ssl_verify, self._transport.cert)

    ssl_verify = property(get_ssl_verify, set_ssl_verify)

    def get_cert(self) -> Optional[str]:
        return self._transport.cert  # type: ignore[return-value]

    def set_cert(self, cert: Optional[str]) -> None:
        self._transport.set_tls(self._transport.verify, cert)

    cert = property(get_cert, set_cert)

    @classmethod
    def get_default_timeout(cls) -> float:
        return _env.get_default_timeout()

    @classmethod
    def get_default_max_retries(cls) -> int:
        return _env.get_default_max_retries()

    def get_timeout(self) -> float:
        return self._transport.timeout

    def set_timeout(self, timeout: Optional[float]) -> None:
        self._transport.timeout = (
            _env.get_default_timeout() if timeout is None else float(timeout)
        )

    timeout = property(get_timeout, set_timeout)

    def get_max_retries(self) -> int:
        return self._transport.policy.max_attempts

    def set_max_retries(self, max_retries: Optional[int]) -> None:
        self._transport.policy.max_attempts = (
            _env.get_default_max_retries()
            if max_retries is None else max(int(max_retries), 1)
        )

    max_retries = property(get_max_retries, set_max_retries)

    def get_site_id(self) -> Optional[str]:
        return self._site_id

    def set_site_id(self, site_id: Optional[str]) -> None:
        self._site_id = site_id
        self._update_headers()

    site_id = property(get_site_id, set_site_id)

    def get_client_version(self) -> Optional[str]:
        return self._client_version

    def set_client_version(self, client_version: Optional[str]) -> None:
        self._client_version = client_version
        self._update_headers()

    client_version = property(get_client_version, set_client_version)

    def get_default_settings_variant(self) -> str:
        return self._default_settings_variant

    def set_default_settings_variant(self, variant: Optional[str]) -> None:
        self._default_settings_variant = (
            variant or _env.get_default_settings_variant()
        )

    default_settings_variant = property(
        get_default_settings_variant, set_default_settings_variant
    )

    def get_sender(self) -> Optional[str]:
        return self._sender

    def set_sender(self, sender: Optional[str]) -> None:
        self._sender = sender
        self._update_headers()

    sender = property(get_sender, set_sender)

    def get_sender_type(self) -> Optional[str]:
        return self._sender_type

    def set_sender_type(self, sender_type: Optional[str]) -> None:
        self._sender_type = sender_type
        self._update_headers()

    sender_type = property(get_sender_type, set_sender_type)

    # -- headers ------------------------------------------------------------------
    def get_headers(self, content_type: Optional[str] = None) -> dict[str, str]:
        """The headers sent with every request of this connection."""
        headers = {
            "Content-Type": content_type or "application/json",
            "x-ayon-platform": self._platform,
            "x-ayon-hostname": self._hostname,
            "referer": self._base_url,
        }
        if self._site_id:
            headers["x-ayon-site-id"] = self._site_id
        if self._client_version:
            headers["x-ayon-version"] = self._client_version
        if self._sender_type:
            headers["x-sender-type"] = self._sender_type
        if self._sender:
            headers["x-sender"] = self._sender
        headers.update(auth_headers(
            self._auth.token, self._auth.effective_kind,
            self._as_user_stack.username,
        ))
        return headers

    def _update_headers(self) -> None:
        self._transport.set_headers(self.get_headers())

    # -- session ------------------------------------------------------------------
    def create_session(self, ignore_existing: bool = True, force: bool = False
                       ) -> None:
        """Open the pooled HTTP session (validating the token first)."""
        if self._session_created and not force:
            if ignore_existing:
                return
            raise ValueError("Session is already created")
        if force:
            self._transport.close()
        if self._auth.token and self._auth.valid is None:
            self.validate_token()
        self._update_headers()
        self._transport.session  # noqa: B018 - opens the pool
        self._session_created = True

    def close_session(self) -> None:
        """Close pooled connections; later calls open new ones."""
        self._session_created = False
        self._transport.close()

    # -- availability and version ------------------------------------------------
    def _fetch_public_info(self) -> dict[str, Any]:
        response = self._transport.request(
            "GET", f"{self._rest_url}/info",
            headers={"Authorization": None, "X-Api-Key": None},
        )
        if response.status_code != 200:
            raise ServerNotReached(
                f"{self._base_url} does not answer as an AYON server "
                f"(GET /api/info -> {response.status_code})",
                url=self._base_url,
            )
        try:
            info = response.json()
        except ValueError:
            info = None
        if not isinstance(info, dict) or "version" not in info:
            raise ServerNotReached(
                f"{self._base_url} does not answer as an AYON server "
                "(GET /api/info did not return server info)",
                url=self._base_url,
            )
        return info

    @property
    def is_server_available(self) -> bool:
        """True when the URL answers as an AYON server (checked once)."""
        if self._server_available is None:
            try:
                self._server_info = self._fetch_public_info()
                self._server_available = True
            except ServerNotReached:
                self._server_available = False
        return self._server_available

    def validate_server_availability(self) -> None:
        """Raise ServerNotReached when the URL is not an AYON server."""
        if self._server_available:
            return
        self._server_info = self._fetch_public_info()
        self._server_available = True

    def get_info(self) -> dict[str, Any]:
        """``GET /api/info``: server version, uptime and, when logged in,
        the user, attributes and more."""
        response = self.get("info")
        response.raise_for_status()
        info = response.data
        if isinstance(info, dict) and "version" in info:
            self._server_info = info
        return info

    def _get_server_info(self) -> dict[str, Any]:
        if self._server_info is None:
            self._server_info = self._fetch_public_info()
            self._server_available = True
        return self._server_info

    def get_server_version(self) -> str:
        return str(self._get_server_info()["version"])

    def get_server_version_tuple(self) -> ServerVersion:
        return _parse_version_cached(self.get_server_version())

    server_version = property(get_server_version)
    server_version_tuple = property(get_server_version_tuple)

    def _server_at_least(self, *version: int) -> bool:
        return self.get_server_version_tuple()[: len(version)] >= version

    def is_product_base_type_supported(self) -> bool:
        return self._server_at_least(1, 13, 0)

    def links_graphql_support_data(self) -> bool:
        return self._server_at_least(1, 14, 2)

    @property
    def graphql_allows_traits_in_representations(self) -> bool:
        return self._server_at_least(1, 7, 5)

    # -- tokens -------------------------------------------------------------------
    def _set_token_value(self, token: Optional[str], kind: Optional[str] = None
                         ) -> None:
        self._auth.set(token, kind)
        self._secrets.add(token)
        self._update_headers()

    @property
    def access_token(self) -> Optional[str]:
        return self._auth.token

    @property
    def has_valid_token(self) -> bool:
        if self._auth.token and self._auth.valid is None:
            self.validate_token()
        return bool(self._auth.valid)

    def validate_token(self) -> bool:
        """Ask the server whether the token is valid; learns its kind.

        The header kind that matches the token's shape is tried first, so an
        API key is never sent as a Bearer token when it looks like one.
        """
        token = self._auth.token
        if not token:
            self._auth.valid = False
            return False
        base = {k: v for k, v in self.get_headers().items()
                if k not in ("Authorization", "X-Api-Key", "X-as-user")}
        for kind in self._auth.candidate_kinds():
            headers: dict[str, Any] = {"Authorization": None, "X-Api-Key": None}
            headers.update(base)
            headers.update(auth_headers(token, kind))
            response = self._transport.request(
                "GET", f"{self._rest_url}/users/me", headers=headers
            )
            if response.status_code == 200:
                self._auth.kind = kind
                self._auth.valid = True
                self._update_headers()
                return True
            if response.status_code != 401:
                break
        self._auth.valid = False
        return False

    def set_token(self, token: Optional[str]) -> None:
        """Use another token (validated on first need)."""
        self.reset_token()
        self._set_token_value(token)
        if token:
            self.validate_token()

    def reset_token(self) -> None:
        self._as_user_stack = AsUserStack()
        self._set_token_value(None)

    def is_service_user(self) -> bool:
        """True when authenticated with an API key (X-Api-Key)."""
        if not self.has_valid_token:
            raise ValueError("No valid token: cannot tell whether it is a service")
        return self._auth.kind == API_KEY

    def get_default_service_username(self) -> Optional[str]:
        return self._as_user_stack.default_username

    def set_default_service_username(self, username: Optional[str] = None
                                     ) -> None:
        """Act as ``username`` by default (service API keys only)."""
        if not self.is_service_user():
            raise ValueError(
                "Default service username can be set only with a service API key"
            )
        self._as_user_stack.default_username = username
        self._update_headers()

    @contextmanager
    def as_username(self, username: Optional[str],
                    ignore_service_error: bool = False) -> Iterator[None]:
        """Within the block, act as ``username`` (header ``X-as-user``).

        Only service API keys may impersonate; with ``ignore_service_error``
        other tokens run the block unchanged instead of raising ValueError.
        """
        if not self.has_valid_token:
            raise ValueError("Cannot act as another user without a valid token")
        if self._auth.kind != API_KEY:
            if not ignore_service_error:
                raise ValueError(
                    "Only service API keys can act as another user"
                )
            yield None
            return
        self._as_user_stack.push(username)
        self._update_headers()
        try:
            yield None
        finally:
            self._as_user_stack.pop()
            self._update_headers()

    def login(self, username: str, password: str, create_session: bool = True
              ) -> None:
        """Log in with a user name and password; the session token is kept."""
        if not isinstance(username, str) or not username:
            raise ValueError(f"Invalid username {username!r}")
        if not isinstance(password, str):
            raise TypeError("Password must be a string")
        self._secrets.add(password)
        response = self._transport.request(
            "POST", f"{self._rest_url}/auth/login",
            json={"name": username, "password": password},
            headers={"Authorization": None, "X-Api-Key": None},
        )
        data = RestApiResponse(response)
        token = data.get("token") if response.status_code == 200 else None
        if not token:
            raise AuthenticationError(
                f"Login of user '{username}' failed: {data.detail}"
            )
        self._as_user_stack = AsUserStack()
        self._set_token_value(token, USER_TOKEN)
        self._auth.valid = True
        if create_session:
            self.create_session()

    def logout(self, soft: bool = False) -> None:
        """Forget the token; unless ``soft``, end the session on the server."""
        token, kind = self._auth.token, self._auth.effective_kind
        if token and not soft and kind == USER_TOKEN:
            self._transport.request(
                "POST", f"{self._rest_url}/auth/logout",
                headers=auth_headers(token, USER_TOKEN),
            )
        self.reset_token()

    # -- REST verbs --------------------------------------------------------------
    def _endpoint_to_url(self, endpoint: str) -> str:
        if not isinstance(endpoint, str):
            raise TypeError(
                f"Endpoint must be a string, got {type(endpoint).__name__}"
            )
        if endpoint.startswith(self._base_url):
            return endpoint
        if "://" in endpoint:
            raise ValueError(
                f"Endpoint {endpoint!r} is not on this server ({self._base_url})"
            )
        return f"{self._rest_url}/{endpoint.strip('/')}"

    def _do_rest(self, method: str, url: str, kwargs: dict[str, Any]
                 ) -> RestApiResponse:
        kwargs.pop("handle_invalid_token", None)
        response = self._transport.request(method, url, **kwargs)
        if response.status_code == 401 and self._auth.valid:
            self._auth.valid = None
        return RestApiResponse(response)

    def raw_get(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """GET; kwargs go to ``requests`` unchanged."""
        return self._do_rest("GET", self._endpoint_to_url(entrypoint), kwargs)

    def raw_post(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """POST; kwargs go to ``requests`` unchanged."""
        return self._do_rest("POST", self._endpoint_to_url(entrypoint), kwargs)

    def raw_put(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """PUT; kwargs go to ``requests`` unchanged."""
        return self._do_rest("PUT", self._endpoint_to_url(entrypoint), kwargs)

    def raw_patch(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """PATCH; kwargs go to ``requests`` unchanged."""
        return self._do_rest("PATCH", self._endpoint_to_url(entrypoint), kwargs)

    def raw_delete(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """DELETE; kwargs go to ``requests`` unchanged."""
        return self._do_rest("DELETE", self._endpoint_to_url(entrypoint), kwargs)

    def get(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """GET with kwargs as query parameters."""
        return self._do_rest("GET", self._endpoint_to_url(entrypoint),
                             {"params": kwargs, "fast": True})

    def delete(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """DELETE with kwargs as query parameters."""
        return self._do_rest("DELETE", self._endpoint_to_url(entrypoint),
                             {"params": kwargs, "fast": True})

    def post(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """POST with kwargs as the JSON body."""
        return self._do_rest("POST", self._endpoint_to_url(entrypoint),
                             {"json": kwargs, "fast": True})

    def put(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """PUT with kwargs as the JSON body."""
        return self._do_rest("PUT", self._endpoint_to_url(entrypoint),
                             {"json": kwargs, "fast": True})

    def patch(self, entrypoint: str, **kwargs: Any) -> RestApiResponse:
        """PATCH with kwargs as the JSON body."""
        return self._do_rest("PATCH", self._endpoint_to_url(entrypoint),
                             {"json": kwargs, "fast": True})

    # -- GraphQL -----------------------------------------------------------------
    def query_graphql(self, query: str, variables: Optional[dict[str, Any]] = None
                      ) -> GraphQlResponse:
        """Run a GraphQL query; HTTP errors raise, GraphQL ``errors`` are in
        the returned object's ``errors``."""
        if not isinstance(query, str) or not query.strip():
            raise ValueError(f"Invalid GraphQL query {query!r}")
        response = self._do_rest(
            "POST", self._graphql_url,
            {"json": {"query": query, "variables": variables or {}},
             "idempotent": bool(_READ_ONLY_QUERY_RE.match(query)),
             "fast": True},
        )
        response.raise_for_status()
        data = response.data
        if not isinstance(data, dict):
            data = {"data": None, "errors": [{"message": "Invalid answer"}]}
        return GraphQlResponse(data)

    def _graphql_data(self, query: str, variables: Optional[dict[str, Any]] = None
                      ) -> dict[str, Any]:
        """Run a query and return its ``data``; GraphQL errors raise."""
        result = self.query_graphql(query, variables)
        if result.errors:
            raise GraphQlQueryFailed(result.errors, query, variables)
        return result.data.get("data") or {}

    def _raise_unauthorized(self, response: RestApiResponse) -> None:
        if response.status_code == 401:
            raise UnauthorizedError(
                f"Not authorized: {response.detail}", response.orig_response
            )
