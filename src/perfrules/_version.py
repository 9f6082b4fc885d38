"""The version of perfrules (read by the build backend and ``perfrules --version``)."""

__version__ = "0.1.0"
