"""Pytest support: fixtures that run a local ``ayon_devserver``.

Installed as a pytest plugin (entry point ``ayon_api``), it offers:

- ``ayon_server``: a devserver started once per test session on a free
  port with a fresh data directory; ``.url`` and ``.api_key`` (an API key
  of a service user with admin rights).
- ``ayon_connection``: a ``ServerAPI`` connected to it with that key.

The devserver needs the ``server`` extra (``pip install ayon-api-client[server]``).
"""
