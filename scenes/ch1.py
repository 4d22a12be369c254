"""Chapter 1: the two-layer ReLU network, its neurons as hinges, its training."""

import numpy as np
from common import palette, plots
from common.fades import FadeIn, FadeOut
from common.lecture_scene import LectureScene
from common.network_figures import NUMBER_SIZE
from common.parameter_space import (
    axis_labels,
    axis_labels_below_left,
    follow_value,
    level_curves,
    path_in_axes,
)
from common.widgets import Slider, text
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Brace,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    Line,
    MathTex,
    ReplacementTransform,
    SurroundingRectangle,
    TransformFromCopy,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    rate_functions,
)

from mathcore import datasets, network, twoparam
from mathcore import scene_data_ch01 as scene_data

# Font size of the chapter's formulas.
FORMULA_SIZE = 46


class TwoLayerReluNetworks(LectureScene):
    """The network's formula, its neurons as hinges, and its training problem."""

    chapter_number = 1
    chapter_title = "Two-Layer ReLU Networks"
    chapter_subtitle = "Hinges, their sum, and a non-convex training problem"

    # The single neuron: slope and bias weights and output weight at the
    # start, the biases it slides through, then the flipped signs.
    neuron_start = (1.0, 0.5, 1.0)
    bias_sweep = (-1.2, 0.9)
    # Angles (radians) of the two neurons before the sweep; the sweep ends at
    # the best pair that mathcore finds.
    sweep_start = (0.3, -2.9)
    # The two-parameter example: zero-loss points with these b values, and
    # the loss levels of its contour lines.
    valley_b = (0.4, 2.5)
    contour_levels = (0.02, 0.08, 0.18, 0.32, 0.45)

    def construct(self):
        self.show_title(
            "This series studies one kind of network: two layers, with a ReLU in "
            "between. Let us take it apart."
        )
        self.show_formula()
        self.show_projection()
        self.show_relu()
        self.show_output_weight()
        self.show_width()
        self.show_neuron_setup()
        self.show_bias()
        self.show_signs()
        self.show_two_neurons()
        self.show_sum()
        self.show_first_sweep()
        self.show_second_sweep()
        self.show_objective()
        self.show_weight_decay()
        self.show_product()
        self.show_two_parameter_valley()
        self.show_summary(
            "A neuron is a hinge, the network adds hinges with signed weights, and "
            "training fits all the weights at once. Products of weights from two "
            "layers make that problem non-convex.",
            [
                "f(x) is a signed sum of m ReLU neurons",
                "In 1-D with a bias, each neuron is a hinge with its kink anywhere",
                "Training minimizes squared error plus weight decay",
                "Weights of two layers multiply, so the problem is non-convex",
            ],
        )
        self.quiz(
            "In a two-layer ReLU network, what makes the training problem non-convex?",
            [
                "The squared error, which is not convex in the predictions.",
                "The weight-decay penalty on the weights.",
                "Output weights multiply ReLUs of first-layer weights.",
                "The inputs being one-dimensional.",
            ],
            2,
            "Squared error and weight decay are convex; the products of weights "
            "from two layers are what is not.",
        )

    # -- the formula and its symbols ----------------------------------------------
    def show_formula(self):
        self.formula = MathTex(
            "f(x)",
            "=",
            r"\sum_{j=1}^{m}",
            r"\alpha_j",
            r"\big(",
            r"x^\top u_j",
            r"\big)_+",
            font_size=FORMULA_SIZE + 6,
        )
        self.formula.to_edge(UP, buff=0.6)
        self.table = self.make_symbol_table()
        with self.beat(
            "Here it is. The network sends an input x through m hidden neurons, and "
            "adds up their outputs, each with its own weight."
        ):
            self.play(Write(self.formula), run_time=2.0)
            self.play(FadeIn(self.table.header), run_time=0.6)

    def make_symbol_table(self):
        entries = [
            (r"x", r"d \times 1", "input, d features", palette.VALLEY),
            (r"u_j", r"d \times 1", "first-layer weights of neuron j", palette.VALLEY),
            (r"\big(x^\top u_j\big)_+", "scalar", "output of neuron j", palette.TRAIN),
            (r"\alpha_j", "scalar", "output weight of neuron j", palette.POSITIVE),
            (r"m", "count", "number of neurons: the width", palette.MIN_NORM),
        ]
        columns = (-4.6, -2.4, -0.9)
        header = VGroup(
            *(
                text(name, size=palette.LABEL_SIZE, color=palette.MUTED).move_to(
                    [x, 0, 0], aligned_edge=LEFT
                )
                for name, x in zip(("symbol", "shape", "role"), columns, strict=True)
            )
        )
        rows = VGroup()
        for symbol, shape, role, color in entries:
            cells = VGroup(
                MathTex(symbol, font_size=FORMULA_SIZE - 4, color=color),
                MathTex(shape, font_size=FORMULA_SIZE - 8)
                if shape != "scalar" and shape != "count"
                else text(shape, size=palette.LABEL_SIZE + 2),
                text(role, size=palette.LABEL_SIZE + 2),
            )
            for cell, x in zip(cells, columns, strict=True):
                cell.move_to([x, 0, 0], aligned_edge=LEFT)
            rows.add(cells)
        top = 1.55
        header.set_y(top)
        for k, row in enumerate(rows):
            row.set_y(top - 0.78 * (k + 1))
        rule = Line(
            [columns[0], top - 0.35, 0],
            [columns[2] + 5.6, top - 0.35, 0],
            color=palette.GRID,
            stroke_width=2,
        )
        table = VGroup(header, rule, rows)
        table.shift(RIGHT * (0.0 - table.get_center()[0]))
        table.header = VGroup(header, rule)
        table.rows = rows
        return table

    def mark(self, *parts, color=palette.ACCENT):
        """Return a box around the formula's ``parts`` and the parts coloured."""
        group = VGroup(*(self.formula[k] for k in parts))
        return SurroundingRectangle(group, color=color, buff=0.08)

    def reveal(self, box, rows, parts, color):
        self.play(
            ReplacementTransform(self.box, box) if self.box else Create(box),
            *(self.formula[k].animate.set_color(color) for k in parts),
            run_time=0.8,
        )
        self.box = box
        self.play(*(FadeIn(self.table.rows[k], shift=UP * 0.1) for k in rows))

    def show_projection(self):
        self.box = None
        with self.beat(
            "Neuron j first projects the input onto its weight vector u j. The result "
            "is one number."
        ):
            self.reveal(self.mark(5), (0, 1), (5,), palette.VALLEY)

    def show_relu(self):
        with self.beat(
            "The ReLU keeps that number if it is positive, and outputs zero otherwise. "
            "So the neuron is active on one side of a hyperplane and silent on the "
            "other."
        ):
            self.reveal(self.mark(4, 5, 6), (2,), (4, 6), palette.TRAIN)

    def show_output_weight(self):
        with self.beat(
            "The output weight alpha j scales the neuron's output. Its sign decides "
            "whether the neuron pushes the prediction up or down."
        ):
            self.reveal(self.mark(3), (3,), (3,), palette.POSITIVE)

    def show_width(self):
        with self.beat(
            "The sum runs over all m neurons. The number m is the width of the network."
        ):
            self.reveal(self.mark(2), (4,), (2,), palette.MIN_NORM)
        self.play(
            FadeOut(self.box), FadeOut(self.formula), FadeOut(self.table), run_time=0.6
        )

    # -- one neuron as a hinge -------------------------------------------------------
    def show_neuron_setup(self):
        u1, u2, alpha = self.neuron_start
        self.slope = ValueTracker(u1)
        self.bias = ValueTracker(u2)
        self.alpha = ValueTracker(alpha)
        axes = plots.lecture_axes(
            x_range=(-3, 3, 1), y_range=(-2.6, 2.6, 1), x_length=7.2, y_length=4.6
        )
        axes.move_to(LEFT * 2.7 + DOWN * 0.6)
        self.neuron_axes = axes
        labels = axis_labels(axes, "x", "y")

        def weights():
            return (
                np.array([[self.slope.get_value()], [self.bias.get_value()]]),
                np.array([self.alpha.get_value()]),
            )

        self.neuron_weights = weights
        graph = always_redraw(
            lambda: plots.network_graph(
                axes, *weights(), color=palette.neuron_color(0), stroke_width=5
            )
        )
        self.kink_value = DecimalNumber(
            0.0, num_decimal_places=2, font_size=FORMULA_SIZE - 4
        )
        # Lambdas, not bound methods: copying a mobject copies its updaters, and a
        # bound method would drag the whole scene into the copy.
        self.kink_value.add_updater(lambda number: self.follow_kink(number))
        self.follow_kink(self.kink_value)
        marker = always_redraw(lambda: self.kink_marker())
        neuron = MathTex(
            r"\alpha\,\relu{u_1 x + u_2}",
            font_size=FORMULA_SIZE,
            color=palette.FOREGROUND,
        )
        lift = MathTex(
            r"x \;\to\; (x,\ 1),\qquad u = (u_1,\ u_2)", font_size=FORMULA_SIZE - 6
        )
        lift.to_edge(UP, buff=0.5)
        neuron.move_to(RIGHT * 4.2 + UP * 1.6)
        readouts = VGroup(
            self.live_readout("u_1", self.slope),
            self.live_readout("u_2", self.bias),
            self.live_readout(r"\alpha", self.alpha),
        ).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        kink_label = MathTex(
            r"\text{kink at } x = -u_2/u_1 =", font_size=FORMULA_SIZE - 8
        )
        kink_row = VGroup(kink_label, self.kink_value)
        self.kink_value.next_to(kink_label, RIGHT, buff=0.15)
        panel = VGroup(readouts, kink_row).arrange(DOWN, buff=0.45, aligned_edge=LEFT)
        panel.next_to(neuron, DOWN, buff=0.6)
        self.exhibit("kink", self.kink_value)
        self.neuron_parts = VGroup(axes, labels, graph, marker, neuron, lift, panel)
        with self.beat(
            "In one dimension, we append a constant one to each input. Then u has two "
            "entries: a slope weight and a bias weight."
        ):
            self.play(Create(axes), FadeIn(labels), Write(lift), run_time=1.4)
            self.play(Write(neuron), FadeIn(readouts), run_time=1.2)
        with self.beat(
            "The neuron is a hinge: zero on one side of its kink, and a straight line "
            "on the other."
        ):
            self.play(Create(graph), run_time=1.2)
            self.play(FadeIn(marker), FadeIn(kink_row), run_time=0.8)

    def live_readout(self, symbol, tracker):
        label = MathTex(f"{symbol} =", font_size=FORMULA_SIZE - 4)
        number = DecimalNumber(
            tracker.get_value(), num_decimal_places=2, font_size=FORMULA_SIZE - 4
        )
        number.next_to(label, RIGHT, buff=0.15)
        follow_value(number, tracker.get_value)
        return VGroup(label, number)

    def follow_kink(self, number):
        position = network.kinks_1d(self.neuron_weights()[0]).x[0]
        # A neuron with slope weight 0 has no kink: keep the last value shown.
        # Rebuilding a DecimalNumber typesets its digits again, so skip repeats.
        if np.isfinite(position) and position != number.get_value():
            number.set_value(position)

    def kink_marker(self):
        axes = self.neuron_axes
        position = self.kink_value.get_value()
        return DashedLine(
            axes.c2p(position, axes.y_range[0]),
            axes.c2p(position, axes.y_range[1]),
            color=palette.MUTED,
            dash_length=0.08,
        )

    def show_bias(self):
        low, high = self.bias_sweep
        with self.beat(
            "Change the bias weight, and the kink slides. Thanks to the constant "
            "input, a neuron can bend anywhere on the line."
        ) as passage:
            pace = max(1.5, (passage.duration - 1.0) / 3)
            self.play(self.bias.animate.set_value(low), run_time=pace)
            self.play(self.bias.animate.set_value(high), run_time=pace)
            self.play(self.bias.animate.set_value(self.neuron_start[1]), run_time=pace)

    def show_signs(self):
        with self.beat(
            "Flip the sign of both weights, and the hinge opens to the other side. "
            "Flip alpha, and it points down."
        ):
            self.play(
                self.slope.animate.set_value(-self.neuron_start[0]),
                self.bias.animate.set_value(-self.neuron_start[1]),
                run_time=2.0,
            )
            self.wait(0.5)
            self.play(self.alpha.animate.set_value(-self.neuron_start[2]), run_time=2.0)
        for mobject in self.neuron_parts.get_family():
            mobject.clear_updaters()
        self.kink_value.clear_updaters()
        self.play(FadeOut(self.neuron_parts), run_time=0.6)

    # -- two neurons on the data ----------------------------------------------------
    def current_fit(self):
        """Return the least-squares fit for the sliders' angles, once per frame."""
        angles = (self.theta[0].get_value(), self.theta[1].get_value())
        if angles != self._fit_angles:
            self._fit = scene_data.angle_network(
                np.array(angles), self.data.X, self.data.y
            )
            self._fit_angles = angles
        return self._fit

    def hinge_on(self, axes, j):
        fit = self.current_fit()
        return plots.network_graph(
            axes, fit.U[:, [j]], fit.alpha[[j]], color=palette.neuron_color(j)
        )

    def make_hinge_axes(self):
        """Return one small axes per neuron, right of the data, with its label."""
        small = [
            plots.lecture_axes(
                x_range=(-2.2, 2.2, 1),
                y_range=(-1.0, 2.6, 1),
                x_length=3.8,
                y_length=1.6,
            ).move_to(RIGHT * 4.3 + UP * (1.5 - 2.4 * j))
            for j in range(2)
        ]
        labels = VGroup(
            *(
                MathTex(
                    rf"\alpha_{j + 1}\relu{{u_{j + 1}^\top (x, 1)}}",
                    font_size=FORMULA_SIZE - 16,
                    color=palette.neuron_color(j),
                ).next_to(axes, UP, buff=0.08)
                for j, axes in enumerate(small)
            )
        )
        return small, labels

    def make_angle_sliders(self):
        sliders = VGroup(
            *(
                Slider(
                    self.theta[j],
                    (-np.pi, np.pi),
                    f"θ{'₁₂'[j]}",
                    width=3.4,
                    color=palette.neuron_color(j),
                )
                for j in range(2)
            )
        ).arrange(DOWN, buff=0.35, aligned_edge=LEFT)
        return sliders.move_to(LEFT * 3.7 + DOWN * 2.5)

    def show_two_neurons(self):
        self.data = datasets.lecture_1d()
        self.theta = [ValueTracker(angle) for angle in self.sweep_start]
        self._fit_angles = None

        main = plots.lecture_axes(
            x_range=(-2.2, 2.2, 1), y_range=(-1.0, 2.6, 1), x_length=6.4, y_length=3.9
        )
        main.move_to(LEFT * 3.35 + UP * 0.75)
        main_labels = axis_labels(main, "x", "f(x)")
        dots = plots.data_dots(main, self.data.x, self.data.y)
        small, small_labels = self.make_hinge_axes()
        self.main_axes, self.small_axes = main, small
        self.hinges = VGroup(
            *(always_redraw(lambda j=j: self.hinge_on(small[j], j)) for j in range(2))
        )
        direction = MathTex(
            r"u_j = (\cos\theta_j,\ \sin\theta_j)", font_size=FORMULA_SIZE - 10
        )
        direction.move_to(RIGHT * 4.3 + UP * 3.45)
        self.sliders = self.make_angle_sliders()
        self.two_neuron_parts = VGroup(
            main, main_labels, dots, *small, small_labels, direction
        )

        with self.beat(
            "Now two neurons on six data points. An angle theta sets each neuron's "
            "direction, and for every pair of angles, least squares picks the best "
            "output weights."
        ):
            self.play(Create(main), FadeIn(main_labels), FadeIn(dots), run_time=1.2)
            self.play(
                *(Create(axes) for axes in small),
                FadeIn(small_labels),
                Write(direction),
                run_time=1.2,
            )
            self.play(FadeIn(self.sliders), Create(self.hinges), run_time=1.2)
        self.freeze_sliders()

    def freeze_sliders(self, moving=None):
        """Stop every slider's updater except slider ``moving``.

        A slider typesets its number again on every frame, even when the value
        is unchanged, so the sliders that are not moving are frozen.
        """
        for j, slider in enumerate(self.sliders):
            if j == moving:
                slider.knob.resume_updating()
            else:
                slider.knob.suspend_updating()

    def show_sum(self):
        main = self.main_axes
        copies = VGroup(*(self.hinge_on(main, j) for j in range(2)))
        self.output = always_redraw(
            lambda: plots.network_graph(
                main, self.current_fit().U, self.current_fit().alpha, color=palette.FIT
            )
        )
        self.loss_value = DecimalNumber(
            self.current_fit().loss, num_decimal_places=3, font_size=NUMBER_SIZE
        )
        follow_value(self.loss_value, lambda: self.current_fit().loss)
        loss_label = text("training loss", size=palette.BODY_SIZE)
        self.loss_row = VGroup(loss_label, self.loss_value).arrange(RIGHT, buff=0.3)
        self.loss_row.move_to(RIGHT * 4.3 + DOWN * 2.75)
        self.exhibit("two_neuron_loss", self.loss_value)
        with self.beat(
            "Add the two hinges point by point, and you get the network's output."
        ):
            self.play(
                *(
                    TransformFromCopy(self.hinges[j], copies[j])
                    for j in range(len(copies))
                ),
                run_time=1.5,
            )
            self.play(ReplacementTransform(copies, self.output), run_time=1.2)
            self.add(self.output)
            self.play(FadeIn(self.loss_row), run_time=0.6)

    def show_first_sweep(self):
        self.best = scene_data.best_angle_pair(self.data.X, self.data.y)
        # Give each neuron the best angle on its own side: cos > 0 opens right.
        by_side = sorted(self.best.angles, key=lambda angle: np.cos(angle) < 0)
        self.targets = by_side if np.cos(self.sweep_start[0]) > 0 else by_side[::-1]
        with self.beat(
            "Turn neuron one. Its kink slides across the data, the output weights "
            "refit, and the loss follows."
        ) as passage:
            self.freeze_sliders(moving=0)
            self.play(
                self.theta[0].animate.set_value(self.targets[0]),
                run_time=max(3.0, passage.duration - 1.0),
                rate_func=rate_functions.ease_in_out_sine,
            )

    def show_second_sweep(self):
        with self.beat("Now turn neuron two, and watch its hinge and the loss."):
            self.freeze_sliders(moving=1)
            self.play(
                self.theta[1].animate.set_value(self.targets[1]),
                run_time=4.0,
                rate_func=rate_functions.ease_in_out_sine,
            )
            self.freeze_sliders()
        with self.beat(
            "At these angles the loss is as low as two neurons allow: a search over "
            "all pairs of angles finds nothing better. Still, the curve misses "
            "points. Data that rise and fall twice need more hinges."
        ):
            self.play(self.loss_row.animate.set_color(palette.ACCENT), run_time=0.8)
        self.clear_all_updaters()
        self.play(
            FadeOut(self.two_neuron_parts),
            FadeOut(self.hinges),
            FadeOut(self.output),
            FadeOut(self.sliders),
            FadeOut(self.loss_row),
            run_time=0.6,
        )

    def clear_all_updaters(self):
        for mobject in self.mobjects:
            for part in mobject.get_family():
                part.clear_updaters()

    # -- the training problem ---------------------------------------------------------
    def show_objective(self):
        self.objective = MathTex(
            r"\min_{U,\,\alpha}\quad",
            r"\tfrac12 \Big\lVert \sum_{j=1}^m",
            r"\alpha_j \,(X u_j)_+",
            r"- y \Big\rVert^2",
            "+",
            r"\tfrac{\beta}{2} \sum_{j=1}^m \big(\lVert u_j \rVert^2 + \alpha_j^2\big)",
            font_size=FORMULA_SIZE,
        )
        if self.objective.width > 13.0:
            self.objective.scale_to_fit_width(13.0)
        self.objective.to_edge(UP, buff=0.9)
        fit = VGroup(*self.objective[1:4])
        penalty = self.objective[5]
        fit_brace = Brace(fit, DOWN, color=palette.TRAIN)
        fit_words = text("squared error on the data", size=palette.LABEL_SIZE + 2)
        fit_words.set_color(palette.TRAIN).next_to(fit_brace, DOWN, buff=0.15)
        penalty_brace = Brace(penalty, DOWN, color=palette.ACCENT)
        penalty_words = text("weight decay", size=palette.LABEL_SIZE + 2)
        penalty_words.set_color(palette.ACCENT).next_to(penalty_brace, DOWN, buff=0.15)
        self.objective_notes = VGroup(
            fit_brace, fit_words, penalty_brace, penalty_words
        )
        rows = text(
            "X: the n inputs as rows      y: the n labels",
            size=palette.LABEL_SIZE + 2,
            color=palette.MUTED,
        )
        rows.next_to(self.objective, DOWN, buff=1.6)
        self.objective_rows = rows
        with self.beat(
            "Training picks all the weights at once. It minimizes half the squared "
            "error on the n training points, plus a penalty."
        ):
            self.play(Write(self.objective), run_time=2.5)
            self.play(FadeIn(fit_brace), FadeIn(fit_words), FadeIn(rows), run_time=1.0)

    def show_weight_decay(self):
        special = MathTex(
            r"\beta = 0:\quad \tfrac12 \lVert f(X) - y \rVert^2"
            r" = \tfrac{n}{2} \cdot \tfrac1n \sum_{i=1}^n \big(f(x_i) - y_i\big)^2",
            font_size=FORMULA_SIZE - 6,
        )
        special.next_to(self.objective_rows, DOWN, buff=0.7)
        self.special = special
        with self.beat(
            "The penalty is weight decay: beta over two, times the sum of all squared "
            "weights. With beta zero only the squared error is left, which is n over "
            "two times the mean squared error, so the minimizers are the same."
        ):
            self.play(FadeIn(self.objective_notes[2:]), run_time=1.0)
            self.play(Write(special), run_time=2.0)

    def show_product(self):
        product = self.objective[2]
        box = SurroundingRectangle(product, color=palette.WARNING, buff=0.1)
        with self.beat(
            "Is this problem convex? No. Each prediction multiplies alpha j by a ReLU "
            "of u j, so weights from two layers multiply each other."
        ):
            self.play(
                FadeOut(self.objective_notes),
                FadeOut(self.objective_rows),
                FadeOut(self.special),
                Create(box),
                product.animate.set_color(palette.WARNING),
                run_time=1.2,
            )
        self.product_box = box

    def make_valley_plane(self):
        """Return the (a, b) plane with loss contours and the zero-loss curve."""
        axes = plots.lecture_axes(
            x_range=(0, 3, 1), y_range=(0, 3, 1), x_length=4.4, y_length=4.4
        )
        axes.move_to(LEFT * 3.2 + DOWN * 1.3)
        labels = axis_labels_below_left(axes, "a", "b")
        levels = scene_data.two_param_contours(self.contour_levels, (0.05, 3.0))
        contours = level_curves(axes, levels, dimming=0.55)
        valley = path_in_axes(
            axes,
            twoparam.zero_loss_curve(0.2, 3.0, 120),
            color=palette.MIN_NORM,
            stroke_width=5,
        )
        plane = VGroup(axes, labels)
        plane.axes, plane.contours, plane.valley = axes, contours, valley
        return plane

    def show_two_parameter_valley(self):
        plane = self.make_valley_plane()
        axes = plane.axes
        ends = twoparam.zero_loss_curve(*self.valley_b, 2)
        segment = scene_data.two_param_segment(ends[0], ends[1])
        end_dots = VGroup(
            *(
                Dot(axes.c2p(*point), radius=0.09, color=palette.MIN_NORM)
                for point in ends
            )
        )
        chord = DashedLine(
            axes.c2p(*ends[0]), axes.c2p(*ends[1]), color=palette.FOREGROUND
        )
        middle = Dot(axes.c2p(*((ends[0] + ends[1]) / 2)), radius=0.1)
        middle.set_color(palette.WARNING)

        model = MathTex(
            r"f(x) = a\,\relu{b\,x},\qquad (x, y) = (1, 1)", font_size=FORMULA_SIZE - 8
        )
        model.move_to(RIGHT * 3.4 + UP * 0.4)
        valley_label = MathTex(r"a\,b = 1:\ \text{loss } 0", font_size=FORMULA_SIZE - 8)
        valley_label.set_color(palette.MIN_NORM)
        valley_label.next_to(model, DOWN, buff=0.5)
        midpoint_loss = DecimalNumber(
            segment.midpoint_loss, num_decimal_places=2, font_size=NUMBER_SIZE + 4
        )
        midpoint_loss.set_color(palette.WARNING)
        self.exhibit("two_param_midpoint_loss", midpoint_loss)
        midpoint_label = text("loss halfway", size=palette.BODY_SIZE)
        midpoint_row = VGroup(midpoint_label, midpoint_loss).arrange(RIGHT, buff=0.3)
        midpoint_row.next_to(valley_label, DOWN, buff=0.6)

        with self.beat(
            "The smallest case shows why. One neuron, a times a ReLU of b x, fits the "
            "single point one, one exactly wherever a b equals one."
        ):
            self.play(Create(axes), FadeIn(plane[1]), Write(model), run_time=1.2)
            self.play(Create(plane.contours), run_time=1.5)
            self.play(Create(plane.valley), FadeIn(valley_label), run_time=1.2)
        with self.beat(
            "Walk straight from one exact fit to another. Halfway, the loss is well "
            "above zero. A convex function could never rise between two of its "
            "minimizers."
        ):
            self.play(FadeIn(end_dots, scale=0.5), run_time=0.6)
            self.play(Create(chord), run_time=1.0)
            self.play(FadeIn(middle, scale=0.5), FadeIn(midpoint_row), run_time=0.8)
        self.clear_screen()
