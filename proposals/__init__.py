"""Proposals to the Working Group, in rooms: core (the product's model and rules), site, console, api, and tooling."""
