#!/usr/bin/env python3
"""`make bench`: this client against the PyPI reference client
(ayon-python-api==1.2.25) on one devserver holding a generated show.

Steps: make the reference client's virtual environment (.bench/refvenv,
once), generate a show of about 20 000 folders in a temporary data dir,
start `ayon-devserver` on a free port, pick the scenario inputs, then run
every scenario in a fresh child process per client (several rounds,
median) and print wall time and client CPU of both with their ratios.

Options: --folders N (show size, default 20000), --rounds N (default 3),
--only NAME[,NAME] (scenarios), --skip-commit.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import requests

from ayon_api import ServerAPI

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / ".bench"
REF_VENV = BENCH_DIR / "refvenv"
REF_PYTHON = REF_VENV / "bin" / "python"
OUR_PYTHON = Path(sys.executable)
SCENARIOS_PY = Path(__file__).resolve().parent / "scenarios.py"
REFERENCE = "ayon-python-api==1.2.25"
READ_SCENARIOS = [
    "all_folders",
    "folders_by_500_paths",
    "representations_of_1k_versions",
    "get_folder_by_id_x1000",
    "last_versions_of_2k_products",
]
COMMIT_SCENARIO = "commit_10k_creates"


def ensure_reference_venv() -> None:
    if REF_PYTHON.exists():
        probe = subprocess.run(
            [str(REF_PYTHON), "-c", "import ayon_api; print(ayon_api.__version__)"],
            capture_output=True, text=True)
        if probe.returncode == 0 and probe.stdout.strip() == "1.2.25":
            return
    print(f"creating {REF_VENV} with {REFERENCE} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(REF_VENV)],
                   check=True)
    subprocess.run([str(REF_PYTHON), "-m", "pip", "install", "-q", REFERENCE],
                   check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def generate_show(data_dir: Path, project: str, folders: int) -> None:
    from ayon_devserver.generate import generate_show as generate
    from ayon_devserver.generate import plan_show

    started = time.perf_counter()
    summary = generate(data_dir, project, **plan_show(folders), seed=7,
                       tasks_per_folder=2, products_per_folder=1,
                       versions_per_product=3, representations_per_version=2)
    print(f"generated {project} in {time.perf_counter() - started:.1f} s: "
          f"{summary}", flush=True)


def start_server(data_dir: Path, api_key: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(OUR_PYTHON), "-m", "ayon_devserver", "--port", str(port),
         "--data-dir", str(data_dir), "--api-key", api_key,
         "--log-level", "warning"],
        stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/api/info", timeout=1).status_code == 200:
                return server, url
        except requests.RequestException:
            pass
        time.sleep(0.2)
    server.kill()
    raise RuntimeError("devserver did not start")


def pick_inputs(con: ServerAPI, project: str) -> dict[str, Any]:
    folders = list(con.get_folders(project, fields={"id", "path"}))
    products = list(con.get_products(project, fields={"id"}))
    versions = list(con.get_versions(project, hero=False, fields={"id"}))
    path_step = max(1, len(folders) // 500)
    id_step = max(1, len(folders) // 1000)
    return {
        "project": project,
        "folder_paths": [f["path"] for f in folders[::path_step]][:500],
        "folder_ids": [f["id"] for f in folders[::id_step]][:1000],
        "version_ids": [v["id"] for v in versions[:1000]],
        "product_ids": [p["id"] for p in products[:2000]],
        "sizes": {"folders": len(folders), "products": len(products),
                  "versions": len(versions)},
    }


def run_child(python: Path, scenario: str, inputs_path: Path,
              env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [str(python), str(SCENARIOS_PY), scenario, str(inputs_path)],
        capture_output=True, text=True, env=env, cwd=str(BENCH_DIR))
    if result.returncode != 0:
        raise RuntimeError(f"{scenario} failed under {python}:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(scenario: str, inputs: dict[str, Any], rounds: int,
            env: dict[str, str], con: ServerAPI, workdir: Path
            ) -> dict[str, dict[str, float]]:
    samples: dict[str, list[dict[str, Any]]] = {"ref": [], "ours": []}
    for round_index in range(rounds):
        # Alternate the order so neither client always runs on a warm server.
        order = ["ref", "ours"] if round_index % 2 == 0 else ["ours", "ref"]
        for client in order:
            round_inputs = dict(inputs)
            if scenario == COMMIT_SCENARIO:
                name = f"commit_{client}_{uuid.uuid4().hex[:6]}"
                con.create_project(name, f"c{uuid.uuid4().hex[:5]}")
                round_inputs["commit_project"] = name
            path = workdir / f"inputs_{scenario}_{client}.json"
            path.write_text(json.dumps(round_inputs))
            python = REF_PYTHON if client == "ref" else OUR_PYTHON
            samples[client].append(run_child(python, scenario, path, env))
            if scenario == COMMIT_SCENARIO:
                con.delete_project(round_inputs["commit_project"])
    summary = {}
    for client, runs in samples.items():
        counts = {run["count"] for run in runs}
        if len(counts) != 1:
            raise RuntimeError(f"{scenario}: {client} counts differ: {counts}")
        summary[client] = {
            "wall": statistics.median(run["wall"] for run in runs),
            "cpu": statistics.median(run["cpu"] for run in runs),
            "count": counts.pop(),
        }
    return summary


def print_table(results: dict[str, dict[str, dict[str, float]]]) -> None:
    header = (f"{'scenario':34} {'items':>7} {'ref wall':>9} {'our wall':>9} "
              f"{'ratio':>6} {'ref cpu':>8} {'our cpu':>8} {'ratio':>6}")
    print("\n" + header)
    print("-" * len(header))
    for scenario, result in results.items():
        ref, ours = result["ref"], result["ours"]
        flag = "" if ref["count"] == ours["count"] else "  (counts differ!)"
        print(f"{scenario:34} {ours['count']:>7} {ref['wall']:>8.3f}s "
              f"{ours['wall']:>8.3f}s {ours['wall'] / ref['wall']:>6.2f} "
              f"{ref['cpu']:>7.3f}s {ours['cpu']:>7.3f}s "
              f"{ours['cpu'] / max(ref['cpu'], 1e-9):>6.2f}{flag}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folders", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="")
    parser.add_argument("--skip-commit", action="store_true")
    parser.add_argument("--commit-folders", type=int, default=5000)
    args = parser.parse_args()
    scenarios = READ_SCENARIOS + ([] if args.skip_commit else [COMMIT_SCENARIO])
    if args.only:
        scenarios = [s for s in scenarios if s in args.only.split(",")]

    BENCH_DIR.mkdir(exist_ok=True)
    ensure_reference_venv()
    api_key = secrets.token_hex(16)
    project = "bench_show"
    with tempfile.TemporaryDirectory(prefix="ayon-bench-") as tmp:
        workdir = Path(tmp)
        generate_show(workdir / "data", project, args.folders)
        server, url = start_server(workdir / "data", api_key)
        try:
            env = dict(os.environ, AYON_SERVER_URL=url, AYON_API_KEY=api_key)
            env.pop("PYTHONPATH", None)
            con = ServerAPI(url, token=api_key, timeout=120)
            inputs = pick_inputs(con, project)
            inputs["commit_folders"] = args.commit_folders
            print(f"show: {inputs['sizes']}", flush=True)
            results = {}
            for scenario in scenarios:
                print(f"running {scenario} ...", flush=True)
                results[scenario] = measure(scenario, inputs, args.rounds,
                                            env, con, workdir)
            print_table(results)
            print(f"\n(median of {args.rounds} rounds; client CPU is user+sys "
                  "of the client process; goals: CPU <= 0.5x, wall <= 0.8x)")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
