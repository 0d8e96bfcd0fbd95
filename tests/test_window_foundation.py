"""The window opens articles through the same loaders as the CLI and reports bad ones."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from crosscheck.ui.main_window import ArticleColumn, MainWindow


def test_demo_articles_open_side_by_side(qtbot, demo_paths):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_sources([str(p) for p in demo_paths])
    columns = window.findChildren(ArticleColumn)
    assert len(columns) == len(demo_paths) >= 3
    assert window.windowTitle() == f"Crosscheck — {len(demo_paths)} articles"
    for column in columns:
        assert column.view.toPlainText() == column.source.text
        assert column.source.label in column.header.text()


def test_bad_file_is_reported_and_the_good_ones_still_open(qtbot, tmp_path, demo_paths, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_sources([str(empty), str(demo_paths[0])])
    assert len(window.findChildren(ArticleColumn)) == 1
    assert shown and "empty.txt" in shown[0][1] and "empty" in shown[0][1]
