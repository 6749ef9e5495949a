"""RetryPolicy decisions and delays, on constructed responses."""
from __future__ import annotations

import email.utils
import time

import requests
from requests import exceptions as rexc
from urllib3 import exceptions as u3exc

from ayon_api.transport import RetryPolicy, Secrets


def _response(status: int, **headers: str) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.headers.update(headers)
    return response


def test_backoff_is_capped_exponential_with_jitter() -> None:
    policy = RetryPolicy(backoff_base=0.5, backoff_cap=3.0)
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 3.0), (9, 3.0)]:
        delays = {policy.backoff(attempt) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1  # jitter


def test_gateway_errors_retried_only_when_safe() -> None:
    policy = RetryPolicy()
    for status in (502, 503, 504):
        assert policy.delay_for_response(_response(status), 1, True) is not None
        assert policy.delay_for_response(_response(status), 1, False) is None
    for status in (200, 400, 401, 404, 500):
        assert policy.delay_for_response(_response(status), 1, True) is None


def test_retry_after() -> None:
    policy = RetryPolicy(retry_after_cap=10)
    assert policy.delay_for_response(
        _response(429, **{"Retry-After": "2"}), 1, False) == 2
    assert policy.delay_for_response(_response(429), 1, True) is None
    assert policy.delay_for_response(
        _response(503, **{"Retry-After": "100"}), 1, True) == 10
    future = email.utils.formatdate(time.time() + 5, usegmt=True)
    delay = policy.delay_for_response(
        _response(503, **{"Retry-After": future}), 1, True)
    assert delay is not None and 0 <= delay <= 6


def test_exceptions_retried_when_not_sent_or_safe() -> None:
    policy = RetryPolicy()
    refused = rexc.ConnectionError(u3exc.MaxRetryError(
        None, "/", u3exc.NewConnectionError(None, "refused")))  # type: ignore
    aborted = rexc.ConnectionError(u3exc.ProtocolError("Connection aborted."))
    assert policy.was_not_sent(refused)
    assert policy.was_not_sent(rexc.ConnectTimeout())
    assert not policy.was_not_sent(aborted)
    assert not policy.was_not_sent(rexc.ReadTimeout())
    assert policy.may_retry_exception(refused, safe=False)
    assert not policy.may_retry_exception(aborted, safe=False)
    assert policy.may_retry_exception(aborted, safe=True)
    assert not policy.may_retry_exception(rexc.SSLError("bad cert"), safe=True)


def test_secrets_redaction() -> None:
    secrets = Secrets()
    secrets.add("topsecretvalue")
    secrets.add(None)
    secrets.add("ab")  # too short to redact safely
    assert secrets.redact("key=topsecretvalue!") == "key=***!"
    assert secrets.redact("ab cd") == "ab cd"
