"""An installed wheel carries everything the app needs at run time (demo articles included)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    try:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out),
             str(REPO)],
            check=True, capture_output=True, text=True, timeout=300,
        )
    except subprocess.CalledProcessError as exc:  # show pip's reason, not just the exit code
        pytest.fail(f"building the wheel failed:\n{exc.stderr}")
    return next(out.glob("crosscheck-*.whl"))


def test_wheel_contains_the_demo_articles(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    demo = [n for n in names if n.startswith("crosscheck/resources_data/demo/")]
    assert len(demo) >= 3
    assert "crosscheck/cli.py" in names


def test_installed_wheel_compares_the_demo_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [sys.executable, "-c", "import crosscheck, sys; from crosscheck.cli import main; "
         "print(crosscheck.__file__, file=sys.stderr); sys.exit(main(['compare', '--demo', '-q']))"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert str(target) in run.stderr  # the installed copy ran, not the checkout
    data = json.loads(run.stdout)
    assert len(data["sources"]) >= 3
    assert all("resources_data" in s["path"] for s in data["sources"])
