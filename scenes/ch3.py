"""Chapter 3: where gradient descent ends, for least squares and for one ReLU neuron."""

import numpy as np
from common import palette, plots
from common.fades import FadeIn, FadeOut
from common.lecture_scene import LectureScene
from common.parameter_space import (
    axis_labels,
    axis_labels_below_left,
    follow_value,
    follower_dot,
    inside_axes,
    path_in_axes,
    point_on_path,
    readout,
    section_heading,
)
from common.widgets import Slider, text
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arc,
    Arrow,
    Circle,
    Create,
    DashedVMobject,
    DecimalNumber,
    Dot,
    Flash,
    GrowArrow,
    Indicate,
    Line,
    MathTex,
    RightAngle,
    Transform,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    linear,
)

from mathcore import leastsq, twoparam
from mathcore import scene_data_ch23 as scene_data


def equation_tex(row, rhs):
    """Return the TeX of the equation ``row . w = rhs`` in unknowns w_1, w_2, ..."""
    terms = []
    for k, coefficient in enumerate(row):
        if coefficient == 0:
            continue
        size = abs(coefficient)
        factor = "" if size == 1 else f"{size:g}\\,"
        sign = "-" if coefficient < 0 else "+"
        if not terms:
            sign = "-" if coefficient < 0 else ""
        terms.append(f"{sign} {factor}w_{k + 1}")
    return " ".join(terms) + f" = {rhs:g}"


def vector_readout(label, values, decimals=2, color=palette.FOREGROUND):
    """Return ``label (v_1, ..., v_k)`` with the entries as DecimalNumbers.

    ``values`` is a sequence of numbers, or a function returning one, which
    is then read on every frame.  The entries are ``.numbers``, and the group
    re-spaces its parts whenever an entry changes width.
    """
    size = palette.LABEL_SIZE + 4
    read = values if callable(values) else (lambda: values)
    opening = MathTex(label + "(", font_size=size, color=color)
    numbers = VGroup(
        *(
            DecimalNumber(v, num_decimal_places=decimals, font_size=size, color=color)
            for v in read()
        )
    )
    separators = [
        MathTex("," if k < len(numbers) - 1 else ")", font_size=size, color=color)
        for k in range(len(numbers))
    ]
    parts = [opening]
    for number, separator in zip(numbers, separators, strict=True):
        parts += [number, separator]
    group = VGroup(*parts)

    def layout(mobject):
        cursor = opening.get_right()[0]
        for number, separator in zip(numbers, separators, strict=True):
            number.next_to(np.array([cursor, 0, 0]), RIGHT, buff=0.05)
            number.set_y(opening.get_y())
            separator.next_to(number, RIGHT, buff=0.04)
            if separator is not separators[-1]:
                separator.align_to(number, DOWN).shift(DOWN * 0.06)
            else:
                separator.set_y(opening.get_y())
            cursor = separator.get_right()[0] + 0.06

    layout(group)
    if callable(values):
        for k, number in enumerate(numbers):
            follow_value(number, lambda k=k: read()[k])
        # Submobjects update in order, so the last one re-spaces the group
        # after every number has taken its new value.
        last = separators[-1]
        last.add_updater(lambda mobject: layout(group) if mobject is last else None)
    group.numbers = numbers
    return group


def right_angle_marks(axes, runs, line_ends):
    """Return a right-angle mark where each run's straight path meets the line.

    ``line_ends`` (shape (2, 2)) spans the solution line; each run's first
    and last iterate span its path.
    """
    line = Line(*(axes.c2p(*end) for end in line_ends))
    return VGroup(
        *(
            RightAngle(
                Line(axes.c2p(*run.iterates[0]), axes.c2p(*run.iterates[-1])),
                line.copy().move_to(axes.c2p(*run.iterates[-1])),
                length=0.18,
                quadrant=(-1, 1),
                color=palette.MUTED,
            )
            for run in runs
        )
    )


class MinNormHonestly(LectureScene):
    """Least squares: gradient descent finds A^+ b. One ReLU neuron: it depends."""

    chapter_number = 3
    chapter_title = "GD Finds Min-Norm?"
    chapter_subtitle = "A theorem for least squares, a tendency for ReLU networks"

    # Least squares: starts other than the origin, and the step size and
    # number of steps of every path drawn from a start.
    other_starts = ((-1.2, -0.6), (2.2, 1.6), (1.8, -0.8))
    ls_step = 0.1
    ls_steps = 60
    # Step sizes the slider visits, and the number of steps drawn for each.
    step_sweep = (0.06, 0.3, 0.39, 0.43, 0.12)
    sweep_steps = 12
    # The ReLU neuron f(x) = a (b x)_+: starts as (a0, b0).
    small_start = (0.1, 0.5)
    unbalanced_starts = ((0.3, 2.5), (2.2, 0.3))
    dead_start = (-1.5, 0.5)
    weight_decay = 0.2
    # Small steps over a time of 30 approximate gradient flow closely enough
    # that b^2 - a^2 stays fixed to the two decimals shown.
    relu_step = 0.005
    relu_steps = 6000
    relu_record_every = 20
    # Loss at which the heat map reaches full brightness.
    heatmap_top = 3.0

    def construct(self):
        self.show_title(
            "Among all the weights that fit the data, which does gradient descent "
            "pick? For least squares, a theorem answers exactly. For ReLU networks, "
            "the honest answer is weaker."
        )
        self.show_least_squares()
        self.show_other_starts()
        self.show_step_sizes()
        self.clear_screen()
        self.show_relu_landscape()
        self.show_small_start()
        self.show_unbalanced_starts()
        self.show_dead_start()
        self.show_weight_decay()
        self.clear_screen()
        self.show_verdict()
        self.quiz(
            "Gradient descent on a ReLU network starts near zero and reaches zero "
            "training loss. Which solution does it tend to find?",
            [
                "Exactly the minimum-norm network, as a general theorem guarantees.",
                "A fit close to a balanced, small-norm one, with no general guarantee.",
                "A random zero-loss solution, with no preference among them.",
                "The zero-loss solution farthest from where it started.",
            ],
            1,
            "Small starts keep every neuron nearly balanced, which steers toward "
            "small norm, but exact minimum norm is proven only in cases like least "
            "squares.",
        )

    # -- least squares ----------------------------------------------------------
    def make_plane(self):
        """Return equal-scale axes of (w_1, w_2) on the left of the frame."""
        axes = plots.lecture_axes(
            (-1.5, 2.5, 1), (-1.0, 2.0, 1), x_length=5.8, y_length=4.35
        )
        axes.move_to(np.array([-3.3, -0.5, 0]))
        axes.tex_labels = axis_labels(axes, "w_1", "w_2")
        return axes

    def show_least_squares(self):
        A, b = leastsq.chapter3_system()
        self.system = (A, b)
        axes = self.plane = self.make_plane()
        ends = scene_data.solution_line(A, b, 10.0)
        line = path_in_axes(axes, ends, color=palette.VALLEY, stroke_width=5)
        equation = MathTex(
            equation_tex(A[0], b[0]), font_size=palette.BODY_SIZE + 4
        ).move_to(np.array([3.8, 2.8, 0]))
        self.section_title = section_heading("1. Least squares")

        with self.beat(
            "Start with one equation in two unknowns. Every point on this blue "
            "line solves it exactly, so the loss has a whole line of minimizers."
        ):
            self.play(
                FadeIn(self.section_title),
                Create(axes),
                FadeIn(axes.tex_labels),
                run_time=1.0,
            )
            self.play(Write(equation), Create(line), run_time=1.5)

        w_star = leastsq.min_norm_solution(A, b)
        run = leastsq.gradient_descent(A, b, np.zeros(2), self.ls_step, self.ls_steps)
        path = path_in_axes(axes, run.iterates[:, :2], color=palette.FOREGROUND)
        origin = Dot(axes.c2p(0, 0), radius=0.07, color=palette.FOREGROUND)
        target = Dot(axes.c2p(*w_star), radius=0.1, color=palette.MIN_NORM)
        target_label = MathTex(
            "A^+ b", font_size=palette.LABEL_SIZE + 4, color=palette.MIN_NORM
        )
        # The line runs down-right from the target and the path comes in from
        # the lower left, so the label sits to the right, slightly raised.
        target_label.next_to(target, RIGHT, buff=0.1).shift(0.12 * UP)
        radius = np.linalg.norm(axes.c2p(*w_star) - axes.c2p(0, 0))
        circle = DashedVMobject(
            Circle(radius=radius, color=palette.MUTED, stroke_width=2).move_to(
                axes.c2p(0, 0)
            ),
            num_dashes=40,
        )
        solution = vector_readout("A^+ b = ", w_star, color=palette.MIN_NORM)
        solution.move_to(np.array([3.8, 2.0, 0]))

        self.exhibit("min_norm_w1", solution.numbers[0])
        self.exhibit("min_norm_w2", solution.numbers[1])
        with self.beat(
            "Run gradient descent from the origin. It heads straight for the line and "
            "stops at the point closest to the origin: the minimum-norm solution, "
            "A plus b."
        ):
            self.play(FadeIn(origin, scale=0.5), run_time=0.5)
            self.play(Create(path), run_time=1.5)
            self.play(
                FadeIn(target, scale=0.5),
                FadeIn(target_label),
                Create(circle),
                run_time=1.0,
            )
            self.play(FadeIn(solution, shift=UP * 0.1), run_time=0.8)
        normal = Arrow(
            axes.c2p(0, 0),
            axes.c2p(*A[0]),
            buff=0,
            color=palette.ACCENT,
            stroke_width=4,
            max_tip_length_to_length_ratio=0.12,
        )
        normal_label = MathTex(
            r"A^\top", font_size=palette.LABEL_SIZE + 4, color=palette.ACCENT
        ).next_to(normal.get_end(), RIGHT, buff=0.12)
        gradient = MathTex(
            r"\nabla L(w) = A^\top (A w - b)", font_size=palette.BODY_SIZE
        ).move_to(np.array([3.8, 1.1, 0]))

        with self.beat(
            "Why there? Every gradient is a multiple of A transpose, perpendicular "
            "to the line. So gradient descent never slides along the line: it keeps "
            "its starting position along it, here zero."
        ):
            self.play(FadeIn(gradient, shift=UP * 0.1), run_time=0.8)
            self.play(GrowArrow(normal), FadeIn(normal_label), run_time=1.0)
        self.ls_parts = VGroup(line, origin, path, target, target_label, circle)
        self.ls_side = VGroup(equation, solution, gradient)
        self.ls_normal = VGroup(normal, normal_label)

    def show_other_starts(self):
        A, b = self.system
        axes = self.plane
        runs = [
            leastsq.gradient_descent(A, b, np.array(start), self.ls_step, self.ls_steps)
            for start in self.other_starts
        ]
        starts = VGroup(
            *(
                Dot(axes.c2p(*start), radius=0.07, color=palette.FOREGROUND)
                for start in self.other_starts
            )
        )
        paths = VGroup(
            *(
                path_in_axes(axes, run.iterates, color=palette.FOREGROUND)
                for run in runs
            )
        )
        feet = VGroup(
            *(
                Dot(axes.c2p(*run.iterates[-1]), radius=0.08, color=palette.VALLEY)
                for run in runs
            )
        )
        corners = right_angle_marks(axes, runs, scene_data.solution_line(A, b, 1.0))
        projection = MathTex(
            r"w_\infty = A^+ b + (I - A^+ A)\, w_0", font_size=palette.BODY_SIZE
        ).move_to(np.array([3.8, 0.1, 0]))

        self.exhibit("other_runs", paths)

        with self.beat(
            "From any other start, it lands at the foot of the perpendicular from that "
            "start. The minimum-norm solution is special only because we began at "
            "zero."
        ) as passage:
            self.play(
                FadeOut(self.ls_normal), FadeIn(starts, lag_ratio=0.2), run_time=0.8
            )
            self.play(
                *(Create(path) for path in paths),
                run_time=max(1.5, passage.duration - 3.5),
            )
            self.play(FadeIn(feet, scale=0.5), Create(corners), run_time=0.8)
            self.play(FadeIn(projection, shift=UP * 0.1), run_time=0.8)
        self.play(
            FadeOut(starts),
            FadeOut(paths),
            FadeOut(feet),
            FadeOut(corners),
            FadeOut(projection),
            FadeOut(self.ls_parts[2]),
            run_time=0.6,
        )

    def show_step_sizes(self):
        A, b = self.system
        axes = self.plane
        bound = leastsq.step_bound(A)
        step = ValueTracker(self.step_sweep[0])

        def run():
            return leastsq.gradient_descent(
                A, b, np.zeros(2), step.get_value(), self.sweep_steps
            )

        def path_color():
            return palette.WARNING if step.get_value() >= bound else palette.FOREGROUND

        def draw_path():
            iterates = run().iterates
            group = path_in_axes(axes, iterates, color=path_color(), stroke_width=2.5)
            for point in iterates:
                if inside_axes(axes, point):
                    group.add(Dot(axes.c2p(*point), radius=0.05, color=path_color()))
            return group

        residual_axes = plots.lecture_axes(
            (0, self.sweep_steps, 2), (-2.5, 2.5, 1), x_length=4.6, y_length=2.4
        )
        residual_axes.move_to(np.array([3.9, -2.2, 0]))
        residual_labels = axis_labels(residual_axes, "k", r"A w_k - b")

        def draw_bars():
            values = scene_data.residuals(A, b, run().iterates)[:, 0]
            bars = VGroup()
            low, high = residual_axes.y_range[0], residual_axes.y_range[1]
            for k, value in enumerate(values):
                top = min(max(value, low), high)
                color = palette.POSITIVE if value >= 0 else palette.NEGATIVE
                bars.add(
                    Line(
                        residual_axes.c2p(k, 0),
                        residual_axes.c2p(k, top),
                        color=color,
                        stroke_width=6,
                    )
                )
            return bars

        slider = Slider(step, (0.02, 0.46), "step", width=3.2, decimals=2)
        slider.move_to(np.array([3.9, 0.35, 0]))
        tick = Line(
            slider.point_for(bound) + DOWN * 0.18,
            slider.point_for(bound) + UP * 0.18,
            color=palette.WARNING,
            stroke_width=3,
        )
        limit = readout(
            r"\text{step bound } 2/\|A\|^2 =", bound, decimals=2, color=palette.WARNING
        )
        limit.move_to(np.array([3.9, 1.25, 0]))

        self.exhibit("step_bound", limit.number)
        self.exhibit("step_size", step)
        path = always_redraw(draw_path)

        bars = always_redraw(draw_bars)
        title = section_heading("2. Step size")

        with self.beat(
            "The step size matters too. Gradient descent converges only for steps "
            f"below two over the squared norm of A, here {bound:.1f}."
        ):
            self.play(
                Transform(self.section_title, title),
                FadeOut(self.ls_side[1:]),
                run_time=0.8,
            )
            self.play(FadeIn(slider), FadeIn(limit), Create(tick), run_time=1.0)
            self.play(
                Create(residual_axes),
                FadeIn(residual_labels),
                FadeIn(path),
                FadeIn(bars),
                run_time=1.0,
            )

        with self.beat(
            "Small steps glide in. Past half the bound, each step overshoots: the "
            "residual flips sign and the path jumps across the line. Past the bound, "
            "the jumps grow without limit."
        ) as passage:
            moves = self.step_sweep[1:]
            pace = max(1.2, (passage.duration - 0.5) / len(moves))
            for value in moves:
                self.play(
                    step.animate.set_value(value), run_time=pace, rate_func=linear
                )
                self.wait(0.3)
        slider.knob.clear_updaters()
        path.clear_updaters()
        bars.clear_updaters()

    # -- one ReLU neuron --------------------------------------------------------
    def make_relu_axes(self):
        """Return equal-scale axes of (a, b) on the left of the frame."""
        axes = plots.lecture_axes((-2, 3, 1), (-1, 3, 1), x_length=5.5, y_length=4.4)
        axes.move_to(np.array([-3.3, -0.55, 0]))
        return axes

    def show_relu_landscape(self):
        axes = self.relu_axes = self.make_relu_axes()
        grid_a, grid_b, loss = twoparam.loss_grid(
            axes.x_range[:2], axes.y_range[:2], 161
        )
        self.relu_image = plots.heatmap(axes, loss, vmax=self.heatmap_top)
        labels = axis_labels_below_left(axes, "a", "b")
        curve = path_in_axes(
            axes,
            twoparam.zero_loss_curve(0.3, 3.0, 200),
            color=palette.VALLEY,
            stroke_width=5,
        )
        best = twoparam.min_norm_point()
        best_dot = Dot(axes.c2p(*best), radius=0.1, color=palette.MIN_NORM)
        radius = np.linalg.norm(axes.c2p(*best) - axes.c2p(0, 0))
        arc = DashedVMobject(
            Arc(
                radius=radius,
                start_angle=-np.pi / 5,
                angle=np.pi * 1.35,
                arc_center=axes.c2p(0, 0),
                color=palette.MUTED,
                stroke_width=2,
            ),
            num_dashes=30,
        )
        model = MathTex(r"f(x) = a\,\relu{b\,x}", font_size=palette.BODY_SIZE + 4)
        model.move_to(np.array([3.8, 2.8, 0]))
        fit = MathTex(
            r"L(a,b) = \tfrac12\big(a\,\relu{b} - 1\big)^2", font_size=palette.BODY_SIZE
        ).move_to(np.array([3.8, 2.0, 0]))
        hyperbola = MathTex(
            r"ab = 1", font_size=palette.LABEL_SIZE + 4, color=palette.VALLEY
        )
        # The clipped hyperbola starts where it leaves the map's right edge.
        hyperbola.next_to(curve[0].get_start(), RIGHT, buff=0.15)
        self.section_title = section_heading("3. One ReLU neuron")

        with self.beat(
            "Now the smallest ReLU network: f of x equals a times the positive part of "
            "b x, fitted to the single point one, one. The map shows its loss."
        ):
            self.play(FadeIn(self.section_title), FadeIn(model), run_time=1.0)
            self.play(FadeIn(fit, shift=UP * 0.1), run_time=0.8)
            self.play(
                FadeIn(self.relu_image), FadeIn(axes), FadeIn(labels), run_time=1.0
            )

        with self.beat(
            "Its loss is zero along the hyperbola a b equals one. The point of the "
            "hyperbola closest to the origin, a equals b equals one, is the "
            "minimum-norm fit."
        ):
            self.play(Create(curve), FadeIn(hyperbola), run_time=1.2)
            self.play(Create(arc), FadeIn(best_dot, scale=0.5), run_time=1.0)
        self.relu_parts = VGroup(axes, labels, curve, hyperbola, arc, best_dot)
        self.best_dot = best_dot
        self.relu_side = VGroup(model, fit)

    def relu_run(self, start, weight_decay=0.0):
        """Return gradient descent on the neuron's loss from ``start``."""
        return twoparam.gradient_descent(
            *start,
            self.relu_step,
            self.relu_steps,
            weight_decay=weight_decay,
            record_every=self.relu_record_every,
        )

    def make_run_panel(self, run, progress, color, show_position=True):
        """Return live readouts of ``run`` at step ``progress``: (a, b), balance, loss.

        The parts are ``.position`` (None without ``show_position``),
        ``.balance`` and ``.loss``, each showing the recorded value of
        mathcore's run at the tracker's (rounded) index.
        """

        def index():
            return min(int(round(progress.get_value())), len(run.path) - 1)

        rows = VGroup()
        position = None
        if show_position:
            position = vector_readout(
                "(a, b) = ", lambda: run.path[index()], color=color
            )
            rows.add(position)
        balance = readout(
            r"b^2 - a^2 =", lambda: run.balance[index()], color=palette.ACCENT
        )
        loss = readout(r"L =", lambda: run.loss[index()], decimals=3, color=color)
        rows.add(balance, loss)
        rows.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        rows.move_to(np.array([3.8, 0.2, 0]))
        rows.position, rows.balance, rows.loss = position, balance, loss
        return rows

    def play_run(self, narration, run, color=palette.FOREGROUND, show_position=True):
        """Narrate ``narration`` while a dot follows ``run`` with live readouts.

        Returns the drawn path (start, trail, dot) and the readout panel.
        """
        axes = self.relu_axes
        progress = ValueTracker(0.0)
        start = Dot(axes.c2p(*run.path[0]), radius=0.07, color=color)
        dot = follower_dot(axes, run.path, progress, color=color, radius=0.09)

        trail = always_redraw(
            lambda: path_in_axes(
                axes,
                np.vstack(
                    [
                        run.path[: int(progress.get_value()) + 1],
                        point_on_path(run.path, progress.get_value()),
                    ]
                ),
                color=color,
                stroke_width=3,
            )
        )
        panel = self.make_run_panel(run, progress, color, show_position)

        with self.beat(narration) as passage:
            self.play(FadeIn(start, scale=0.5), FadeIn(panel), run_time=0.6)
            self.add(trail, dot)
            self.play(
                progress.animate.set_value(len(run.path) - 1),
                run_time=max(2.0, passage.duration - 1.0),
                rate_func=linear,
            )
        for mobject in (trail, dot, *panel.get_family()):
            mobject.clear_updaters()
        # The minimum-norm point stays visible over runs that end next to it.
        self.bring_to_front(self.best_dot)
        return VGroup(start, trail, dot), panel

    def show_small_start(self):
        run = self.relu_run(self.small_start)
        a0, b0 = self.small_start

        drawn, panel = self.play_run(
            f"Start small, at a equals {a0:g} and b equals {b0:g}. Gradient descent "
            "reaches zero loss near the minimum-norm point, but not on it.",
            run,
        )

        self.exhibit("small_end_a", panel.position.numbers[0])
        self.exhibit("small_end_b", panel.position.numbers[1])
        self.exhibit("small_balance", panel.balance.number)
        with self.beat(
            "The reason is a conserved quantity. Along gradient flow, b squared minus "
            "a squared never changes, so each run ends where the hyperbola meets the "
            "curve of its own starting value."
        ):
            self.play(Indicate(panel.balance, color=palette.ACCENT), run_time=1.2)
        self.relu_runs = VGroup(drawn)
        self.relu_panel = panel

    def show_unbalanced_starts(self):
        texts = (
            "A large, unbalanced start keeps its imbalance. Watch b squared minus a "
            "squared stay fixed as the run reaches zero loss, far from the "
            "minimum-norm point.",
            "Unbalanced the other way, it ends on the other arm. Both runs fit "
            "perfectly, with larger weights than needed.",
        )
        for k, (start, narration) in enumerate(
            zip(self.unbalanced_starts, texts, strict=True)
        ):
            self.play(FadeOut(self.relu_panel), run_time=0.4)
            drawn, panel = self.play_run(narration, self.relu_run(start))
            self.exhibit(f"unbalanced_{k}_balance", panel.balance.number)
            self.exhibit(f"unbalanced_{k}_end_a", panel.position.numbers[0])
            self.exhibit(f"unbalanced_{k}_end_b", panel.position.numbers[1])
            self.relu_runs.add(drawn)
            self.relu_panel = panel

    def show_dead_start(self):

        self.play(FadeOut(self.relu_panel), run_time=0.4)

        drawn, panel = self.play_run(
            "And a start with a at or below minus b drives b down to zero. The neuron "
            "dies, and the loss is stuck at one half.",
            self.relu_run(self.dead_start),
            color=palette.WARNING,
            show_position=False,
        )

        self.exhibit("dead_loss", panel.loss.number)
        self.relu_runs.add(drawn)
        self.relu_panel = panel

    def show_weight_decay(self):
        lam = self.weight_decay
        axes = self.relu_axes
        _, _, loss = twoparam.loss_grid(
            axes.x_range[:2], axes.y_range[:2], 161, weight_decay=lam
        )
        image = plots.heatmap(axes, loss, vmax=self.heatmap_top)
        image.move_to(self.relu_image)
        minimizer = twoparam.weight_decay_minimizer(lam)
        starts = [self.small_start, *self.unbalanced_starts, self.dead_start]
        runs = [self.relu_run(start, weight_decay=lam) for start in starts]
        paths = VGroup(
            *(path_in_axes(axes, run.path, color=palette.FOREGROUND) for run in runs)
        )
        start_dots = VGroup(*(Dot(axes.c2p(*run.path[0]), radius=0.07) for run in runs))
        end_dots = VGroup(
            *(
                Dot(axes.c2p(*run.path[-1]), radius=0.09, color=palette.ACCENT)
                for run in runs
            )
        )

        self.exhibit("decay_paths", paths)
        penalty = MathTex(
            rf"+\ \tfrac{{\lambda}}{{2}}\,(a^2 + b^2),\ \ \lambda = {lam:g}",
            font_size=palette.BODY_SIZE,
        ).move_to(np.array([3.8, 1.2, 0]))
        point = readout(r"a = b = \sqrt{1-\lambda} \approx", minimizer[0])
        point.move_to(np.array([3.8, 0.3, 0]))

        self.exhibit("decay_minimizer", point.number)
        with self.beat(
            "Weight decay changes the picture. Add a penalty of strength lambda, and "
            "every run that keeps its neuron alive meets at one balanced point: a "
            "equals b equals the square root of one minus lambda."
        ) as passage:
            # The new map waits behind the old one, which fades out to reveal it.
            self.add(image)
            self.bring_to_back(image)
            self.play(
                FadeOut(self.relu_runs),
                FadeOut(self.relu_panel),
                FadeOut(self.relu_image),
                FadeIn(penalty, shift=UP * 0.1),
                run_time=1.0,
            )
            self.play(FadeIn(start_dots), run_time=0.5)
            self.play(
                *(Create(path) for path in paths),
                run_time=max(2.0, passage.duration - 3.0),
            )
            self.play(FadeIn(end_dots, scale=0.5), FadeIn(point), run_time=0.8)

        with self.beat(
            "Only the dead start misses: its neuron never wakes, and the penalty "
            "shrinks it to zero."
        ):
            self.play(Flash(end_dots[-1], color=palette.WARNING), run_time=1.0)

    # -- the verdict --------------------------------------------------------------
    def show_verdict(self):
        size = palette.LABEL_SIZE
        heading = palette.BODY_SIZE
        left = VGroup(
            text("Least squares", size=heading, color=palette.VALLEY, weight="BOLD"),
            text("From zero: A⁺b, the minimum norm.", size=size),
            text("From w₀: the projection of w₀.", size=size),
            text("Steps must stay below 2 / ‖A‖².", size=size),
            text("A theorem.", size=size, color=palette.MIN_NORM),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        right = VGroup(
            text("ReLU networks", size=heading, color=palette.WARNING, weight="BOLD"),
            text("Small, balanced start: near min-norm.", size=size),
            text("Large or unbalanced start: elsewhere.", size=size),
            text("Weight decay: the balanced minimizer.", size=size),
            text("No general theorem", size=size, color=palette.MIN_NORM),
            text("(Vardi and Shamir, 2021).", size=size, color=palette.MIN_NORM),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        columns = VGroup(left, right).arrange(RIGHT, buff=1.0, aligned_edge=UP)
        if columns.width > 13.0:
            columns.scale_to_fit_width(13.0)
        columns.move_to(np.array([0, 0.2, 0]))
        divider = Line(UP * 1.8, DOWN * 1.8, color=palette.GRID).move_to(
            (left.get_right() + right.get_left()) / 2
        )

        with self.beat(
            "The honest version, then. For least squares, gradient descent from zero "
            "provably reaches the minimum-norm solution."
        ):
            self.play(FadeIn(left, lag_ratio=0.15), Create(divider), run_time=2.0)

        with self.beat(
            "For ReLU networks there is no such theorem. Vardi and Shamir proved in "
            "2021 that even for a single neuron, no explicit function of the "
            "weights captures where gradient descent ends, and for wider networks "
            "only balance does. Small, balanced starts and weight decay give nearly "
            "minimum-norm fits. Large or unbalanced starts do not."
        ):
            self.play(FadeIn(right, lag_ratio=0.15), run_time=2.5)
        self.clear_screen()
