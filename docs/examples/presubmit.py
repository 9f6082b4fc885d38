"""Pre-submission check: refuse to submit a report that perfrules finds errors in.

Usage: python presubmit.py REPORT.toml [REPORT.json ...]

Exit status: 0 when no report has an error, 1 when one has, 2 when a report
(or the configuration) cannot be read. Warnings are printed but do not block.
"""

from __future__ import annotations

import sys

import perfrules


def main(paths: list[str]) -> int:
    config_path = perfrules.find_config()  # perfrules.toml here or above, if any
    try:
        config = perfrules.load_config(config_path) if config_path else None
    except perfrules.PerfrulesError as exc:
        print(exc.render(), file=sys.stderr)
        return 2
    status = 0
    for path in paths:
        try:
            report = perfrules.load(path)
        except perfrules.PerfrulesError as exc:
            print(exc.render(), file=sys.stderr)  # one line per problem, with file and line
            status = 2
            continue
        result = perfrules.check(report, config)
        for f in result.findings:
            print(
                f"{path}:{f.line or '-'}: {f.rule} [{f.category}] {f.severity.value}: {f.message()}"
            )
        errors = result.count(perfrules.Severity.ERROR)
        if errors:
            print(f"{path}: {errors} error(s): not ready to submit")
            status = max(status, 1)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
