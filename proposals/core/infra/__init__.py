"""Infrastructure under the core and the rooms: rate limits, pagination, CSV, caches, the request guard, index DDL."""
