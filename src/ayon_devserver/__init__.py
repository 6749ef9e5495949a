"""Local AYON-compatible development server.

``create_app`` builds the ASGI application, ``DevServer`` runs it in a
background thread (tests, scripts), ``python -m ayon_devserver`` runs it from
the command line.
"""

# The version reported by ``GET /api/info``: clients gate features on it, so
# it follows the real server release whose API we mirror.
SERVER_VERSION = "1.16.0+devserver"

__all__ = ["SERVER_VERSION"]
