"""Connection-less helpers that talk to a server (URL check, login, token
probe, web actions). They send through ``Transport`` like everything else."""
from __future__ import annotations

from typing import Any, Optional, Union
from urllib.parse import urlsplit

import requests

from . import _env
from ._auth import API_KEY, USER_TOKEN, auth_headers, guess_token_kind
from .exceptions import ServerNotReached, UrlError, UrlNotReached
from .transport import RetryPolicy, Transport


class UserInfo:
    """Result of a token probe: valid?, an API key?, the last response."""

    is_valid: bool = False
    is_service: bool = False
    response: Optional[requests.Response] = None

    def __init__(self, is_valid: bool = False, is_service: bool = False,
                 response: Optional[requests.Response] = None) -> None:
        self.is_valid = is_valid
        self.is_service = is_service
        self.response = response


def _transport(timeout: Optional[float], verify: Any = None, cert: Any = None,
               attempts: int = 1) -> Transport:
    return Transport(
        verify=_env.get_default_ssl_verify() if verify is None else verify,
        cert=_env.get_default_cert() if cert is None else cert,
        timeout=_env.get_default_timeout() if timeout is None else timeout,
        policy=RetryPolicy(max_attempts=attempts),
    )


def get_user_info_by_token(
    url: str, token: str, *, verify: Any = None, cert: Any = None,
    timeout: Optional[float] = None,
) -> UserInfo:
    """Probe ``/api/users/me`` with the token as its likely kind first."""
    transport = _transport(timeout, verify, cert)
    transport.secrets.add(token)
    first = guess_token_kind(token)
    response = None
    try:
        for kind in (first, USER_TOKEN if first == API_KEY else API_KEY):
            response = transport.request(
                "GET", f"{url.rstrip('/')}/api/users/me",
                headers=auth_headers(token, kind),
            )
            if response.status_code == 200:
                return UserInfo(True, kind == API_KEY, response)
            if response.status_code != 401:
                break
    finally:
        transport.close()
    return UserInfo(False, False, response)


def is_token_valid(url: str, token: str, timeout: Optional[float] = None, *,
                   verify: Any = None, cert: Any = None) -> bool:
    return get_user_info_by_token(
        url, token, verify=verify, cert=cert, timeout=timeout).is_valid


def get_user_by_token(url: str, token: str, timeout: Optional[float] = None,
                      *, verify: Any = None, cert: Any = None
                      ) -> Optional[dict[str, Any]]:
    """The user the token belongs to, or None when it is not valid."""
    info = get_user_info_by_token(
        url, token, verify=verify, cert=cert, timeout=timeout)
    if info.is_valid and info.response is not None:
        return info.response.json()
    return None


def login_to_server(url: str, username: str, password: str,
                    timeout: Optional[float] = None) -> Optional[str]:
    """Log in and return the session token, or None when refused."""
    transport = _transport(timeout)
    transport.secrets.add(password)
    try:
        response = transport.request(
            "POST", f"{url.rstrip('/')}/api/auth/login",
            json={"name": username, "password": password},
        )
    finally:
        transport.close()
    if response.status_code != 200:
        return None
    token = response.json().get("token")
    return token if isinstance(token, str) else None


def logout_from_server(url: str, token: str,
                       timeout: Optional[float] = None) -> None:
    """End a user session on the server."""
    transport = _transport(timeout)
    transport.secrets.add(token)
    try:
        transport.request("POST", f"{url.rstrip('/')}/api/auth/logout",
                          headers=auth_headers(token, USER_TOKEN))
    finally:
        transport.close()


def _probe(url: str, timeout: Optional[float], verify: Any, cert: Any
           ) -> Optional[str]:
    """The server URL that answers ``/api/info`` with JSON, or None."""
    transport = _transport(timeout, verify, cert)
    try:
        response = transport.request("GET", f"{url}/api/info")
    except (ServerNotReached, UrlError):
        return None
    finally:
        transport.close()
    if response.status_code != 200:
        return None
    try:
        response.json()
    except ValueError:
        return None
    final = response.url[: -len("/api/info")] if response.url.endswith(
        "/api/info") else url
    return final.rstrip("/")


def validate_url(url: str, timeout: Optional[float] = None,
                 verify: Any = None, cert: Any = None) -> str:
    """Normalise a server URL and check that an AYON server answers there.

    Returns the URL to use (the redirect target when redirected). Raises
    UrlError for a malformed URL and UrlNotReached when nothing answers.
    """
    if not isinstance(url, str) or not url.strip():
        raise UrlError("Invalid URL format. URL is empty.",
                       title="Invalid url format",
                       hints=["Enter the URL of your AYON server"])
    stripped = url.strip().rstrip("/")
    if "://" not in stripped:
        stripped = f"http://{stripped}"
    parts = urlsplit(stripped)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UrlError(f"Invalid URL format '{url}'.",
                       title="Invalid url format",
                       hints=["URL should look like https://ayon.example.com"])
    candidates = [f"{parts.scheme}://{parts.netloc}"]
    if stripped not in candidates:
        candidates.append(stripped)
    for candidate in candidates:
        found = _probe(candidate, timeout, verify, cert)
        if found:
            return found
    raise UrlNotReached(
        f"Could not reach an AYON server at '{stripped}'.",
        title="Server is not available",
        hints=["Check the URL and that the server is running",
               "Check your network connection and proxy settings"],
    )


def take_web_action_event(server_url: str, action_token: str
                          ) -> dict[str, Any]:
    """Fetch the payload of a web action (no authentication needed)."""
    transport = _transport(None)
    try:
        response = transport.request(
            "GET", f"{server_url.rstrip('/')}/api/actions/take/{action_token}")
    finally:
        transport.close()
    response.raise_for_status()
    return response.json()


def abort_web_action_event(server_url: str, action_token: str, reason: str
                           ) -> Union[requests.Response, Any]:
    """Tell the server a web action was aborted."""
    transport = _transport(None)
    try:
        return transport.request(
            "POST", f"{server_url.rstrip('/')}/api/actions/abort/{action_token}",
            json={"message": reason})
    finally:
        transport.close()
