"""The ``ayon-devserver`` command line."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from ayon_devserver.__main__ import build_parser, default_data_dir


def test_help_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ayon_devserver", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    for option in ("--host", "--port", "--data-dir", "--demo", "--api-key"):
        assert option in result.stdout


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AYON_DEVSERVER_API_KEY", raising=False)
    monkeypatch.delenv("AYON_DEVSERVER_ADMIN_PASSWORD", raising=False)
    args = build_parser().parse_args([])
    assert (args.host, args.port, args.demo) == ("127.0.0.1", 5000, False)
    assert args.api_key is None


def test_secrets_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AYON_DEVSERVER_API_KEY", "env-key-123")
    monkeypatch.setenv("AYON_DEVSERVER_ADMIN_PASSWORD", "env-pw-123")
    args = build_parser().parse_args([])
    assert (args.api_key, args.admin_password) == ("env-key-123", "env-pw-123")


@pytest.mark.skipif(sys.platform == "win32", reason="XDG applies to POSIX")
def test_default_data_dir_follows_xdg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_data_dir() == tmp_path / "ayon-devserver"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_data_dir() == Path(
        os.path.expanduser("~/.local/share/ayon-devserver")
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_serves_prints_how_to_connect_and_stops_on_sigint(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    command = [sys.executable, "-m", "ayon_devserver", "--port", "0"]
    command += ["--data-dir", str(data_dir), "--api-key", "cli-key-123"]
    command += ["--log-level", "warning"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(6)]
        url = next(
            line.split("=", 1)[1].strip()
            for line in lines
            if "export AYON_SERVER_URL=" in line
        )
        assert any("export AYON_API_KEY=cli-key-123" in line for line in lines)
        session = requests.Session()
        session.trust_env = False
        me = session.get(
            url + "/api/users/me", headers={"X-Api-Key": "cli-key-123"}, timeout=10
        )
        assert me.json()["name"] == "service"
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 0
        if process.stdout is not None:
            process.stdout.close()
    assert not (data_dir / "ayon.db-wal").exists()  # closed cleanly
