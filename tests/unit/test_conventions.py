"""Conventions: the generated module API is current, every public name is
in the reference surface, HTTP happens only in transport.py."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

import ayon_api

ROOT = Path(__file__).resolve().parents[2]
SURFACE = ROOT.parent / "shared" / "reference" / "ayon_api-surface.json"


def _load_generator():
    spec = importlib.util.spec_from_file_location(
        "gen_api", ROOT / "tools" / "gen_api.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_api_is_current() -> None:
    generator = _load_generator()
    assert generator.TARGET.read_text() == generator.render(), (
        "src/ayon_api/_api.py is stale: run python tools/gen_api.py")


def test_module_functions_forward_every_public_method() -> None:
    generator = _load_generator()
    for name in generator._public_methods(ayon_api.ServerAPI):
        assert callable(getattr(ayon_api, name)), name
        assert name in ayon_api.__all__


@pytest.mark.skipif(not SURFACE.exists(), reason="reference surface absent")
def test_no_public_name_beyond_reference_surface() -> None:
    surface = json.loads(SURFACE.read_text())
    allowed = set(surface["top_level"]) | {"exceptions"}
    extra = [name for name in ayon_api.__all__ if name not in allowed]
    assert not extra, f"public names not in the reference: {extra}"


def test_only_transport_imports_requests_sessions() -> None:
    package = ROOT / "src" / "ayon_api"
    allowed = {"transport.py", "response.py", "_server_utils.py"}
    pattern = re.compile(r"requests\.(Session|get|post|put|patch|delete|request)\(")
    offenders = []
    for path in package.rglob("*.py"):
        if path.name in allowed or "testing" in path.parts:
            continue
        if pattern.search(path.read_text()):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_version_is_semver_at_least_reference() -> None:
    match = re.match(r"^(\d+)\.(\d+)\.(\d+)", ayon_api.__version__)
    assert match
    assert tuple(map(int, match.groups())) >= (1, 2, 25)
