#!/usr/bin/env python3
"""`make demo`: start `ayon-devserver --demo` on a free port with a temporary
data dir, run examples/first_steps.py against it, stop the server.
Exit status 0 only if every step worked."""
from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_ready(url: str, server: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"devserver exited with status {server.returncode}")
        try:
            if requests.get(f"{url}/api/info", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"devserver did not answer at {url} within {timeout} s")


def main() -> int:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    api_key = secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="ayon-demo-") as data_dir:
        command = [sys.executable, "-m", "ayon_devserver", "--demo",
                   "--port", str(port), "--data-dir", data_dir,
                   "--api-key", api_key, "--log-level", "warning"]
        print(f"$ ayon-devserver --demo --port {port} --data-dir {data_dir}")
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        try:
            wait_ready(url, server)
            print(f"devserver ready at {url}\n")
            env = dict(os.environ, AYON_SERVER_URL=url, AYON_API_KEY=api_key)
            example = ROOT / "examples" / "first_steps.py"
            return subprocess.call([sys.executable, str(example)], env=env)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    sys.exit(main())
