"""The scoring stage: scoring profiles held as TOML, and the score sheet they recompute."""
