"""First steps with ayon_api: connect, list projects, create two users.

Run against any AYON server (or `make demo`, which starts a local
devserver for you):

    export AYON_SERVER_URL=http://127.0.0.1:5000
    export AYON_API_KEY=<an API key of a service user or admin>
    python examples/first_steps.py
"""
from __future__ import annotations

import sys
import uuid

import ayon_api


def main() -> int:
    con = ayon_api.get_server_api_connection()
    print(f"Connected to {con.get_base_url()} "
          f"(AYON {con.get_server_version()}) as {con.get_user()['name']}")

    projects = list(con.get_projects())
    print(f"\n{len(projects)} project(s):")
    for project in projects:
        print(f"  - {project['name']} (code {project['code']})")

    suffix = uuid.uuid4().hex[:6]
    created = []
    for how in ("put", "raw_put"):
        name = f"demo_{how.replace('_', '')}_{suffix}"
        user_data = {
            "name": name,
            "attrib": {"fullName": f"Demo user ({how})",
                       "email": f"{name}@example.com"},
            "password": f"pw-{uuid.uuid4().hex}",
            "data": {"defaultAccessGroups": ["artist"]},
        }
        if how == "put":
            response = ayon_api.put(f"users/{name}", **user_data)
        else:
            response = ayon_api.raw_put(f"users/{name}", json=user_data)
        print(f"\nayon_api.{how}('users/{name}') -> HTTP {response.status_code}")
        response.raise_for_status()
        created.append(name)

    print("\nRead back:")
    for name in created:
        user = con.get_user(name)
        if user is None:
            print(f"  user {name} was not found")
            return 1
        print(f"  - {user['name']}: {user['attrib']['fullName']} "
              f"<{user['attrib']['email']}>, "
              f"access groups {user['data'].get('defaultAccessGroups')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
