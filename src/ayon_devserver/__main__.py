"""``ayon-devserver`` / ``python -m ayon_devserver``: run the devserver.

On first start it creates the ``admin`` user and the ``service`` user (API
key), keeps their secrets in ``<data-dir>/credentials.json`` (mode 0600) and
prints how to connect. Later starts reuse the data directory. Ctrl-C or
SIGTERM shuts down cleanly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from . import SERVER_VERSION

if TYPE_CHECKING:
    from .bootstrap import Credentials

ENV_API_KEY = "AYON_DEVSERVER_API_KEY"
ENV_ADMIN_PASSWORD = "AYON_DEVSERVER_ADMIN_PASSWORD"


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/ayon-devserver`` (``%LOCALAPPDATA%`` on Windows,
    ``~/.local/share`` when unset)."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif os.environ.get("XDG_DATA_HOME"):
        base = Path(os.environ["XDG_DATA_HOME"])
    else:
        base = Path.home() / ".local" / "share"
    return base / "ayon-devserver"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ayon-devserver",
        description="Run a local AYON-compatible server (REST, GraphQL, SQLite).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="default: %(default)s")
    parser.add_argument("--port", type=int, default=5000, help="default: %(default)s")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"where the database lives (default: {default_data_dir()})",
    )
    parser.add_argument("--demo", action="store_true", help="load demo data")
    parser.add_argument(
        "--api-key",
        default=os.environ.get(ENV_API_KEY) or None,
        help=f"API key of the 'service' user (env {ENV_API_KEY}; "
        "default: generated on first start, then reused)",
    )
    parser.add_argument(
        "--admin-password",
        default=os.environ.get(ENV_ADMIN_PASSWORD) or None,
        help=f"password of the 'admin' user (env {ENV_ADMIN_PASSWORD}; "
        "default: generated on first start, then reused)",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="default: %(default)s",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {SERVER_VERSION}"
    )
    show = parser.add_argument_group(
        "show generator",
        "fill a new project with a realistic show (episodes/sequences/shots, "
        "assets, tasks, products, versions, representations) before serving, "
        "e.g. --generate-show bigshow --folders 20000",
    )
    show.add_argument(
        "--generate-show", metavar="PROJECT", help="project to create and fill"
    )
    show.add_argument(
        "--folders",
        type=int,
        default=2000,
        metavar="N",
        help="about how many folders (%(default)s)",
    )
    for name, default in (
        ("tasks-per-folder", 2),
        ("products-per-folder", 1),
        ("versions-per-product", 1),
        ("representations-per-version", 1),
        ("seed", 0),
    ):
        show.add_argument(
            f"--{name}", type=int, default=default, metavar="N", help="(%(default)s)"
        )
    show.add_argument(
        "--generate-only", action="store_true", help="exit after generating"
    )
    return parser


def generate(args: argparse.Namespace, data_dir: Path) -> None:
    """``--generate-show``: fill the project, print what was made."""
    import time

    from .generate import generate_show, plan_show

    started = time.perf_counter()
    counts = generate_show(
        data_dir,
        args.generate_show,
        tasks_per_folder=args.tasks_per_folder,
        products_per_folder=args.products_per_folder,
        versions_per_product=args.versions_per_product,
        representations_per_version=args.representations_per_version,
        seed=args.seed,
        **plan_show(args.folders),
    )
    summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
    elapsed = time.perf_counter() - started
    print(f"Generated {args.generate_show}: {summary} in {elapsed:.1f} s", flush=True)


def banner(url: str, host: str, data_dir: Path, credentials: Credentials) -> str:
    """How to connect, printed at startup (the user asked for the secrets)."""
    key_note = "" if credentials.api_key_current else "  # changed; see --api-key"
    password = credentials.admin_password
    if not credentials.admin_password_current:
        password = "(changed through the API; reset with --admin-password)"
    lines = [f"AYON devserver {SERVER_VERSION} at {url}"]
    if host not in ("127.0.0.1", "localhost", "::1"):
        lines.append(
            f"WARNING: listening on {host}: other machines can reach this server"
        )
    return "\n".join(
        [
            *lines,
            f"Data: {data_dir}",
            "",
            "Connect a client:",
            f"  export AYON_SERVER_URL={url}",
            f"  export AYON_API_KEY={credentials.api_key}{key_note}",
            "",
            f"Admin login: {credentials.admin_name} / {password}",
            f"(stored in {data_dir / 'credentials.json'}; Ctrl-C to stop)",
            "",
        ]
    )


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)

    import uvicorn  # heavy imports after argument parsing (fast --help)

    from .app import create_app
    from .config import ServerConfig
    from .runner import bind_socket, url_for

    data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()
    if args.generate_show:
        try:
            generate(args, data_dir)
        except ValueError as exc:
            print(f"ayon-devserver: {exc}")
            return 1
        if args.generate_only:
            return 0
    config = ServerConfig(
        data_dir=data_dir,
        host=args.host,
        port=args.port,
        api_key=args.api_key,
        admin_password=args.admin_password,
        demo=args.demo,
    )
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        print(f"ayon-devserver: cannot listen on {args.host}:{args.port}: {exc}")
        return 1
    try:
        app = create_app(config)
    except Exception:
        sock.close()
        raise
    port = sock.getsockname()[1]
    print(
        banner(url_for(args.host, port), args.host, data_dir, app.state.credentials),
        flush=True,
    )

    server = uvicorn.Server(
        uvicorn.Config(app, log_level=args.log_level, lifespan="on")
    )
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
        app.state.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
