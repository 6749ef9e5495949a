"""Benchmark scenarios, run in a child process by ``benchmarks/run.py``.

The same file runs under this project's ``ayon_api`` and under the PyPI
reference client (another virtual environment), so it uses only the public
API both share. Usage::

    python scenarios.py SCENARIO INPUTS.json

Connects through AYON_SERVER_URL / AYON_API_KEY, runs the scenario once and
prints one JSON line: wall seconds, client CPU seconds (user + system of
this process) and the number of items returned.
"""
from __future__ import annotations

import json
import sys
import time
from typing import Any, Callable

import ayon_api


def all_folders(con: Any, inputs: dict[str, Any]) -> int:
    return sum(1 for _ in con.get_folders(inputs["project"]))


def folders_by_paths(con: Any, inputs: dict[str, Any]) -> int:
    return len(list(con.get_folders(inputs["project"],
                                    folder_paths=inputs["folder_paths"])))


def representations_of_versions(con: Any, inputs: dict[str, Any]) -> int:
    return len(list(con.get_representations(
        inputs["project"], version_ids=inputs["version_ids"])))


def folder_by_id_calls(con: Any, inputs: dict[str, Any]) -> int:
    project = inputs["project"]
    return sum(1 for folder_id in inputs["folder_ids"]
               if con.get_folder_by_id(project, folder_id) is not None)


def last_versions(con: Any, inputs: dict[str, Any]) -> int:
    found = con.get_last_versions(inputs["project"], inputs["product_ids"])
    return sum(1 for version in found.values() if version is not None)


def commit_folders_and_tasks(con: Any, inputs: dict[str, Any]) -> int:
    from ayon_api.operations import OperationsSession

    project = inputs["commit_project"]
    session = OperationsSession(con)
    created = 0
    for index in range(inputs["commit_folders"]):
        folder = session.create_folder(project, f"f{index:05d}",
                                       folder_type="Folder")
        session.create_task(project, "work", "Generic", folder["id"])
        created += 2
    session.commit()
    return created


SCENARIOS: dict[str, Callable[[Any, dict[str, Any]], int]] = {
    "all_folders": all_folders,
    "folders_by_500_paths": folders_by_paths,
    "representations_of_1k_versions": representations_of_versions,
    "get_folder_by_id_x1000": folder_by_id_calls,
    "last_versions_of_2k_products": last_versions,
    "commit_10k_creates": commit_folders_and_tasks,
}


def main() -> int:
    name, inputs_path = sys.argv[1], sys.argv[2]
    with open(inputs_path) as stream:
        inputs = json.load(stream)
    con = ayon_api.get_server_api_connection()
    con.get_info()  # connection set up outside the measurement
    cpu_started = time.process_time()  # user + system of this process
    started = time.perf_counter()
    count = SCENARIOS[name](con, inputs)
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(json.dumps({"scenario": name, "wall": wall, "cpu": cpu,
                      "count": count}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
