r"""Values that the scenes of chapters 2 and 3 place on screen.

Chapter 2 moves the weights of one fitted network along its symmetries
(rescaling, permutation, dead neurons) and along the segment between two
permuted global minima.  Chapter 3 draws gradient descent on a least-squares
system in the plane.  The functions here turn the results of
:mod:`mathcore.network`, :mod:`mathcore.landscape` and :mod:`mathcore.leastsq`
into the exact numbers and points those scenes show.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from mathcore import convex, datasets, landscape, leastsq, network
from mathcore._validate import as_count, as_matrix, as_real, as_vector

logger = logging.getLogger(__name__)

# Kinks of the chapter 2 network closer than this count as one position,
# because Clarabel leaves coinciding kinks about 3e-6 apart, while distinct
# kinks on the lecture data are 1.4 apart.
KINK_TOL = 1e-3


@dataclass(frozen=True)
class FittedNetwork:
    r"""A network that fits a data set exactly.

    Attributes
    ----------
    X : ndarray of shape (n, d)
        Data, bias column included.
    y : ndarray of shape (n,)
        Labels.
    x : ndarray of shape (n,)
        Raw 1-D inputs, the first column of ``X``.
    U : ndarray of shape (d, m)
        First-layer weights, one neuron per column.
    alpha : ndarray of shape (m,)
        Output weights.
    """

    X: np.ndarray
    y: np.ndarray
    x: np.ndarray
    U: np.ndarray
    alpha: np.ndarray


def chapter2_network() -> FittedNetwork:
    r"""Return the minimum-norm interpolant of the lecture's 1-D data.

    The network solves :func:`mathcore.convex.solve` with ``beta = 0`` on
    :func:`mathcore.datasets.lecture_1d`: among all networks with
    :math:`(XU)_+ \alpha = y` it has the least
    :math:`\tfrac12 \sum_j (\lVert u_j \rVert^2 + \alpha_j^2)`, so every
    neuron is balanced, :math:`\lVert u_j \rVert = |\alpha_j|`.  On this data
    it has four neurons whose kinks pair up at two positions.

    The neurons are sorted by kink position, and at a shared kink the neuron
    active to the left comes first, so the order does not depend on how the
    solver lists its blocks.

    Returns
    -------
    FittedNetwork
        The data and the network.

    Raises
    ------
    mathcore.convex.SolverError
        If the convex program fails.
    """
    data = datasets.lecture_1d()
    X, y = data.X, data.y
    U, alpha = convex.solve(X, y, 0.0).network()
    kinks = network.kinks_1d(U)
    by_position = np.argsort(kinks.x)
    # Kinks that coincide mathematically differ in the solver's last digits,
    # so kinks closer than KINK_TOL share one position group.
    steps = np.diff(kinks.x[by_position]) > KINK_TOL
    group = np.empty(len(by_position), dtype=int)
    group[by_position] = np.concatenate([[0], np.cumsum(steps)])
    order = np.lexsort((kinks.side, group))
    U, alpha = network.permute(U, alpha, order)
    return FittedNetwork(X=X, y=y, x=np.array(data.x), U=U, alpha=alpha)


def neuron_sizes(U: object, alpha: object) -> np.ndarray:
    r"""Return each neuron's squared weight norm.

    .. math:: s_j = \lVert u_j \rVert^2 + \alpha_j^2

    This is neuron ``j``'s share of the weight-decay penalty.  Under the
    rescaling :math:`(t u_j, \alpha_j / t)` it is least where
    :math:`\lVert u_j \rVert = |\alpha_j|`.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.

    Returns
    -------
    ndarray of shape (m,)
        :math:`s_j` for every neuron.

    Raises
    ------
    ValueError
        If ``U`` is not a finite matrix or ``alpha`` not a finite vector of
        length ``m``.
    """
    U = as_matrix("U", U)
    alpha = as_vector("alpha", alpha, length=U.shape[1])
    return np.sum(U * U, axis=0) + alpha * alpha


def slice_coordinates(U: object, alpha: object, neuron: int) -> tuple[float, float]:
    r"""Return a neuron's coordinates in the plane of a neuron slice.

    The coordinates are :math:`(\lVert u_j \rVert, \alpha_j)` with
    ``j = neuron``, the axes of :func:`mathcore.landscape.neuron_slice`, so
    the network ``(U, alpha)`` itself sits at this point of its slice.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    neuron : int
        Index of the neuron, in ``[0, m)``.

    Returns
    -------
    tuple of float
        :math:`(\lVert u_j \rVert, \alpha_j)`.

    Raises
    ------
    ValueError
        If an input is not finite, the shapes disagree or ``neuron`` is out
        of range.
    """
    U = as_matrix("U", U)
    alpha = as_vector("alpha", alpha, length=U.shape[1])
    neuron = as_count("neuron", neuron, minimum=0)
    if neuron >= U.shape[1]:
        raise ValueError(f"neuron must be < m={U.shape[1]}, got {neuron}")
    return float(np.linalg.norm(U[:, neuron])), float(alpha[neuron])


def add_neuron(
    U: object, alpha: object, u: object, output_weight: float
) -> tuple[np.ndarray, np.ndarray]:
    r"""Append one neuron :math:`(u, \alpha_{m+1})` to a network.

    Parameters
    ----------
    U : array_like of shape (d, m)
        First-layer weights.
    alpha : array_like of shape (m,)
        Output weights.
    u : array_like of shape (d,)
        First-layer weights of the new neuron.
    output_weight : float
        Output weight of the new neuron.

    Returns
    -------
    U : ndarray of shape (d, m + 1)
    alpha : ndarray of shape (m + 1,)
        The widened network; the new neuron is the last column.

    Raises
    ------
    ValueError
        If an input is not finite or the shapes disagree.
    """
    U = as_matrix("U", U)
    alpha = as_vector("alpha", alpha, length=U.shape[1])
    u = as_vector("u", u, length=U.shape[0])
    output_weight = as_real("output_weight", output_weight)
    return np.column_stack([U, u]), np.append(alpha, output_weight)


def segment_network(
    witness: landscape.NonconvexityWitness, t: float
) -> tuple[np.ndarray, np.ndarray]:
    r"""Return the network at position ``t`` of a non-convexity witness's segment.

    The parameters are :math:`(1 - t)\,\theta_1 + t\,\theta_2`, so ``t = 0``
    is the first global minimum, ``t = 1`` its permuted copy and ``t = 0.5``
    the midpoint, where the two swapped neurons are averaged.

    Parameters
    ----------
    witness : mathcore.landscape.NonconvexityWitness
        The two minima, from :func:`mathcore.landscape.nonconvexity_witness`.
    t : float
        Position on the segment, in ``[0, 1]``.

    Returns
    -------
    U : ndarray of shape (d, m)
    alpha : ndarray of shape (m,)

    Raises
    ------
    ValueError
        If ``witness`` is not a witness or ``t`` lies outside ``[0, 1]``.
    """
    if not isinstance(witness, landscape.NonconvexityWitness):
        raise ValueError(
            f"witness must be a NonconvexityWitness, got {type(witness).__name__}"
        )
    t = as_real("t", t, minimum=0.0, maximum=1.0)
    theta = (1.0 - t) * witness.theta_1 + t * witness.theta_2
    return landscape.unflatten(theta, witness.d, witness.m)


def residuals(A: object, b: object, iterates: object) -> np.ndarray:
    r"""Return the residual :math:`A w_k - b` of every iterate.

    On gradient descent for :math:`\tfrac12 \lVert A w - b \rVert^2` with
    one equation, the residual is multiplied by
    :math:`1 - \eta \lVert A \rVert^2` at every step: it shrinks steadily,
    shrinks while flipping sign, or grows, as the step size :math:`\eta` is
    below :math:`1 / \lVert A \rVert^2`, between that and
    :math:`2 / \lVert A \rVert^2`, or above it.

    Parameters
    ----------
    A : array_like of shape (n, d)
        System matrix.
    b : array_like of shape (n,)
        Right-hand side.
    iterates : array_like of shape (k, d)
        Points :math:`w_0, \dots, w_{k-1}`, for example
        :attr:`mathcore.leastsq.LeastSquaresPath.iterates`.

    Returns
    -------
    ndarray of shape (k, n)
        Row ``i`` is :math:`A w_i - b`.

    Raises
    ------
    ValueError
        If an input is not finite or the shapes disagree.
    """
    A = as_matrix("A", A)
    b = as_vector("b", b, length=A.shape[0])
    iterates = as_matrix("iterates", iterates)
    if iterates.shape[1] != A.shape[1]:
        raise ValueError(
            f"iterates must have {A.shape[1]} columns (one per column of A), "
            f"got shape {iterates.shape}"
        )
    return iterates @ A.T - b


def solution_line(A: object, b: object, half_length: float) -> np.ndarray:
    r"""Return the ends of a segment of the solution line of a 1-by-2 system.

    The solutions of :math:`A w = b` with one equation in two unknowns form
    the line :math:`A^+ b + s\,n`, with :math:`n` a unit vector spanning
    :math:`\ker A`.  The segment runs over :math:`|s| \le` ``half_length``,
    centred on the minimum-norm solution.

    Parameters
    ----------
    A : array_like of shape (1, 2)
        System matrix with a nonzero entry.
    b : array_like of shape (1,)
        Right-hand side.
    half_length : float
        Distance from :math:`A^+ b` to each end, positive.

    Returns
    -------
    ndarray of shape (2, 2)
        The two ends, one per row.

    Raises
    ------
    ValueError
        If ``A`` is not 1-by-2 with rank 1, ``b`` has the wrong length, or
        ``half_length`` is not positive.
    """
    A = as_matrix("A", A)
    if A.shape != (1, 2):
        raise ValueError(f"A must have shape (1, 2), got shape {A.shape}")
    b = as_vector("b", b, length=1)
    half_length = as_real("half_length", half_length, minimum=0.0, strict=True)
    basis = leastsq.null_space_basis(A)
    if basis.shape[1] != 1:
        raise ValueError("A must have a nonzero entry, got the zero matrix")
    center = leastsq.min_norm_solution(A, b)
    direction = basis[:, 0]
    return np.vstack(
        [center - half_length * direction, center + half_length * direction]
    )
