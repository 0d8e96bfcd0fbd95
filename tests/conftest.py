"""Shared test setup: Qt renders offscreen, and paths to the demo and seed articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.gui"]  # window fixtures: window, demo, messages, settings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def demo_paths() -> list[Path]:
    from crosscheck.resources import demo_articles

    return demo_articles()


@pytest.fixture
def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not paths:
        pytest.skip("the seed articles (../shared/seeds) are not here")
    return paths
