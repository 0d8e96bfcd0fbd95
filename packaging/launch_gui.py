"""The windowed executable's entry script (Windows and macOS): always the window, no console."""

import sys

from crosscheck.cli import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
