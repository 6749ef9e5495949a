"""The runnable examples work against a devserver (as users run them)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("script", ["first_steps.py", "publish.py"])
def test_example_runs(ayon_server: Any, script: str) -> None:
    env = dict(os.environ, AYON_SERVER_URL=ayon_server.url,
               AYON_API_KEY=ayon_server.api_key)
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script)], env=env,
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert ayon_server.api_key not in result.stdout + result.stderr
