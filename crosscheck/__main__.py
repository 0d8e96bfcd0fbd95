"""``python -m crosscheck`` is the ``crosscheck`` command."""

import sys

from crosscheck.cli import main

sys.exit(main())
