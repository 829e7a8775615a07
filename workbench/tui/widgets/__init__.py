"""Widgets of the review screen, one panel per module."""
