"""The extract stage: read a report as it is written (.txt, .docx, .xlsx, .pdf) into a format-1 report.

``perfrules.extract`` is both this package and the function that extracts a
report: calling the package calls :func:`perfrules.extract.api.extract`
(imported on first call, so that ``import perfrules`` stays cheap).
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    """This package, callable as :func:`perfrules.extract.api.extract`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from perfrules.extract.api import extract

        return extract(*args, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "extract":  # perfrules.__getattr__ resolves perfrules.extract through this
        return sys.modules[__name__]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


sys.modules[__name__].__class__ = _CallablePackage
