"""``python -m perfrules``: the same command line as ``perfrules``."""

from perfrules.cli import main

if __name__ == "__main__":
    main()
