"""Dock widgets and dialogs (layouts in .ui files, loaded at runtime)."""
