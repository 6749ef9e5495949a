"""GraphQL helpers: field selections and cursor paging."""
from .paging import iter_connection_nodes
from .selection import render_selection

__all__ = ["iter_connection_nodes", "render_selection"]
