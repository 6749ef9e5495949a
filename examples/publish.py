"""Publish a render of a shot, then find it again as a pipeline tool would.

Builds a small hierarchy with one batch (all or nothing), publishes three
versions with representations, and looks up the latest version and the
parents of its representations. Uses AYON_SERVER_URL / AYON_API_KEY.

    python examples/publish.py [PROJECT_NAME]
"""
from __future__ import annotations

import sys
import uuid

import ayon_api
from ayon_api.operations import OperationsSession


def main() -> int:
    con = ayon_api.get_server_api_connection()
    project_name = (sys.argv[1] if len(sys.argv) > 1
                    else f"publish_demo_{uuid.uuid4().hex[:6]}")
    if con.get_project(project_name, fields={"name"}) is None:
        con.create_project(project_name, f"pd{uuid.uuid4().hex[:4]}")
        print(f"created project {project_name}")

    # One batch: every entity or none of them.
    session = OperationsSession(con)
    sequence = session.create_folder(project_name, "sq010",
                                     folder_type="Sequence")
    shot = session.create_folder(project_name, "sh010", folder_type="Shot",
                                 parent_id=sequence["id"],
                                 attrib={"frameStart": 1001, "frameEnd": 1050})
    task = session.create_task(project_name, "compositing", "Compositing",
                               shot["id"])
    product = session.create_product(project_name, "renderMain", "render",
                                     shot["id"])
    for number in (1, 2, 3):
        version = session.create_version(
            project_name, number, product["id"], task_id=task["id"],
            attrib={"comment": f"take {number}"})
        session.create_representation(
            project_name, "exr", version["id"],
            files=[{"id": uuid.uuid4().hex,
                    "name": f"sh010_v{number:03d}.1001.exr",
                    "path": f"{{root[work]}}/sh010/sh010_v{number:03d}.1001.exr",
                    "size": 1024, "hash": "0"}],
            data={"context": {"folder": {"name": "sh010"}, "version": number}})
    results = session.commit()
    print(f"committed {len(results)} operations in one batch")

    folder = con.get_folder_by_path(project_name, "/sq010/sh010")
    print(f"{folder['path']}: frames {folder['attrib']['frameStart']}"
          f"-{folder['attrib']['frameEnd']}, fps {folder['attrib']['fps']}"
          " (inherited from the project)")
    last = con.get_last_version_by_product_id(project_name, product["id"])
    print(f"latest version of renderMain: v{last['version']:03d} "
          f"({last['attrib']['comment']})")
    representations = list(con.get_representations(
        project_name, version_ids=[last["id"]]))
    parents = con.get_representations_parents(
        project_name, [r["id"] for r in representations])
    for representation in representations:
        chain = parents[representation["id"]]
        print(f"  {representation['name']}: {representation['files'][0]['path']}"
              f" <- {chain.product['name']} <- {chain.folder['path']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
