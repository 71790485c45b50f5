"""Demo and measurement tooling: demo data, synthetic proposals, benchmark, load test. The product never imports it."""
