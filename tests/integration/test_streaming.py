"""Large listings stream: memory stays flat, requests grow with pages (not
with entities), also when links are requested."""
from __future__ import annotations

import gc
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from ayon_api import ServerAPI
from ayon_api.resources import _entities
from tests.faults.proxy import FaultProxy

from .conftest import free_port

PROJECT = "stream_show"


class _Server:
    def __init__(self, url: str, api_key: str) -> None:
        self.url, self.api_key = url, api_key


@pytest.fixture(scope="module")
def big_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Server]:
    """A devserver in its own process (so that only the client's memory is
    traced here) holding a generated 3000-folder show."""
    from ayon_devserver.generate import generate_show, plan_show

    data_dir: Path = tmp_path_factory.mktemp("stream")
    generate_show(data_dir, PROJECT, **plan_show(3000), tasks_per_folder=0,
                  products_per_folder=0, seed=3)
    port = free_port()
    api_key = "s" * 32
    process = subprocess.Popen(
        [sys.executable, "-m", "ayon_devserver", "--port", str(port),
         "--data-dir", str(data_dir), "--api-key", api_key,
         "--log-level", "warning"], stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/api/info", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        yield _Server(url, api_key)
    finally:
        process.terminate()
        process.wait(timeout=30)


def _peak_while(consume: Any) -> tuple[int, int]:
    gc.collect()
    tracemalloc.start()
    try:
        count = consume()
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_while_streaming(big_server: Any,
                                           monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    con = ServerAPI(big_server.url, token=big_server.api_key)
    monkeypatch.setattr(_entities, "ENTITY_PAGE_SIZE", 200)
    next(con.get_folders(PROJECT))  # warm up: imports, pool, server info
    _, three_pages_peak = _peak_while(
        lambda: sum(1 for _, __ in zip(range(600), con.get_folders(PROJECT))))
    streamed, streamed_peak = _peak_while(
        lambda: sum(1 for _ in con.get_folders(PROJECT)))
    held: list[Any] = []
    kept, kept_peak = _peak_while(
        lambda: len(held.extend(con.get_folders(PROJECT)) or held))
    assert streamed == kept >= 3000
    # Five times more folders, about the same peak: one page at a time.
    assert streamed_peak < 1.5 * three_pages_peak
    assert streamed_peak < kept_peak


def test_requests_grow_with_pages_even_with_links(big_server: Any,
                                                  monkeypatch: pytest.MonkeyPatch
                                                  ) -> None:
    monkeypatch.setattr(_entities, "ENTITY_PAGE_SIZE", 500)
    with FaultProxy(big_server.url) as proxy:
        con = ServerAPI(proxy.url, token=big_server.api_key)
        before = len(proxy.requests_to("POST", "/graphql"))
        folders = list(con.get_folders(PROJECT, fields={"id", "name", "links"}))
        pages = len(proxy.requests_to("POST", "/graphql")) - before
    assert len(folders) >= 3000
    assert all(folder["links"] == [] for folder in folders)
    assert pages == -(-len(folders) // 500)
