"""``DevServer``: run the devserver in a background thread (tests, scripts).

    with DevServer(tmp_path) as server:
        requests.get(server.url + "/api/info")
        headers = {"X-Api-Key": server.api_key}

uvicorn runs in a daemon thread without signal handlers, on a socket bound
here (``port=0`` picks a free port), and ``start()`` returns once
``GET /api/info`` answers.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Optional, Union

import uvicorn
from fastapi import FastAPI

from .app import create_app
from .config import ServerConfig


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (``port=0``: any free port)."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        if hasattr(socket, "SO_REUSEADDR") and not hasattr(
            socket, "SO_EXCLUSIVEADDRUSE"
        ):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except BaseException:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def url_for(host: str, port: int) -> str:
    """Base URL for clients (a wildcard bind is reached through loopback)."""
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


class DevServer:
    """An in-process devserver on ``host``, using ``data_dir`` for storage."""

    def __init__(
        self,
        data_dir: Union[str, Path],
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        api_key: Optional[str] = None,
        admin_password: Optional[str] = None,
        demo: bool = False,
        log_level: str = "warning",
    ) -> None:
        self.data_dir = Path(data_dir)
        self.host = host
        self.port = port
        self._api_key = api_key
        self._admin_password = admin_password
        self.demo = demo
        self.log_level = log_level
        self.api_key: Optional[str] = api_key
        self.admin_password: Optional[str] = admin_password
        self._server: Optional[uvicorn.Server] = None
        self._thread: Optional[threading.Thread] = None
        self._socket: Optional[socket.socket] = None
        self._app: Optional[FastAPI] = None

    @property
    def url(self) -> str:
        return url_for(self.host, self.port)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 30) -> DevServer:
        """Start serving; returns when ``/api/info`` answers."""
        if self._thread is not None:
            raise RuntimeError("DevServer is already started")
        config = ServerConfig(
            data_dir=self.data_dir,
            host=self.host,
            port=self.port,
            api_key=self._api_key,
            admin_password=self._admin_password,
            demo=self.demo,
        )
        app = create_app(config)
        self._app = app
        credentials = app.state.credentials
        self.api_key = credentials.api_key
        self.admin_password = credentials.admin_password
        try:
            self._socket = bind_socket(self.host, self.port)
        except BaseException:
            app.state.store.close()
            raise
        self.port = self._socket.getsockname()[1]
        self._server = uvicorn.Server(
            uvicorn.Config(
                app,
                log_level=self.log_level,
                log_config=None,
                access_log=False,
                lifespan="on",
            )
        )
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            name=f"ayon-devserver:{self.port}",
            daemon=True,
        )
        self._thread.start()
        try:
            self._wait_until_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_until_ready(self, timeout: float) -> None:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + timeout
        last_error: Optional[BaseException] = None
        while time.monotonic() < deadline:
            if self._thread is None or not self._thread.is_alive():
                raise RuntimeError("devserver thread exited during startup")
            if self._server is not None and self._server.started:
                try:
                    with opener.open(self.url + "/api/info", timeout=2) as response:
                        if response.status == 200:
                            return
                except (OSError, urllib.error.URLError) as exc:
                    last_error = exc
            time.sleep(0.02)
        raise TimeoutError(
            f"devserver at {self.url} did not answer within {timeout} s"
            + (f" (last error: {last_error})" if last_error else "")
        )

    def stop(self, timeout: float = 10) -> None:
        """Shut down and close the database; safe to call twice."""
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive() and server is not None:
                server.force_exit = True
                thread.join(timeout)
        if self._socket is not None:
            self._socket.close()
        if self._app is not None:
            self._app.state.store.close()
        self._server = self._thread = self._socket = self._app = None

    def __enter__(self) -> DevServer:
        if self._thread is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<DevServer {self.url} data_dir={str(self.data_dir)!r} {state}>"
