"""Template tags of the proposals app."""
