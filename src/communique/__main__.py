"""``python -m communique``: the same as the ``communique`` command."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    main()
