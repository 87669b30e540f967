"""briefing: PowerPoint briefing decks from a structured trip report.

    python main.py build            # the full default briefing into ./out/
    python main.py --help           # every command and option
    python main.py                  # the desktop app
"""

import sys

from briefing.cli import main

if __name__ == "__main__":
    sys.exit(main())
