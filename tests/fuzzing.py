"""How many examples a randomised ("fuzz") test tries: a fixed budget in every run, CI included,
so the hostile-input families are exercised on each change; more on demand for a long hunt:

    CROSSCHECK_FUZZ_EXAMPLES=5000 pytest -m fuzz
"""

from __future__ import annotations

import os


def examples(default: int) -> int:
    return int(os.environ.get("CROSSCHECK_FUZZ_EXAMPLES", default))
