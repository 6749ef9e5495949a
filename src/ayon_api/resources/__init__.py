"""Resource mixins of ServerAPI, one module per area of the server."""
