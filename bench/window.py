"""Window speed: time to a visible window and to highlights, and the cost of scrolling.

    QT_QPA_PLATFORM=offscreen python bench/window.py

1. Opening: a fresh Python process opens the five seed articles (the demo articles when
   ../shared/seeds is absent). Times are from the process's own start, so interpreter start-up
   and imports are included: "window shown" is the first paint of the window, "highlights" the
   moment the analysis result is painted.
2. Twenty articles: the same, for twenty of the development set's real articles (twenty
   articles of about 650 words made from the demo articles when the set is absent).
3. Scrolling: ten long articles (about 3,000 words each, made from the demo articles) are open
   and analysed, a group selected, "scroll together" on; each column is scrolled through in
   steps of 60 px, the other nine following it; each step is timed until Qt has painted what
   moved (all ten columns, their scroll bars and rulers, the connectors). Figures are
   milliseconds per step (median and 95th percentile): under 16 ms keeps up with a 60 Hz screen.
4. Selecting: in that window, every group is selected in turn (outlines, line-up, compare
   panel, list and coverage), milliseconds per selection.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"

_CHILD = r"""
import time
T0 = time.perf_counter()
import json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from crosscheck.ui.main_window import MainWindow
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
w = MainWindow(settings)
w.resize(1280, 800)
w.open_sources(sys.argv[2:])
w.show()
app.processEvents()
w.repaint()
shown = time.perf_counter() - T0
while w.busy or w.analysis is None:
    app.processEvents()
    time.sleep(0.002)
for c in w.columns.values():
    c.view.viewport().repaint()
ready = time.perf_counter() - T0
print(json.dumps({"shown": shown, "ready": ready, "groups": len(w.analysis.comparison.groups)}))
"""


def opening(paths: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        out = subprocess.run([sys.executable, "-c", _CHILD, str(Path(tmp) / "s.ini"), *paths],
                             capture_output=True, text=True, env=env, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def long_articles(folder: Path, n: int = 10, words: int = 3000) -> list[str]:
    from crosscheck.io.load import load
    from crosscheck.resources import demo_articles

    base = [load(str(p), "b") for p in demo_articles()]
    paths = []
    for i in range(n):
        src = base[i % len(base)]
        paras = [src.text[p.start : p.end] for p in src.paragraphs]
        body, k = [paras[0]], 0
        while sum(len(p.split()) for p in body) < words:
            body.append(paras[1 + k % (len(paras) - 1)])
            k += 1
        path = folder / f"long-{i}.txt"
        path.write_text("\n\n".join(body), encoding="utf-8")
        paths.append(str(path))
    return paths


def scrolling(paths: list[str]) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QApplication

    from crosscheck.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        w = MainWindow(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        w.resize(1920, 1080)
        w.show()
        w.open_sources(paths)
        while w.busy or w.analysis is None:
            app.processEvents()
            time.sleep(0.002)
        picks = []
        for group in w.analysis.comparison.groups:
            start = time.perf_counter()
            w.select_group(group.id)
            app.processEvents()
            picks.append((time.perf_counter() - start) * 1000)
        w.select_group(w.analysis.comparison.groups[0].id)
        app.processEvents()
        frames = []
        for column in w.columns.values():
            bar = column.view.verticalScrollBar()
            bar.setValue(0)
            for value in range(0, bar.maximum(), 60):
                start = time.perf_counter()
                bar.setValue(value)  # (with "scroll together" on, the other nine follow)
                app.processEvents()  # and Qt paints what moved: ten columns, rulers, connectors
                frames.append((time.perf_counter() - start) * 1000)
        words = sum(s.word_count for s in w.sources)
        w.close()
        w.deleteLater()
        QThreadPool.globalInstance().waitForDone()
        app.processEvents()
    frames.sort()
    picks.sort()
    return {"steps": len(frames), "median_ms": statistics.median(frames),
            "p95_ms": frames[int(len(frames) * 0.95)], "words": words,
            "picks": len(picks), "pick_median_ms": statistics.median(picks) if picks else 0.0,
            "pick_p95_ms": picks[int(len(picks) * 0.95)] if picks else 0.0}


def twenty_articles(folder: Path) -> list[str]:
    """Twenty real articles from the development set, or twenty ~650-word ones from the demo."""
    try:
        from crosscheck.devset import stories

        paths = [str(p) for s in stories()[0] for p in s.paths][:20]
    except Exception:  # noqa: BLE001 - the set is optional
        paths = []
    return paths if len(paths) == 20 else long_articles(folder, n=20, words=650)


def main() -> int:
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    label = "five seed articles"
    if not paths:
        from crosscheck.resources import demo_articles

        paths, label = [str(p) for p in demo_articles()], "demo articles"
    runs = [opening(paths) for _ in range(3)]
    print(f"Opening the {label} (best of 3, from process start):")
    print(f"  window shown   {min(r['shown'] for r in runs):.2f} s")
    print(f"  highlights     {min(r['ready'] for r in runs):.2f} s  ({runs[0]['groups']} groups)")
    with tempfile.TemporaryDirectory() as tmp:
        twenty = [opening(twenty_articles(Path(tmp))) for _ in range(2)]
        print("Opening twenty articles (best of 2, from process start):")
        print(f"  window shown   {min(r['shown'] for r in twenty):.2f} s")
        print(f"  highlights     {min(r['ready'] for r in twenty):.2f} s  ({twenty[0]['groups']} groups)")
        result = scrolling(long_articles(Path(tmp)))
    print(f"Scrolling ten long articles in step ({result['words']:,} words, {result['steps']} steps, all ten "
          "columns painted each step):")
    print(f"  median {result['median_ms']:.1f} ms, 95th percentile {result['p95_ms']:.1f} ms per step")
    print(f"Selecting each of their {result['picks']} groups: median {result['pick_median_ms']:.1f} ms, "
          f"95th percentile {result['pick_p95_ms']:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
