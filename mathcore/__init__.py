"""Numerical core of the convex neural network lecture.

Every curve, point, path, count and value that the lecture's scenes show is
computed here, with numpy, scipy and cvxpy (Clarabel).  The package never
imports Manim.
"""

__version__ = "0.1.0"
