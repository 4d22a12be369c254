"""Chapter 0: why one network can have many sets of weights that fit."""

import numpy as np
from common import palette, plots
from common.fades import FadeIn, FadeOut
from common.lecture_scene import LectureScene
from common.network_figures import (
    NUMBER_SIZE,
    ScientificNumber,
    WeightBars,
    legend_row,
    log_loss_axes,
    log_values,
    run_color,
)
from common.parameter_space import (
    axis_labels,
    axis_labels_below_left,
    level_curves,
    path_in_axes,
)
from common.widgets import text
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Brace,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    Integer,
    MathTex,
    Rectangle,
    RoundedRectangle,
    SurroundingRectangle,
    Transform,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    linear,
    rate_functions,
)

from mathcore import datasets, leastsq, network
from mathcore import scene_data_ch01 as scene_data

# Counts up to ten are spoken and shown as words.
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven")
NUMBER_WORDS += ("eight", "nine", "ten")


def words(count):
    """Return ``count`` as a word when it is at most ten, else as digits."""
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else str(count)


class WhyMultipleSolutions(LectureScene):
    """Several training runs fit the same points with different weights."""

    chapter_number = 0
    chapter_title = "Why Multiple Solutions?"
    chapter_subtitle = "Same data, same loss, different weights"

    # The experiment: a width-6 network trained without weight decay from
    # seeds 0, 1, 2, ... until `n_runs` runs reach loss below `fit_tol`.
    width = 6
    n_runs = 5
    init_scale = 1.0
    step = 0.02
    n_steps = 2000
    record_every = 10
    fit_tol = 1e-6
    # The loss panel spans 10^-24 to 10^2 and labels these powers of ten.
    loss_decades = (-24, 2)
    loss_ticks = (0, -10, -20)
    # The symmetry beat swaps two neurons of the first run, then rescales
    # one neuron by `rescale_factor`.
    swap_pair = (0, 1)
    rescale_neuron = 5
    rescale_factor = 2.0
    # The weight segment runs between these two runs.
    segment_runs = (0, 1)
    # Least-squares panels: the plane of (w1, w2), gradient-descent starts,
    # step and number of steps; the midpoint test uses the ends of two paths.
    w1_range = (-1.2, 2.8)
    w2_range = (-1.0, 2.0)
    lsq_starts = ((-0.8, 1.8), (2.3, 1.8), (2.2, -0.8), (-0.8, -0.8))
    lsq_step = 0.12
    lsq_steps = 60
    midpoint_paths = (1, 3)
    # Loss values of the contour lines drawn in both least-squares panels.
    contour_levels = (0.05, 0.25, 0.6, 1.2, 2.2, 3.6, 5.5)

    def construct(self):
        self.load_results()
        self.show_title(
            "Train one small network several times, from different random "
            "starts. Every run can fit the data perfectly, and yet each one ends "
            "with different weights. How can that be?"
        )
        self.show_data()
        self.show_first_run()
        self.show_more_runs()
        self.show_stalled_starts()
        self.show_weights()
        self.show_symmetries()
        self.show_disagreement()
        self.show_least_squares()
        self.show_network_segment()
        self.show_question()
        self.show_summary(
            "Different starts give different networks with zero training loss. "
            "Some differences are symmetries, others are different functions, "
            "and unlike in linear regression the solutions do not form one "
            "convex set.",
            [
                "Random starts reach different zero-loss networks",
                "Swapping or rescaling neurons changes weights, not the function",
                "The fits agree on the data and differ between the points",
                "Least-squares solutions form one convex set; the network's do not",
            ],
        )
        self.quiz(
            "Two networks have completely different weights, yet they make the "
            "same predictions on the training data. How is that possible?",
            [
                "One run has not converged yet; more steps would make the weights "
                "match.",
                "Swapping or rescaling neurons keeps the function, and different "
                "functions can agree on the data.",
                "Gradient descent finds the same weights every time; only rounding "
                "differs.",
                "A ReLU network is linear, so every fitted network is the same line.",
            ],
            1,
            "Many weight settings give one function, and many functions agree on "
            "the data, so many weights reach zero training loss.",
        )

    # -- results ---------------------------------------------------------------
    def load_results(self):
        self.data = datasets.lecture_1d()
        self.experiment = scene_data.fitting_runs(
            self.data.X,
            self.data.y,
            m=self.width,
            n_runs=self.n_runs,
            scale=self.init_scale,
            step=self.step,
            n_steps=self.n_steps,
            record_every=self.record_every,
            tol=self.fit_tol,
        )
        self.runs = self.experiment.runs
        self.finals = [run.final for run in self.runs]

    # -- training runs -----------------------------------------------------------
    def make_data_axes(self):
        axes = plots.lecture_axes(
            x_range=(-2.2, 2.2, 1), y_range=(-1.5, 3.0, 1), x_length=6.4, y_length=4.8
        )
        axes.move_to(LEFT * 3.35 + DOWN * 0.35)
        axes.labels = axis_labels(axes, "x", "f(x)")
        return axes

    def make_loss_panel(self):
        axes = log_loss_axes(
            self.loss_decades,
            self.loss_ticks,
            x_max=self.n_steps,
            x_step=500,
            x_length=4.2,
            y_length=2.6,
        )
        VGroup(axes, axes.ticks, axes.labels).move_to(RIGHT * 3.9 + UP * 1.75)
        return axes

    def run_curve(self, axes, run, tracker, color):
        def draw():
            index = int(round(tracker.get_value()))
            return plots.network_graph(
                axes, run.U[index], run.alpha[index], color=color, stroke_width=3.5
            )

        return always_redraw(draw)

    def loss_curve(self, axes, run, tracker, color):
        def draw():
            index = int(round(tracker.get_value()))
            return plots.polyline(
                axes,
                run.steps[: index + 1],
                log_values(run.loss[: index + 1], self.loss_decades),
                color=color,
                stroke_width=3,
            )

        return always_redraw(draw)

    def make_legend_row(self, k):
        row = legend_row(run_color(k), f"seed {self.experiment.seeds[k]}")
        number = ScientificNumber(float(self.runs[k].loss[-1]), size=NUMBER_SIZE - 6)
        number.next_to(row, RIGHT, buff=0.35)
        self.exhibit(f"final_loss_{k}", number)
        return VGroup(row, number)

    def place_legend_row(self, row, k):
        top = self.loss_axes.labels[0].get_bottom()[1] - 0.35
        row.move_to([0, top - 0.52 * k, 0]).align_to(self.loss_axes.ticks, LEFT)
        return row

    def train(self, indices, run_time):
        """Animate the runs ``indices``: curves bend into fits, losses fall."""
        trackers = [ValueTracker(0) for _ in indices]
        live = []
        for tracker, k in zip(trackers, indices, strict=True):
            curve = self.run_curve(self.axes, self.runs[k], tracker, run_color(k))
            loss = self.loss_curve(self.loss_axes, self.runs[k], tracker, run_color(k))
            live.append((curve, loss))
        self.add(*(mobject for pair in live for mobject in pair))
        # Most of the fitting happens in the first steps, so time runs slowly there.
        self.play(
            *(
                tracker.animate.set_value(len(self.runs[k].steps) - 1)
                for tracker, k in zip(trackers, indices, strict=True)
            ),
            run_time=run_time,
            rate_func=rate_functions.ease_in_quad,
        )
        for curve, loss in live:
            curve.clear_updaters()
            loss.clear_updaters()
        for (curve, loss), k in zip(live, indices, strict=True):
            self.curves[k] = curve
            self.loss_curves.add(loss)
        return live

    def show_data(self):
        self.axes = self.make_data_axes()
        self.dots = plots.data_dots(self.axes, self.data.x, self.data.y)
        self.curves = [None] * len(self.runs)
        self.loss_curves = VGroup()
        with self.beat(
            f"Here are {words(self.data.n)} training points on a line. Our network "
            f"has {words(self.width)} ReLU "
            "neurons, and we train it with plain gradient descent on the squared "
            "error."
        ):
            self.play(Create(self.axes), FadeIn(self.axes.labels), run_time=1.2)
            self.play(FadeIn(self.dots, lag_ratio=0.2), run_time=1.2)

    def show_first_run(self):
        self.loss_axes = self.make_loss_panel()
        self.legend = VGroup()
        with self.beat(
            "Watch one run. The curve starts wherever the random weights put it. "
            "Step by step, gradient descent bends it through every point, and the "
            "loss falls toward zero."
        ):
            self.play(
                Create(self.loss_axes),
                FadeIn(self.loss_axes.ticks),
                FadeIn(self.loss_axes.labels),
                run_time=1.0,
            )
            self.train([0], run_time=6.0)
            row = self.place_legend_row(self.make_legend_row(0), 0)
            self.legend.add(row)
            self.play(FadeIn(row, shift=UP * 0.1), run_time=0.6)

    def show_more_runs(self):
        others = list(range(1, len(self.runs)))
        with self.beat(
            f"{words(len(others)).capitalize()} more random starts, "
            f"{words(len(others))} more fits. Each run ends with a training "
            "loss within a hair of zero, the smallest value this loss can take."
        ):
            self.train(others, run_time=5.0)
            rows = [self.place_legend_row(self.make_legend_row(k), k) for k in others]
            self.legend.add(*rows)
            self.play(*(FadeIn(row, shift=UP * 0.1) for row in rows), run_time=0.8)

    def show_stalled_starts(self):
        fitted = Integer(len(self.experiment.seeds), font_size=NUMBER_SIZE - 4)
        tried = Integer(self.experiment.tried, font_size=NUMBER_SIZE - 4)
        words_a = text("of the first", size=palette.LABEL_SIZE + 2)
        words_b = text("seeds fit", size=palette.LABEL_SIZE + 2)
        line = VGroup(fitted, words_a, tried, words_b).arrange(RIGHT, buff=0.15)
        line.next_to(self.legend, DOWN, buff=0.35).align_to(self.legend, LEFT)
        self.exhibit("fitted_runs", fitted)
        self.exhibit("seeds_tried", tried)
        self.stall_line = line
        with self.beat(
            "Not every start gets there. Some seeds stall at a worse point, and we "
            "set them aside here. Why they stall is a story for later in the "
            "series."
        ):
            self.play(FadeIn(line), run_time=0.8)

    # -- weights -------------------------------------------------------------------
    def make_weight_rows(self):
        # One scale for every row, with room for the rescaled neuron.
        rescaled = network.rescale(*self.finals[0], self.rescale_factor)
        largest = max(
            float(np.max(np.abs(np.concatenate([U.ravel(), alpha]))))
            for U, alpha in [*self.finals, rescaled]
        )
        unit = 0.56 / largest
        rows = VGroup()
        for k, (U, alpha) in enumerate(self.finals):
            bars = WeightBars(
                U, alpha, unit=unit, color=run_color(k), bar_width=0.14, group_gap=0.22
            )
            label = text(
                f"seed {self.experiment.seeds[k]}", size=palette.LABEL_SIZE + 2
            )
            label.set_color(run_color(k))
            row = VGroup(label, bars)
            label.next_to(bars.baseline, LEFT, buff=0.35)
            row.label, row.bars = label, bars
            row.move_to(RIGHT * 3.75 + UP * (2.35 - 1.12 * k))
            rows.add(row)
        first = rows[0].bars
        numbers = VGroup(
            *(
                text(f"{j + 1}", size=palette.LABEL_SIZE, color=palette.MUTED).move_to(
                    first.slot_center(j) + UP * 0.8
                )
                for j in range(self.width)
            )
        )
        heading = text("neuron", size=palette.LABEL_SIZE, color=palette.MUTED)
        heading.next_to(numbers, LEFT, buff=0.3).align_to(rows[0].label, LEFT)
        key = VGroup(
            text("bars of neuron j:", size=palette.LABEL_SIZE, color=palette.MUTED),
            MathTex(
                r"u_{j1},\ u_{j2},\ \alpha_j",
                font_size=palette.BODY_SIZE,
                color=palette.MUTED,
            ),
        ).arrange(RIGHT, buff=0.25)
        key.next_to(rows, DOWN, buff=0.4)
        rows.header = VGroup(heading, numbers)
        rows.key = key
        return rows

    def show_weights(self):
        self.rows = self.make_weight_rows()
        self.play(
            FadeOut(self.loss_axes),
            FadeOut(self.loss_axes.ticks),
            FadeOut(self.loss_axes.labels),
            FadeOut(self.legend),
            FadeOut(self.loss_curves),
            FadeOut(self.stall_line),
            *(FadeOut(self.curves[k]) for k in range(1, len(self.runs))),
            run_time=0.8,
        )
        with self.beat(
            f"Now compare the weights that the {words(len(self.runs))} runs found. "
            "Each row is one run. "
            "Each cluster of three bars is one neuron: its slope, its bias, and its "
            "output weight. No two rows look alike."
        ):
            self.play(FadeIn(self.rows.header), FadeIn(self.rows.key), run_time=0.8)
            for k, row in enumerate(self.rows):
                animations = [FadeIn(row, shift=LEFT * 0.2)]
                if k > 0:
                    animations.append(FadeIn(self.curves[k]))
                self.play(*animations, run_time=0.7)

    def show_symmetries(self):
        row, bars = self.rows[0], self.rows[0].bars
        U, alpha = self.finals[0]
        first, second = self.swap_pair
        order = np.arange(self.width)
        order[[first, second]] = [second, first]
        swapped = network.permute(U, alpha, order)
        j = self.rescale_neuron
        rescaled = network.rescale(*swapped, self.factors(j))

        focus = VGroup(self.rows.header, row, self.rows.key)
        swap_label = MathTex(
            rf"u_{first + 1} \leftrightarrow u_{second + 1},\quad "
            rf"\alpha_{first + 1} \leftrightarrow \alpha_{second + 1}",
            font_size=palette.BODY_SIZE + 10,
            color=palette.ACCENT,
        )
        t = f"{self.rescale_factor:g}"
        scale_label = MathTex(
            rf"(u_{j + 1},\ \alpha_{j + 1}) \to ({t}\,u_{j + 1},\ \alpha_{j + 1}/{t})",
            font_size=palette.BODY_SIZE + 10,
            color=palette.ACCENT,
        )
        with self.beat(
            "Part of this freedom is pure relabeling. Swap two neurons, and the "
            "network computes exactly the same function as before."
        ):
            self.play(
                *(FadeOut(other) for other in self.rows[1:]),
                *(FadeOut(self.curves[k]) for k in range(1, len(self.runs))),
                self.rows.key.animate.next_to(row, DOWN, buff=0.4),
                run_time=0.6,
            )
            self.play(
                focus.animate.scale(1.2).to_edge(RIGHT, buff=0.4).set_y(0.9),
                run_time=0.8,
            )
            swap_label.next_to(self.rows.key, DOWN, buff=0.45)
            scale_label.move_to(swap_label)
            boxes = VGroup(
                *(
                    SurroundingRectangle(
                        bars.groups[k], color=palette.ACCENT, buff=0.06
                    )
                    for k in self.swap_pair
                )
            )
            self.play(Create(boxes), Write(swap_label), run_time=0.8)
            target = bars.matching(*swapped)
            # Each original group travels to the other's slot.
            self.play(
                Transform(bars.groups[first], target.groups[second], path_arc=1.2),
                Transform(bars.groups[second], target.groups[first], path_arc=1.2),
                boxes[0].animate(path_arc=1.2).move_to(target.groups[second]),
                boxes[1].animate(path_arc=1.2).move_to(target.groups[first]),
                run_time=1.6,
            )
            moved = plots.network_graph(self.axes, *swapped, color=run_color(0))
            self.play(Transform(self.curves[0], moved), run_time=0.3)
            self.play(self.highlight(self.curves[0]), run_time=1.2)
        self.play(FadeOut(boxes), FadeOut(swap_label), run_time=0.5)

        box = SurroundingRectangle(bars.groups[j], color=palette.ACCENT, buff=0.06)
        with self.beat(
            "Or rescale one neuron: multiply its input weights by a positive factor, "
            "and divide its output weight by the same factor. A ReLU passes positive "
            "scaling straight through, so the curve does not move at all."
        ):
            self.play(Create(box), Write(scale_label), run_time=0.8)
            target = bars.matching(*rescaled)
            self.play(
                Transform(bars.groups[j], target.groups[j]),
                box.animate.become(
                    SurroundingRectangle(
                        target.groups[j], color=palette.ACCENT, buff=0.06
                    )
                ),
                run_time=1.4,
            )
            moved = plots.network_graph(self.axes, *rescaled, color=run_color(0))
            self.play(Transform(self.curves[0], moved), run_time=0.3)
            self.play(self.highlight(self.curves[0]), run_time=1.2)
        self.symmetric_networks = (swapped, rescaled)
        self.play(FadeOut(box), FadeOut(scale_label), FadeOut(focus), run_time=0.6)

    def highlight(self, curve):
        """Return an animation that thickens ``curve`` and lets it go back."""
        return curve.animate(rate_func=rate_functions.there_and_back).set_stroke(
            width=9
        )

    def factors(self, neuron):
        """Return per-neuron rescaling factors: one neuron scaled, the rest 1."""
        factors = np.ones(self.width)
        factors[neuron] = self.rescale_factor
        return factors

    # -- different functions -----------------------------------------------------
    def make_spread_marks(self, spread):
        axes = self.axes
        marker = DashedLine(
            axes.c2p(spread.x, axes.y_range[0]),
            axes.c2p(spread.x, axes.y_range[1]),
            color=palette.MUTED,
            dash_length=0.1,
        )
        dots = VGroup(
            *(
                Dot(axes.c2p(spread.x, value), radius=0.06, color=run_color(k))
                for k, value in enumerate(spread.values)
            )
        )
        brace = Brace(dots, RIGHT, buff=0.15, color=palette.ACCENT)
        return marker, dots, brace

    def make_spread_table(self, spread):
        on_data = ScientificNumber(spread.data_spread, size=NUMBER_SIZE - 2)
        between = DecimalNumber(
            spread.spread,
            num_decimal_places=2,
            font_size=NUMBER_SIZE - 2,
            color=palette.ACCENT,
        )
        self.exhibit("spread_on_data", on_data)
        self.exhibit("spread_between", between)

        heading = text(
            f"largest spread of the {words(len(self.runs))} fits",
            size=palette.BODY_SIZE,
        )
        names = VGroup(
            text(f"on the {words(self.data.n)} points", size=palette.LABEL_SIZE + 2),
            text("between the points", size=palette.LABEL_SIZE + 2),
        ).arrange(DOWN, buff=0.5, aligned_edge=LEFT)
        column = names.get_right()[0] + 0.5
        on_data.move_to([column, names[0].get_y(), 0], aligned_edge=LEFT)
        between.move_to([column, names[1].get_y(), 0], aligned_edge=LEFT)
        heading.next_to(names, UP, buff=0.5).align_to(names, LEFT)

        table = VGroup(heading, VGroup(names[0], on_data), VGroup(names[1], between))
        table.move_to(RIGHT * 3.7 + UP * 0.6)
        table.heading, table.on_data, table.between = table
        return table

    def show_disagreement(self):
        grid = np.linspace(self.data.x.min(), self.data.x.max(), 361)
        spread = scene_data.disagreement_1d(self.finals, self.data.x, grid)
        marker, dots, brace = self.make_spread_marks(spread)
        table = self.make_spread_table(spread)
        with self.beat(
            "But relabeling is not the whole story. On the "
            f"{words(self.data.n)} training points, the {words(len(self.runs))} "
            "curves agree almost exactly. Between the points they spread "
            "apart. These are genuinely different functions, all with zero "
            "training loss."
        ):
            self.play(
                *(FadeIn(self.curves[k]) for k in range(1, len(self.runs))), run_time=1
            )
            self.play(FadeIn(table.heading), FadeIn(table.on_data), run_time=1.0)
            self.play(Create(marker), FadeIn(dots), run_time=1.0)
            self.play(FadeIn(brace), FadeIn(table.between), run_time=1.0)
        self.clear_screen()

    # -- linear regression ---------------------------------------------------------
    def make_bowl_panel(self, A, b, center, title):
        axes = plots.lecture_axes(
            x_range=(*self.w1_range, 1),
            y_range=(*self.w2_range, 1),
            x_length=3.6,
            y_length=2.7,
        )
        axes.move_to(center)
        frame = Rectangle(
            width=axes.x_length,
            height=axes.y_length,
            color=palette.GRID,
            stroke_width=2,
        ).move_to(axes.c2p(np.mean(self.w1_range), np.mean(self.w2_range)))
        levels = scene_data.least_squares_contours(A, b, self.contour_levels)
        contours = level_curves(axes, levels, dimming=0.6)
        labels = axis_labels_below_left(axes, "w_1", "w_2")
        heading = text(title, size=palette.LABEL_SIZE)
        heading.next_to(frame, UP, buff=0.3)
        panel = VGroup(frame, axes, contours, labels, heading)
        panel.axes, panel.contours, panel.heading = axes, contours, heading
        return panel

    def gd_paths(self, panel, A, b):
        paths = [
            leastsq.gradient_descent(A, b, start, self.lsq_step, self.lsq_steps)
            for start in self.lsq_starts
        ]
        lines = VGroup(
            *(
                path_in_axes(panel.axes, p.iterates, color=palette.FOREGROUND)
                for p in paths
            )
        )
        starts = VGroup(
            *(
                Dot(panel.axes.c2p(*p.iterates[0]), radius=0.05, color=palette.MUTED)
                for p in paths
            )
        )
        ends = VGroup(
            *(
                Dot(panel.axes.c2p(*p.iterates[-1]), radius=0.07, color=palette.VALLEY)
                for p in paths
            )
        )
        return paths, lines, starts, ends

    def show_least_squares(self):
        A_point, b_point = scene_data.determined_system()
        A_line, b_line = leastsq.chapter3_system()
        left = self.make_bowl_panel(
            A_point, b_point, LEFT * 4.6 + UP * 0.5, "2 equations, 2 unknowns"
        )
        middle = self.make_bowl_panel(
            A_line, b_line, UP * 0.5, "1 equation, 2 unknowns"
        )
        self.panels = (left, middle)
        _, lines, starts, ends = self.gd_paths(left, A_point, b_point)
        solution = leastsq.min_norm_solution(A_point, b_point)
        w_star = VGroup(
            MathTex(r"w^\star = (", font_size=NUMBER_SIZE - 2),
            DecimalNumber(solution[0], num_decimal_places=2, font_size=NUMBER_SIZE - 2),
            MathTex(",", font_size=NUMBER_SIZE - 2),
            DecimalNumber(solution[1], num_decimal_places=2, font_size=NUMBER_SIZE - 2),
            MathTex(")", font_size=NUMBER_SIZE - 2),
        ).arrange(RIGHT, buff=0.08)
        w_star[2].shift(DOWN * 0.1)
        w_star.next_to(left.axes, DOWN, buff=0.75)
        self.exhibit("unique_w1", w_star[1])
        self.exhibit("unique_w2", w_star[3])
        with self.beat(
            "Compare linear regression, a convex problem. With two equations and "
            "two unknowns, its loss is a bowl with one lowest point, and gradient "
            "descent reaches that point from every start."
        ):
            self.play(FadeIn(left), run_time=1.0)
            self.play(FadeIn(starts), run_time=0.4)
            self.play(Create(lines), run_time=2.0, rate_func=linear)
            self.play(FadeIn(ends), Write(w_star), run_time=0.8)

        paths, lines_b, starts_b, ends_b = self.gd_paths(middle, A_line, b_line)
        center = leastsq.min_norm_solution(A_line, b_line)
        direction = leastsq.null_space_basis(A_line)[:, 0]
        reach = np.linspace(-4.0, 4.0, 2)
        valley = path_in_axes(
            middle.axes,
            center + reach[:, None] * direction,
            color=palette.VALLEY,
            stroke_width=4,
        )
        with self.beat(
            "Drop one equation, and the bottom of the bowl becomes a straight line. "
            "Now there are infinitely many solutions, and different starts land at "
            "different points of the line."
        ):
            self.play(FadeIn(middle), run_time=1.0)
            self.play(Create(valley), run_time=0.8)
            self.play(FadeIn(starts_b), run_time=0.4)
            self.play(Create(lines_b), run_time=2.0, rate_func=linear)
            self.play(FadeIn(ends_b), run_time=0.5)

        first, second = (paths[k].iterates[-1] for k in self.midpoint_paths)
        segment = scene_data.least_squares_segment(A_line, b_line, first, second)
        midpoint = Dot(
            middle.axes.c2p(*((first + second) / 2)), radius=0.09, color=palette.ACCENT
        )
        midpoint_loss = DecimalNumber(
            segment.midpoint_loss, num_decimal_places=2, font_size=NUMBER_SIZE - 2
        )
        caption = VGroup(
            text("loss halfway:", size=palette.LABEL_SIZE + 2), midpoint_loss
        ).arrange(RIGHT, buff=0.25)
        caption.next_to(middle.axes, DOWN, buff=0.75)
        self.exhibit("least_squares_midpoint_loss", midpoint_loss)
        with self.beat(
            "Yet these solutions form one flat, convex set. Take any two of them: "
            "the point halfway between is a solution too."
        ):
            self.play(
                ends_b[self.midpoint_paths[0]].animate.scale(1.6),
                ends_b[self.midpoint_paths[1]].animate.scale(1.6),
                run_time=0.6,
            )
            self.play(FadeIn(midpoint, scale=0.5), run_time=0.6)
            self.play(FadeIn(caption), run_time=0.6)

    def make_segment_panel(self, segment):
        top = float(np.max(segment.loss))
        axes = plots.lecture_axes(
            x_range=(0, 1, 0.5),
            y_range=(0, 1.15 * top, top),
            x_length=3.6,
            y_length=2.7,
        )
        axes.move_to(RIGHT * 4.6 + UP * 0.5)
        labels = axis_labels_below_left(axes, "t", r"\text{loss}")
        names = [f"seed {self.experiment.seeds[k]}" for k in self.segment_runs]
        heading = text(f"network: {names[0]} to {names[1]}", size=palette.LABEL_SIZE)
        heading.next_to(axes, UP, buff=0.3)
        panel = VGroup(axes, labels, heading)

        panel.curve = plots.polyline(axes, segment.t, segment.loss, color=palette.FIT)
        first, second = self.segment_runs
        panel.ends = VGroup(
            Dot(axes.c2p(0, segment.loss[0]), radius=0.08, color=run_color(first)),
            Dot(axes.c2p(1, segment.loss[-1]), radius=0.08, color=run_color(second)),
        )
        # `num` is odd, so the middle sample is the midpoint t = 1/2.
        middle = len(segment.t) // 2
        panel.midpoint = Dot(
            axes.c2p(segment.t[middle], segment.loss[middle]),
            radius=0.09,
            color=palette.ACCENT,
        )
        return panel

    def show_network_segment(self):
        first, second = (self.finals[k] for k in self.segment_runs)
        segment = scene_data.network_segment(
            first, second, self.data.X, self.data.y, num=201
        )
        panel = self.make_segment_panel(segment)

        midpoint_loss = DecimalNumber(
            segment.midpoint_loss, num_decimal_places=2, font_size=NUMBER_SIZE - 2
        )
        self.exhibit("network_midpoint_loss", midpoint_loss)
        caption = VGroup(
            text("loss halfway:", size=palette.LABEL_SIZE + 2), midpoint_loss
        ).arrange(RIGHT, buff=0.25)
        caption.next_to(panel[0], DOWN, buff=0.75)
        formula = MathTex(
            r"\theta(t) = (1 - t)\,\theta_{\text{a}} + t\,\theta_{\text{b}}",
            font_size=palette.BODY_SIZE,
        )
        formula.next_to(caption, DOWN, buff=0.35)

        with self.beat(
            "The network fails this test. Walk in a straight line from the weights of "
            "one run to the weights of another. Both ends fit the data, but halfway "
            "the loss climbs far above zero. The network's solutions do not form a "
            "convex set."
        ):
            self.play(FadeIn(panel), run_time=0.8)
            self.play(Write(formula), FadeIn(panel.ends), run_time=1.0)
            self.play(Create(panel.curve), run_time=2.0, rate_func=linear)
            self.play(FadeIn(panel.midpoint, scale=0.5), FadeIn(caption), run_time=0.8)
        self.clear_screen()

    # -- the question ------------------------------------------------------------
    def show_question(self):
        def box(words, color):
            label = text(words, size=palette.BODY_SIZE)
            frame = RoundedRectangle(
                corner_radius=0.2,
                width=label.width + 0.7,
                height=label.height + 0.6,
                color=color,
                stroke_width=3,
            )
            label.move_to(frame)
            return VGroup(frame, label)

        left = box("non-convex training\nof a two-layer\nReLU network", palette.WARNING)
        right = box("convex\nprogram", palette.VALLEY)
        left.move_to(LEFT * 4.0 + DOWN * 0.3)
        right.move_to(RIGHT * 4.3 + DOWN * 0.3)
        arrow = Arrow(
            left.get_right(), right.get_left(), buff=0.3, color=palette.FOREGROUND
        )
        arrow_label = text("same optimal value", size=palette.LABEL_SIZE)
        arrow_label.next_to(arrow, UP, buff=0.2)
        question = text(
            "Which solution does gradient descent pick?\nCan we describe them all?",
            size=palette.BODY_SIZE + 4,
            color=palette.MIN_NORM,
        )
        question.to_edge(UP, buff=0.7)
        note = text(
            "with weight decay and enough neurons",
            size=palette.LABEL_SIZE,
            color=palette.MUTED,
        )
        note.next_to(VGroup(left, right), DOWN, buff=0.5).set_x(arrow.get_x())
        with self.beat(
            "So which of these many solutions does gradient descent pick, and can "
            "we describe all of them at once?"
        ):
            self.play(FadeIn(question, shift=DOWN * 0.2), run_time=1.0)
        with self.beat(
            "For two-layer ReLU networks trained with weight decay, the answer is "
            "exact. Hidden inside the non-convex training problem is a convex "
            "program with the same optimal value, once the network has enough "
            "neurons. This series builds it, step by step."
        ):
            self.play(FadeIn(left), run_time=0.8)
            self.play(Create(arrow), FadeIn(arrow_label), run_time=0.8)
            self.play(FadeIn(right), run_time=0.8)
            self.play(FadeIn(note), run_time=0.6)
        self.clear_screen()
