"""The show generator (API and command line) and the demo show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ayon_devserver.generate import generate_show, plan_show
from ayon_devserver.runner import DevServer
from ayon_devserver.store import Store

from .helpers import Api


def test_generate_a_few_hundred_folders(tmp_path: Path) -> None:
    plan = plan_show(300)
    counts = generate_show(tmp_path, "show", tasks_per_folder=3, seed=3, **plan)
    assert 290 <= counts["folders"] <= 310
    assert counts["tasks"] > counts["folders"]
    assert counts["versions"] == 2 * counts["products"]
    assert counts["representations"] == 2 * counts["versions"]
    with pytest.raises(ValueError):
        generate_show(tmp_path, "show")

    again = tmp_path / "again"
    generate_show(again, "show", tasks_per_folder=3, seed=3, **plan)
    first, second = Store(tmp_path), Store(again)
    try:
        ids = [
            [r["id"] for r in store.listing.rows("folder", "show", {})]
            for store in (first, second)
        ]
        assert ids[0] == ids[1]  # same seed, same show
    finally:
        first.close()
        second.close()

    with DevServer(tmp_path) as server:
        api = Api(server.url, {"X-Api-Key": server.api_key or ""})
        folders = api.get("/api/projects/show/folders").json()["folders"]
        assert len(folders) == counts["folders"]
        assert folders[0]["path"] == "/assets"
        shots = [f for f in folders if f["folderType"] == "Shot"]
        assert shots and all(f["hasTasks"] for f in shots)
        shot = api.get(f"/api/projects/show/folders/{shots[0]['id']}").json()
        assert shot["hasVersions"] is True and "frameEnd" in shot["ownAttrib"]


def test_command_line_generate_only(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ayon_devserver",
            "--data-dir",
            str(tmp_path),
            "--generate-show",
            "cli_show",
            "--folders",
            "120",
            "--generate-only",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Generated cli_show:" in result.stdout
    store = Store(tmp_path)
    try:
        assert 100 <= store.entities.count("folder", "cli_show") <= 130
    finally:
        store.close()
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "ayon_devserver",
            "--data-dir",
            str(tmp_path),
            "--generate-show",
            "cli_show",
            "--generate-only",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 1 and "already has folders" in again.stdout


def test_demo_has_a_show(tmp_path: Path) -> None:
    with DevServer(tmp_path, demo=True) as server:
        api = Api(server.url, {"X-Api-Key": server.api_key or ""})
        data = api.get("/api/projects/demo_Big_Episodic/stats").json()["counts"]
        assert data["folders"] > 50 and data["representations"] > 0
        hierarchy = api.get("/api/projects/demo_Commercial/hierarchy").json()
        assert [f["name"] for f in hierarchy["hierarchy"]] == ["assets", "ep01"]
    with DevServer(tmp_path, demo=True) as server:  # a restart changes nothing
        api = Api(server.url, {"X-Api-Key": server.api_key or ""})
        again = api.get("/api/projects/demo_Big_Episodic/stats").json()["counts"]
        assert again == data
