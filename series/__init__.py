"""Render the whole lecture series into one folder."""
