"""Running the ``crosscheck`` command in tests: in-process by default, as a process where that is the point.

In-process runs call ``crosscheck.cli.main`` with the arguments, in the given folder, capturing
standard output and error: the same code path a user's command takes, without paying the
interpreter's start-up and imports once per test. A few end-to-end tests still start a real
process (``run_process``), so that the entry point itself stays tested.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from crosscheck import cli

REPO = Path(__file__).resolve().parents[1]


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(cwd)
    debug = os.environ.pop("CROSSCHECK_DEBUG", None)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # argparse's own exits (--help, --version, bad options)
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        os.chdir(here)
        if debug is not None:
            os.environ["CROSSCHECK_DEBUG"] = debug
    return subprocess.CompletedProcess(["crosscheck", *args], code, out.getvalue(), err.getvalue())


def run_process(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CROSSCHECK_DEBUG"}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *args],
        cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
