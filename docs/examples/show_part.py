"""Print one table of a TOML document as it is written, comments included: show_part.py FILE TABLE."""

from __future__ import annotations

import sys
from pathlib import Path

path, table = sys.argv[1], sys.argv[2]
lines = Path(path).read_text(encoding="utf-8").split("\n")
start = lines.index(f"[{table}]")
end = next((k for k in range(start + 1, len(lines)) if not lines[k].strip()), len(lines))
print("\n".join(lines[start:end]))
