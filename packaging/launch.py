"""The standalone build's entry script: the ``crosscheck`` command, exactly as pip installs it.

PyInstaller starts from a script rather than an entry point; this one only hands over to
``crosscheck.cli``, so the built executable takes the same commands (``open``, ``compare``,
``install-desktop``) and, with no arguments, opens the window.
"""

import sys

from crosscheck.cli import main

if __name__ == "__main__":
    sys.exit(main())
