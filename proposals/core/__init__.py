"""The core: models, the workflow table, services (every write), selectors (every read) and the rules under them."""
