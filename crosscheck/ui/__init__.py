"""The Qt layer: widgets and models that show what the core computed. No analysis lives here."""
