"""The document stage: a report as typed, frozen objects (format 1), read from TOML or JSON."""
