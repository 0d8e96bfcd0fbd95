"""Python's cycle collector, run on the GUI thread only.

CPython collects reference cycles in whichever thread happens to cross the allocation
threshold. With the analysis running on the thread pool, that is usually a worker, and a cycle
holding a widget or another Qt object made on the GUI thread is then destroyed from the wrong
thread: a crash in the GUI thread's event loop, seldom and far from its cause (seen here about
once in a dozen runs of the window tests, caught with faulthandler while an analysis ran
beside). The established remedy (napari issue 1029, pyqtgraph's ``GarbageCollector``, calibre):
turn automatic collection off and collect from a timer on the GUI thread, each generation when
its own threshold is passed — so cycles are still collected about as often as Python would.
Reference counting, which frees everything that is not a cycle, is untouched.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class GuiCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose allocation counts passed their thresholds."""
        count, threshold = gc.get_count(), gc.get_threshold()
        if count[0] > threshold[0]:
            gc.collect(2 if count[2] > threshold[2] else 1 if count[1] > threshold[1] else 0)


def collect_on_gui_thread() -> GuiCollector:
    """Install the collector once for the application (from the GUI thread)."""
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication first"
    found = app.findChild(GuiCollector)
    return found if found is not None else GuiCollector(app)
