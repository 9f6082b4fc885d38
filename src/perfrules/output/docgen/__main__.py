"""Run the rule reference generator: ``python -m perfrules.output.docgen docs/rules``."""

from __future__ import annotations

import sys

from perfrules.output.docgen.command import main

sys.exit(main())
