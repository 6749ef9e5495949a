"""A fault-injecting HTTP proxy for tests.

It sits between the client and a devserver on 127.0.0.1, forwards every
request and records what it saw (method, path, query, headers, body). Faults
are queued per request: answer with a status without forwarding, drop the
connection before forwarding (the server never sees the request), or forward
and then drop the connection (the server processed it, the client gets no
answer).
"""
from __future__ import annotations

import http.client
import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Optional
from urllib.parse import parse_qsl, urlsplit

_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "te",
                "upgrade", "proxy-connection", "content-length"}


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Fault:
    """One queued fault: ``kind`` is "status", "drop" or "drop_after"."""

    kind: str
    match: Callable[[str, str], bool]
    status: int = 503
    headers: dict[str, str] = field(default_factory=dict)


class FaultProxy:
    def __init__(self, upstream: str, port: int = 0) -> None:
        parts = urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self.seen: list[Seen] = []
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port),
                                           self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    # -- faults ---------------------------------------------------------------
    def add_fault(self, kind: str, method: str = "*", path: str = "",
                  status: int = 503, headers: Optional[dict[str, str]] = None
                  ) -> None:
        def match(m: str, p: str) -> bool:
            return (method in ("*", m)) and p.startswith(path)

        with self._lock:
            self._faults.append(Fault(kind, match, status, headers or {}))

    def _take_fault(self, method: str, path: str) -> Optional[Fault]:
        with self._lock:
            for index, fault in enumerate(self._faults):
                if fault.match(method, path):
                    return self._faults.pop(index)
        return None

    def requests_to(self, method: str, path: str) -> list[Seen]:
        return [s for s in self.seen if s.method == method and s.path == path]

    # -- handler ----------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                proxy.seen.append(Seen(self.command, parts.path,
                                       dict(parse_qsl(parts.query)), headers,
                                       body))
                fault = proxy._take_fault(self.command, parts.path)
                if fault and fault.kind == "drop":
                    self._drop()
                    return
                if fault and fault.kind == "status":
                    payload = json.dumps({"code": fault.status,
                                          "detail": "injected fault"}).encode()
                    self.send_response(fault.status)
                    for key, value in fault.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                status, reason, out_headers, out_body = self._forward(body)
                if fault and fault.kind == "drop_after":
                    self._drop()
                    return
                self.send_response(status, reason)
                for key, value in out_headers:
                    if key.lower() not in _HOP_HEADERS:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(out_body)))
                self.end_headers()
                self.wfile.write(out_body)

            def _forward(self, body: bytes) -> tuple[int, str, list, bytes]:
                conn = http.client.HTTPConnection(
                    proxy.upstream_host, proxy.upstream_port, timeout=30)
                try:
                    headers = {k: v for k, v in self.headers.items()
                               if k.lower() not in _HOP_HEADERS}
                    conn.request(self.command, self.path, body=body or None,
                                 headers=headers)
                    response = conn.getresponse()
                    return (response.status, response.reason,
                            response.getheaders(), response.read())
                finally:
                    conn.close()

            def _drop(self) -> None:
                self.close_connection = True
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        return Handler
