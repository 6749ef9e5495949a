"""The only module that performs HTTP.

``Transport`` wraps one pooled ``requests.Session`` and applies the
connection's TLS options, timeout and :class:`RetryPolicy` to every request.
Secrets registered with :class:`Secrets` are masked in every log line and
error message this module produces.
"""
from __future__ import annotations

import email.utils
import json
import logging
import random
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable, Optional, Union
from urllib.parse import urlsplit

import requests
from requests import exceptions as rexc
from requests.cookies import RequestsCookieJar
from requests.structures import CaseInsensitiveDict
from urllib3 import exceptions as u3exc

from .exceptions import ServerNotReached, UrlError

log = logging.getLogger("ayon_api")

VerifyType = Union[bool, str]
CertType = Union[str, tuple, None]

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_NameResolutionError = getattr(u3exc, "NameResolutionError", ())


class Secrets:
    """Values that must never be written to a log line or an error."""

    def __init__(self) -> None:
        self._values: set[str] = set()

    def add(self, value: Optional[str]) -> None:
        if value and len(value) >= 4:
            self._values.add(value)

    def redact(self, text: str) -> str:
        for value in self._values:
            if value in text:
                text = text.replace(value, "***")
        return text


class _RedactingFilter(logging.Filter):
    """Masks registered secrets in records of the ``ayon_api`` logger."""

    def __init__(self) -> None:
        super().__init__()
        self.registries: list[Secrets] = []
        self._lock = threading.Lock()

    def register(self, secrets: Secrets) -> None:
        with self._lock:
            self.registries.append(secrets)
            del self.registries[:-64]

    def filter(self, record: logging.LogRecord) -> bool:
        if self.registries:
            message = record.getMessage()
            redacted = message
            for secrets in list(self.registries):
                redacted = secrets.redact(redacted)
            if redacted != message:
                record.msg, record.args = redacted, None
        return True


_FILTER = _RedactingFilter()
log.addFilter(_FILTER)


@dataclass
class RetryPolicy:
    """When and how long to wait before repeating a request.

    Connection failures and 502/503/504 answers are retried with capped
    exponential backoff and jitter, 429 and 503 honour ``Retry-After``.
    A request is repeated only when that is safe: the method is idempotent
    (or the caller says the request is, e.g. a GraphQL query), or the
    connection failed before anything was sent.
    """

    max_attempts: int = 3
    backoff_base: float = 0.25
    backoff_cap: float = 4.0
    retry_after_cap: float = 30.0
    retry_statuses: frozenset[int] = field(
        default_factory=lambda: frozenset({502, 503, 504})
    )

    def backoff(self, attempt: int) -> float:
        """Delay before attempt ``attempt + 1`` (attempt counts from 1)."""
        ceiling = min(self.backoff_cap, self.backoff_base * (2 ** (attempt - 1)))
        return ceiling * random.uniform(0.5, 1.0)

    def retry_after(self, response: requests.Response) -> Optional[float]:
        value = response.headers.get("Retry-After")
        if not value:
            return None
        try:
            seconds = float(value)
        except ValueError:
            parsed = email.utils.parsedate_to_datetime(value)
            if parsed is None:
                return None
            seconds = parsed.timestamp() - time.time()
        return max(0.0, min(seconds, self.retry_after_cap))

    def delay_for_response(
        self, response: requests.Response, attempt: int, safe: bool
    ) -> Optional[float]:
        """Seconds to wait before repeating after this answer, or None."""
        status = response.status_code
        if status == 429:
            # The server says it did not process the request.
            return self.retry_after(response)
        if status in self.retry_statuses and safe:
            after = self.retry_after(response)
            return self.backoff(attempt) if after is None else after
        return None

    @staticmethod
    def was_not_sent(exc: BaseException) -> bool:
        """True when the connection failed before the request went out."""
        if isinstance(exc, rexc.ConnectTimeout):
            return True
        if isinstance(exc, rexc.ConnectionError) and exc.args:
            reason = getattr(exc.args[0], "reason", exc.args[0])
            return isinstance(
                reason, (u3exc.NewConnectionError, u3exc.ConnectTimeoutError)
            )
        return False

    def may_retry_exception(self, exc: BaseException, safe: bool) -> bool:
        if isinstance(exc, rexc.SSLError):
            return False
        if _NameResolutionError and isinstance(
            getattr(exc.args[0], "reason", None) if exc.args else None,
            _NameResolutionError,
        ):
            return False
        return safe or self.was_not_sent(exc)


def _environment_proxies() -> dict[str, str]:
    """Proxies from HTTP(S)_PROXY/ALL_PROXY (NO_PROXY is honoured per host
    by ``Transport._no_proxy``)."""
    return {
        scheme: url for scheme, url in urllib.request.getproxies().items()
        if scheme in ("http", "https", "all")
    }


_FAST_KWARGS = frozenset({"params", "json", "data", "headers", "timeout",
                          "verify", "cert", "proxies"})
_encode_params = requests.models.RequestEncodingMixin._encode_params  # type: ignore[attr-defined]


def _replayable(kwargs: dict[str, Any]) -> bool:
    """A body that can be sent twice (not a stream or generator)."""
    if kwargs.get("files"):
        return False
    data = kwargs.get("data")
    return data is None or isinstance(data, (bytes, str, dict, list, tuple))


class Transport:
    """Sends HTTP requests for one connection; see module docstring."""

    def __init__(
        self,
        *,
        verify: VerifyType = True,
        cert: CertType = None,
        timeout: float = 10.0,
        policy: Optional[RetryPolicy] = None,
        secrets: Optional[Secrets] = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.verify = verify
        self.cert = cert
        self.timeout = timeout
        self.policy = policy or RetryPolicy()
        self.secrets = secrets or Secrets()
        _FILTER.register(self.secrets)
        self.headers: dict[str, str] = {}
        self._sleep = sleep
        self._session: Optional[requests.Session] = None
        self._mounts: dict[str, Any] = {}
        self._bypass_proxy: dict[str, bool] = {}
        self._lock = threading.Lock()

    # -- session ----------------------------------------------------------------
    @property
    def session(self) -> requests.Session:
        session = self._session
        if session is None:
            with self._lock:
                if self._session is None:
                    self._session = self._new_session()
                session = self._session
        return session

    @property
    def has_session(self) -> bool:
        return self._session is not None

    def _new_session(self) -> requests.Session:
        session = requests.Session()
        # requests re-reads proxy variables (walking the whole environment)
        # on every request when trust_env is on: read them once here.
        session.trust_env = False
        session.proxies.update(_environment_proxies())
        session.headers.update(self.headers)
        session.verify = self.verify
        session.cert = self.cert
        for prefix, adapter in self._mounts.items():
            session.mount(prefix, adapter)
        return session

    def mount(self, prefix: str, adapter: Any) -> None:
        """Use a ``requests`` transport adapter for URLs starting with
        ``prefix`` (kept when the session is recreated)."""
        self._mounts[prefix] = adapter
        if self._session is not None:
            self._session.mount(prefix, adapter)

    def set_headers(self, headers: dict[str, str]) -> None:
        """Replace the default headers sent with every request."""
        self.headers = dict(headers)
        session = self._session
        if session is not None:
            session.headers.clear()
            session.headers.update(self.headers)

    def set_tls(self, verify: VerifyType, cert: CertType) -> None:
        self.verify, self.cert = verify, cert
        session = self._session
        if session is not None:
            session.verify, session.cert = verify, cert

    def close(self) -> None:
        with self._lock:
            session, self._session = self._session, None
        if session is not None:
            session.close()

    # -- requests -----------------------------------------------------------------
    def request(
        self,
        method: str,
        url: str,
        *,
        idempotent: Optional[bool] = None,
        max_retries: Optional[int] = None,
        fast: bool = False,
        **kwargs: Any,
    ) -> requests.Response:
        """Send one request, repeating it only when the policy allows.

        Returns the response of the last attempt, whatever its status.
        Raises ServerNotReached when no attempt got an answer, UrlError when
        the URL cannot be used at all. ``fast`` (for the library's own
        calls with ``params``/``json``/``headers`` only) prepares the request
        by hand instead of through ``Session.request``; raw calls keep the
        full ``requests`` behaviour.
        """
        fast = (fast and _FAST_KWARGS.issuperset(kwargs)
                and isinstance(kwargs.get("data", b""), bytes))
        method = method.upper()
        safe = method in _IDEMPOTENT_METHODS if idempotent is None else idempotent
        safe = safe and _replayable(kwargs)
        attempts = max(1, self.policy.max_attempts if max_retries is None
                       else max_retries)
        kwargs.setdefault("timeout", self.timeout)
        kwargs.setdefault("verify", self.verify)
        kwargs.setdefault("cert", self.cert)
        session = self.session
        if session.proxies and "proxies" not in kwargs and self._no_proxy(url):
            kwargs["proxies"] = dict.fromkeys(session.proxies)
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                if fast:
                    response = self._send_fast(session, method, url, kwargs)
                else:
                    response = session.request(method, url, **kwargs)
            except (rexc.InvalidURL, rexc.MissingSchema, rexc.InvalidSchema) as exc:
                raise UrlError(
                    self._redact(f"Invalid URL '{url}': {exc}"), "Invalid URL"
                ) from None
            except (rexc.ConnectionError, rexc.Timeout,
                    rexc.ChunkedEncodingError) as exc:
                if attempt < attempts and self.policy.may_retry_exception(exc, safe):
                    delay = self.policy.backoff(attempt)
                    log.warning(
                        "%s %s failed (%s), retrying in %.2f s (attempt %d/%d)",
                        method, url, type(exc).__name__, delay, attempt + 1,
                        attempts,
                    )
                    self._sleep(delay)
                    continue
                raise self._not_reached(
                    method, url, exc, attempt, kwargs["timeout"]
                ) from None
            elapsed = (time.perf_counter() - started) * 1000
            log.debug("%s %s -> %s (%.1f ms)", method, url,
                      response.status_code, elapsed)
            if attempt < attempts:
                wait = self.policy.delay_for_response(response, attempt, safe)
                if wait is not None:
                    log.warning(
                        "%s %s answered %s, retrying in %.2f s (attempt %d/%d)",
                        method, url, response.status_code, wait, attempt + 1,
                        attempts,
                    )
                    response.close()
                    self._sleep(wait)
                    continue
            return response

    @staticmethod
    def _send_fast(session: requests.Session, method: str, url: str,
                   kwargs: dict[str, Any]) -> requests.Response:
        """Prepare the request by hand (cheaper than ``Session.request``'s
        merging) and send it with ``Session.send``: same pool, adapters,
        hooks, redirects, TLS options and proxies."""
        params = kwargs.get("params")
        if params:
            url = f"{url}?{_encode_params(params)}"
        prepared = requests.PreparedRequest()
        prepared.method = method
        prepared.url = url
        headers: CaseInsensitiveDict[Any] = CaseInsensitiveDict(session.headers)
        for key, value in (kwargs.get("headers") or {}).items():
            if value is None:
                headers.pop(key, None)
            else:
                headers[key] = value
        body = kwargs.get("data")
        if kwargs.get("json") is not None:
            body = json.dumps(kwargs["json"], allow_nan=False).encode()
            headers.setdefault("Content-Type", "application/json")
        if body is not None:
            headers["Content-Length"] = str(len(body))
        elif method not in ("GET", "HEAD"):
            headers["Content-Length"] = "0"
        prepared.headers = headers
        prepared.body = body
        prepared.hooks = {"response": []}
        prepared._cookies = RequestsCookieJar()  # type: ignore[attr-defined]
        proxies = kwargs.get("proxies")
        return session.send(
            prepared, stream=False, timeout=kwargs["timeout"],
            verify=kwargs["verify"], cert=kwargs["cert"],
            proxies=session.proxies if proxies is None else proxies,
            allow_redirects=True)

    def _no_proxy(self, url: str) -> bool:
        """True when NO_PROXY excludes the host of ``url`` (cached)."""
        host = urlsplit(url).netloc
        if host not in self._bypass_proxy:
            self._bypass_proxy[host] = bool(
                requests.utils.should_bypass_proxies(url, no_proxy=None))
        return self._bypass_proxy[host]

    def _redact(self, text: str) -> str:
        return self.secrets.redact(text)

    def _not_reached(
        self, method: str, url: str, exc: BaseException, attempts: int,
        timeout: Any,
    ) -> ServerNotReached:
        if isinstance(exc, rexc.SSLError):
            what = (
                "TLS/SSL verification failed; set AYON_CA_FILE (or ssl_verify) "
                "to the CA bundle of the server"
            )
        elif isinstance(exc, rexc.Timeout):
            what = f"no answer within {_describe_timeout(timeout)}"
        else:
            what = "connection failed"
        reason = str(exc.args[0]) if exc.args else str(exc)
        message = (
            f"AYON server not reached: {method} {url}: {what} after "
            f"{attempts} attempt{'s' if attempts != 1 else ''} "
            f"({type(exc).__name__}: {reason})"
        )
        return ServerNotReached(self._redact(message), url=url, cause=exc)


def _describe_timeout(timeout: Any) -> str:
    return f"{timeout} s" if isinstance(timeout, (int, float)) else str(timeout)
