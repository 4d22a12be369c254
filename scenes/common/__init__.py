"""Shared building blocks of the lecture's chapter scenes.

Nothing in this package defines a renderable scene: each chapter file under
``scenes/`` contains exactly one ``Scene`` subclass, so ``manim scenes/chN.py``
renders it without a prompt.
"""
