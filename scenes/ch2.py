"""Chapter 2: symmetries of the weights, and why the training loss is not convex."""

import numpy as np
from common import palette, plots
from common.fades import FadeIn, FadeOut
from common.lecture_scene import LectureScene
from common.parameter_space import (
    axis_labels,
    axis_labels_below_left,
    follow_value,
    path_in_axes,
    readout,
    section_heading,
)
from common.widgets import Slider, text
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    DecimalNumber,
    Dot,
    Flash,
    Indicate,
    MathTex,
    SurroundingRectangle,
    Transform,
    Triangle,
    ValueTracker,
    VGroup,
    always_redraw,
    interpolate_color,
    smooth,
)

from mathcore import landscape, network
from mathcore import scene_data_ch23 as scene_data

# Scene units between the rows of the weight table.
ROW_HEIGHT = 0.52
# Horizontal offsets of the table's columns from its left edge.
COLUMNS = (0.0, 0.75, 2.05, 3.35)


def make_function_axes():
    """Return the axes of f(x) over the data, with TeX labels in ``.tex_labels``."""
    axes = plots.lecture_axes(
        (-2.4, 2.4, 1), (-1.5, 3.0, 1), x_length=6.0, y_length=4.5
    )
    axes.move_to(np.array([-3.6, -0.55, 0]))
    axes.tex_labels = axis_labels(axes, "x", "f(x)")
    return axes


def make_hinges(axes, U, alpha, colors, stroke_width=2.5, opacity=0.75):
    """Return one graph per neuron, neuron j in ``colors[j]``."""
    group = VGroup()
    for j, color in enumerate(colors):
        graph = plots.network_graph(
            axes, U[:, [j]], alpha[[j]], color=color, stroke_width=stroke_width
        )
        graph.set_stroke(opacity=opacity)
        group.add(graph)
    return group


def make_table_header():
    """Return the weight table's column headings j, u_j and alpha_j."""
    size = palette.LABEL_SIZE + 4
    header = VGroup(
        MathTex("j", font_size=size, color=palette.MUTED),
        MathTex("u_j", font_size=size, color=palette.MUTED),
        MathTex(r"\alpha_j", font_size=size, color=palette.MUTED),
    )
    header[0].move_to(RIGHT * COLUMNS[0])
    header[1].move_to(RIGHT * ((COLUMNS[1] + COLUMNS[2]) / 2 + 0.35))
    header[2].move_to(RIGHT * (COLUMNS[3] + 0.35))
    return header


def make_table_row(header, j, network_of, color):
    """Return slot number j + 1 and a row that shows neuron j of ``network_of()``.

    The slot number stays in place. The row is a colour swatch and the
    DecimalNumbers ``row.numbers`` for u_j and alpha_j, which follow the
    network on every frame, so the row can trade places with another row.
    """
    height = header.get_center() + DOWN * (j + 1) * ROW_HEIGHT
    left = header[0].get_center()[0]
    slot = MathTex(str(j + 1), font_size=palette.LABEL_SIZE + 4)
    slot.move_to(np.array([left, height[1], 0]))
    swatch = Dot(radius=0.09, color=color)
    swatch.move_to(np.array([left + 0.42, height[1], 0]))
    numbers = VGroup()
    for k, column in enumerate(COLUMNS[1:]):
        number = DecimalNumber(
            0.0, num_decimal_places=2, font_size=palette.LABEL_SIZE + 4
        )
        number.move_to(np.array([left + column + 0.35, height[1], 0]))
        if k < 2:
            follow_value(number, lambda k=k: network_of()[0][k, j], keep_center=True)
        else:
            follow_value(number, lambda: network_of()[1][j], keep_center=True)
        numbers.add(number)
    row = VGroup(swatch, numbers)
    row.swatch, row.numbers = swatch, numbers
    return slot, row


class NonConvexLandscape(LectureScene):
    """Rescaling, permutation and dead neurons, then a segment whose loss rises."""

    chapter_number = 2
    chapter_title = "The Non-Convex Landscape"
    chapter_subtitle = "Moving the weights without moving the function"

    # Neuron (0-based) rescaled in the first section and sliced in the last.
    rescaled_neuron = 0
    # Values the rescaling factor t visits, starting from 1.
    rescale_sweep = (2.2, 0.45, 1.0)
    # Kink positions the dead neuron (slope 1, output weight 0) slides through.
    dead_kinks = (-1.3, 1.2, 2.1)
    # Output weights the inactive neuron (kink right of the data) takes.
    inactive_weights = (1.4, -0.9, 0.8)
    # Ranges of the loss slice over neuron ``rescaled_neuron``: its norm, its alpha.
    slice_norm_range = (0.0, 3.6)
    slice_alpha_range = (-0.6, 3.6)
    slice_points = 121
    # Starts of gradient descent on the slice, as (||u||, alpha), with the
    # step size and number of steps. Every run reaches zero loss.
    slice_starts = ((0.25, 0.15), (3.2, 0.3), (0.4, 3.2), (2.9, 3.2), (1.0, -0.45))
    slice_step = 0.01
    slice_steps = 3000

    def construct(self):
        self.fitted = scene_data.chapter2_network()
        self.show_title(
            "Chapter one built the network. Now we study its training loss as a "
            "function of the weights, and why that function is not convex."
        )
        self.show_fitted_network()
        self.show_rescaling()
        self.show_permutation()
        self.show_dead_neurons()
        self.show_segment_between_minima()
        self.show_loss_slice()
        self.show_summary(
            "To sum up: rescaling and permutation move the weights without moving "
            "the function, dead neurons wander freely, and between two permuted "
            "minima the loss rises, so it is not convex.",
            [
                "Rescaling (t·u, α/t) with t > 0 keeps each neuron's output.",
                "Permuting neurons keeps their sum.",
                "Dead neurons move freely without changing the loss.",
                "Between two permuted minima the loss rises: not convex.",
            ],
        )
        self.quiz(
            "For a two-layer ReLU network wider than it needs to be, what does the "
            "set of weights with zero training loss look like?",
            [
                "A single point: the zero-loss weights are unique.",
                "Finitely many isolated points, one per ordering of the neurons.",
                "Continuous valleys of rescaled weights, copied by every permutation.",
                "All of weight space: every choice of weights fits the data.",
            ],
            2,
            "Rescaling moves along a curve of equal loss, so no minimum is "
            "isolated, and permutations place copies of each valley elsewhere.",
        )

    # -- the fitted network ---------------------------------------------------
    def current(self):
        """Return the network that the live pictures show right now."""
        return self._current()

    def make_function_graph(self):
        """Return the live hinges and f(x) of :meth:`current`."""

        def draw():
            U, alpha = self.current()
            hinges = make_hinges(self.axes, U, alpha, self.hinge_colors)
            total = plots.network_graph(self.axes, U, alpha, color=palette.FIT)
            return VGroup(hinges, total)

        return always_redraw(draw)

    def show_fitted_network(self):
        fitted = self.fitted
        m = fitted.U.shape[1]
        self._current = lambda: (fitted.U, fitted.alpha)
        self.hinge_colors = [palette.neuron_color(j) for j in range(m)]
        self.axes = make_function_axes()
        dots = plots.data_dots(self.axes, fitted.x, fitted.y)
        self.graph = self.make_function_graph()
        header = make_table_header().move_to(np.array([3.55, 1.35, 0]))
        slots, rows = VGroup(), VGroup()
        for j in range(m):
            slot, row = make_table_row(header, j, self.current, self.hinge_colors[j])
            slots.add(slot)
            rows.add(row)
        self.table = VGroup(header, slots, rows)
        self.table.header, self.table.slots, self.table.rows = header, slots, rows
        self.loss_readout = readout(
            r"L(\theta) =",
            lambda: network.objective(*self.current(), fitted.X, fitted.y, 0.0),
            decimals=3,
        )
        self.loss_readout.move_to(np.array([3.7, -2.0, 0]))

        with self.beat(
            f"Here is a network with {m} neurons that passes exactly through all "
            f"{len(fitted.y)} points. Each coloured hinge is one neuron, and the "
            "white curve, their sum, is f."
        ):
            self.play(Create(self.axes), FadeIn(self.axes.tex_labels), run_time=1.0)
            self.play(FadeIn(dots, lag_ratio=0.2), run_time=0.8)
            self.play(Create(self.graph), run_time=1.5)
            self.play(FadeIn(self.table), FadeIn(self.loss_readout), run_time=1.0)

        with self.beat(
            "On the right are its weights, a point theta in weight space, and its "
            "loss: zero."
        ):
            self.play(Indicate(self.table.rows, color=palette.ACCENT), run_time=1.5)
        self.data_dots = dots

    # -- rescaling ------------------------------------------------------------
    def show_rescaling(self):
        fitted = self.fitted
        j = self.rescaled_neuron
        factor = ValueTracker(1.0)

        def rescaled():
            factors = np.ones(fitted.U.shape[1])
            factors[j] = factor.get_value()
            return network.rescale(fitted.U, fitted.alpha, factors)

        self._current = rescaled
        self.section_title = section_heading("1. Rescaling")
        rule = MathTex(
            rf"(u_{j + 1},\ \alpha_{j + 1}) \mapsto (t\,u_{j + 1},\ \alpha_{j + 1}/t)",
            font_size=palette.BODY_SIZE + 2,
        ).move_to(np.array([3.7, 2.75, 0]))
        reason = MathTex(
            r"\relu{t z} = t\,\relu{z},\ t > 0", font_size=palette.BODY_SIZE
        )
        reason.next_to(rule, DOWN, buff=0.2)
        slider = Slider(factor, (0.25, 2.5), "t", width=3.0, decimals=2)
        slider.move_to(np.array([3.7, -3.3, 0]))
        size = readout(
            rf"\|u_{j + 1}\|^2 + \alpha_{j + 1}^2 =",
            lambda: scene_data.neuron_sizes(*self.current())[j],
            decimals=2,
            color=palette.MIN_NORM,
        )
        size.next_to(self.loss_readout, DOWN, buff=0.3)
        highlight = SurroundingRectangle(
            self.table.rows[j], color=palette.ACCENT, buff=0.08, corner_radius=0.08
        ).set_stroke(width=2)

        with self.beat(
            "First symmetry: rescaling. Multiply one neuron's input weights by any "
            "positive t, and divide its output weight by t. The ReLU commutes with "
            "positive scaling, so that neuron's output does not change."
        ):
            self.play(FadeIn(self.section_title), FadeIn(rule), run_time=1.0)
            self.play(
                FadeIn(reason, shift=UP * 0.1),
                FadeIn(slider),
                Create(highlight),
                run_time=1.0,
            )

        with self.beat(
            "Watch the first row move while the curve stays put. Every t gives "
            "another point theta with the same function."
        ) as passage:
            pace = max(1.2, (passage.duration - 0.5) / 2)
            self.play(factor.animate.set_value(self.rescale_sweep[0]), run_time=pace)
            self.play(factor.animate.set_value(self.rescale_sweep[1]), run_time=pace)

        with self.beat(
            "What does change is the size of the weights. It is smallest when the "
            "neuron is balanced: the length of u equals the size of alpha. Chapter "
            "three comes back to this."
        ) as passage:
            self.play(FadeIn(size, shift=UP * 0.1), run_time=0.8)
            self.play(
                factor.animate.set_value(self.rescale_sweep[2]),
                run_time=max(1.5, passage.duration - 2.5),
            )
            self.play(Indicate(size, color=palette.MIN_NORM), run_time=1.2)
        self.play(
            FadeOut(rule),
            FadeOut(reason),
            FadeOut(slider),
            FadeOut(size),
            FadeOut(highlight),
            run_time=0.6,
        )
        slider.knob.clear_updaters()

        self.exhibit("rescale_factor", factor)
        self.exhibit("rescaled_alpha", self.table.rows[j].numbers[2])

    # -- permutation ----------------------------------------------------------
    def show_permutation(self):
        fitted = self.fitted
        self._current = lambda: (fitted.U, fitted.alpha)
        first, second = self.table.rows[0], self.table.rows[1]
        title = section_heading("2. Permutation")
        claim = MathTex(
            r"f_{\theta'} = f_{\theta},\quad \theta' \neq \theta",
            font_size=palette.BODY_SIZE + 2,
        ).move_to(np.array([3.7, 2.75, 0]))

        with self.beat(
            "Second symmetry: permutation. Swap neurons one and two. The hidden "
            "layer lists the same hinges in a different order, so the sum cannot "
            "change."
        ):
            self.play(Transform(self.section_title, title), run_time=0.8)
            self.play(
                first.animate.move_to(second.get_center()),
                second.animate.move_to(first.get_center()),
                path_arc=np.pi / 2,
                run_time=1.6,
            )

        with self.beat(
            "Yet slot one now holds other numbers: a different point theta prime "
            "with the same function and the same loss."
        ):
            self.play(FadeIn(claim, shift=UP * 0.1), run_time=0.8)
            self.play(
                Indicate(self.table.slots[0:2], color=palette.ACCENT),
                Indicate(self.loss_readout, color=palette.ACCENT),
                run_time=1.5,
            )
        # Put the rows back so that row j shows neuron j again.
        self.play(
            FadeOut(claim),
            first.animate.move_to(second.get_center()),
            second.animate.move_to(first.get_center()),
            path_arc=-np.pi / 2,
            run_time=0.8,
        )

    # -- dead neurons ---------------------------------------------------------
    def show_dead_neurons(self):
        fitted = self.fitted
        m = fitted.U.shape[1]
        kink = ValueTracker(self.dead_kinks[0])
        weight = ValueTracker(0.0)

        def widened():
            return scene_data.add_neuron(
                fitted.U,
                fitted.alpha,
                [1.0, -kink.get_value()],
                weight.get_value(),
            )

        self._current = widened
        self.hinge_colors = [*self.hinge_colors, palette.MUTED]
        title = section_heading("3. Dead neurons")
        slot, row = make_table_row(self.table.header, m, self.current, palette.MUTED)
        new_row = VGroup(slot, row)

        marker = always_redraw(
            lambda: (
                Triangle(color=palette.MUTED, fill_opacity=1.0)
                .scale(0.1)
                .move_to(self.axes.c2p(network.kinks_1d(self.current()[0]).x[m], 0))
                .shift(DOWN * 0.16)
            )
        )
        last_point = DashedLine(
            self.axes.c2p(max(fitted.x), self.axes.y_range[0]),
            self.axes.c2p(max(fitted.x), self.axes.y_range[1]),
            color=palette.GRID,
        )

        with self.beat(
            "Third: dead neurons. Add a fifth neuron whose output weight is zero. "
            "Its input weights can go anywhere, and nothing else notices."
        ) as passage:
            self.play(Transform(self.section_title, title), run_time=0.8)
            self.play(FadeIn(new_row, shift=LEFT * 0.2), FadeIn(marker), run_time=0.8)
            self.play(
                kink.animate.set_value(self.dead_kinks[1]),
                run_time=max(1.5, passage.duration - 2.0),
            )

        with self.beat(
            "A neuron is also dead when no data point switches it on. Here its kink "
            "sits past the last point. Its output weight bends the curve out there, "
            "but never the loss, and its gradient is exactly zero, so training "
            "cannot revive it."
        ) as passage:
            self.play(
                kink.animate.set_value(self.dead_kinks[2]),
                FadeIn(last_point),
                run_time=1.2,
            )
            pace = max(1.0, (passage.duration - 1.5) / len(self.inactive_weights))
            for value in self.inactive_weights:
                self.play(weight.animate.set_value(value), run_time=pace)

        self.exhibit("inactive_loss", self.loss_readout.number)
        self.loss_readout.number.clear_updaters()
        self.remove(self.graph)
        frozen_graph = self.make_function_graph()
        frozen_graph.clear_updaters()
        self.add(frozen_graph)
        self.play(
            FadeOut(self.table),
            FadeOut(new_row),
            FadeOut(self.loss_readout),
            FadeOut(marker),
            FadeOut(last_point),
            FadeOut(self.section_title),
            FadeOut(frozen_graph),
            run_time=0.6,
        )

    # -- two minima and the segment between them ------------------------------
    def show_segment_between_minima(self):
        fitted = self.fitted
        witness = landscape.nonconvexity_witness(
            fitted.X, fitted.y, fitted.U, fitted.alpha
        )
        first, second = witness.pair
        position = ValueTracker(0.0)
        self._current = lambda: scene_data.segment_network(
            witness, position.get_value()
        )
        m = witness.m

        def slot_colors():
            # The two swapped slots trade colours as theta turns into theta'.
            colors = [palette.neuron_color(j) for j in range(m)]
            t = position.get_value()
            colors[first] = interpolate_color(
                palette.neuron_color(first), palette.neuron_color(second), t
            )
            colors[second] = interpolate_color(
                palette.neuron_color(second), palette.neuron_color(first), t
            )
            return colors

        def draw():
            U, alpha = self.current()
            hinges = make_hinges(self.axes, U, alpha, slot_colors())
            total = plots.network_graph(self.axes, U, alpha, color=palette.FIT)
            return VGroup(hinges, total)

        graph = always_redraw(draw)
        title = section_heading("Proof that the loss is not convex")
        # The axis ends at the first multiple of 4 at least 2 above the peak.
        top = float(np.ceil(witness.segment_loss.max() / 4 + 0.5) * 4)
        loss_axes = plots.lecture_axes(
            (0, 1, 0.5), (0, top, 4), x_length=4.6, y_length=3.4
        )
        loss_axes.move_to(np.array([3.75, -0.9, 0]))
        loss_labels = axis_labels(loss_axes, "t", r"L(\theta_t)")
        ends = VGroup(
            MathTex(r"\theta", font_size=palette.LABEL_SIZE + 4),
            MathTex(r"\theta'", font_size=palette.LABEL_SIZE + 4),
        )
        ends[0].next_to(loss_axes.c2p(0, 0), DOWN, buff=0.2)
        ends[1].next_to(loss_axes.c2p(1, 0), DOWN, buff=0.2)
        segment = MathTex(
            r"\theta_t = (1-t)\,\theta + t\,\theta'", font_size=palette.BODY_SIZE
        ).move_to(np.array([3.75, 2.55, 0]))
        chord = DashedLine(
            loss_axes.c2p(0, witness.endpoint_loss),
            loss_axes.c2p(1, witness.endpoint_loss),
            color=palette.ACCENT,
            stroke_width=4,
        )
        chord_note = MathTex(
            r"\text{convex: } L(\theta_t) \le 0",
            font_size=palette.LABEL_SIZE + 4,
            color=palette.ACCENT,
        ).move_to(np.array([3.75, 1.65, 0]))
        end_dots = VGroup(
            Dot(loss_axes.c2p(0, witness.endpoint_loss), color=palette.VALLEY),
            Dot(loss_axes.c2p(1, witness.endpoint_loss), color=palette.VALLEY),
        )

        curve = always_redraw(
            lambda: plots.polyline(
                loss_axes,
                witness.t[witness.t <= position.get_value() + 1e-9],
                witness.segment_loss[witness.t <= position.get_value() + 1e-9],
                color=palette.WARNING,
            )
        )

        marker = always_redraw(
            lambda: Dot(
                loss_axes.c2p(
                    position.get_value(),
                    network.objective(*self.current(), fitted.X, fitted.y, 0.0),
                ),
                color=palette.WARNING,
            )
        )
        self.add(self.data_dots)

        with self.beat(
            "These symmetries prove that the loss is not convex. Take our weights "
            "theta and the swapped copy theta prime: two global minima, both with "
            "loss zero."
        ):
            self.play(FadeIn(title), FadeIn(graph), run_time=0.8)
            self.play(
                Create(loss_axes),
                FadeIn(loss_labels),
                FadeIn(ends),
                FadeIn(end_dots),
                run_time=1.2,
            )
            self.play(FadeIn(segment, shift=UP * 0.1), run_time=0.8)

        with self.beat(
            "If the loss were convex, it would stay at or below zero along the whole "
            "straight segment between them."
        ):
            self.play(Create(chord), FadeIn(chord_note), run_time=1.2)
        self.add(curve, marker)
        midpoint = f"{witness.midpoint_loss:.1f}"

        with self.beat(
            f"Walk along it. Halfway, neurons {first + 1} and {second + 1} are "
            "averaged into two copies of one small neuron that fits nothing, and "
            f"the loss climbs to {midpoint}."
        ) as passage:
            self.play(
                position.animate.set_value(0.5),
                run_time=max(2.0, passage.duration - 1.0),
                rate_func=smooth,
            )
        peak = readout(
            r"L(\theta_{1/2}) =",
            witness.midpoint_loss,
            decimals=2,
            color=palette.WARNING,
        )
        peak.next_to(loss_axes.c2p(0.5, witness.midpoint_loss), RIGHT, buff=0.3)
        peak.shift(UP * 0.15)

        self.exhibit("midpoint_loss", peak.number)
        with self.beat(
            "Then it falls back to zero at theta prime. A convex function can never "
            "do this, so the training loss is not convex."
        ) as passage:
            self.play(FadeIn(peak, shift=LEFT * 0.1), run_time=0.6)
            self.play(
                position.animate.set_value(1.0),
                run_time=max(1.5, passage.duration - 1.2),
            )
            self.play(Flash(end_dots[1], color=palette.VALLEY), run_time=0.6)
        self.clear_screen()

    # -- a slice of the landscape ---------------------------------------------
    def make_slice_axes(self, loss_slice):
        """Return equal-scale axes for the slice, placed left of centre."""
        low_s, high_s = self.slice_norm_range
        low_a, high_a = self.slice_alpha_range
        unit = 1.2
        axes = plots.lecture_axes(
            (low_s, high_s, 1),
            (low_a, high_a, 1),
            x_length=unit * (high_s - low_s),
            y_length=unit * (high_a - low_a),
        )
        axes.move_to(np.array([-2.3, -0.2, 0]))
        return axes

    def show_loss_slice(self):
        fitted = self.fitted
        j = self.rescaled_neuron
        loss_slice = landscape.neuron_slice(
            fitted.U,
            fitted.alpha,
            fitted.X,
            fitted.y,
            j,
            self.slice_norm_range,
            self.slice_alpha_range,
            num=self.slice_points,
        )
        axes = self.make_slice_axes(loss_slice)
        image = plots.heatmap(
            axes, loss_slice.loss, vmax=float(np.percentile(loss_slice.loss, 90))
        )
        labels = axis_labels_below_left(axes, rf"\|u_{j + 1}\|", rf"\alpha_{j + 1}")
        valley_points = landscape.rescaling_curve(
            fitted.U, fitted.alpha, j, 0.2, self.slice_norm_range[1], 200
        )
        valley = path_in_axes(axes, valley_points, color=palette.VALLEY, stroke_width=5)
        balanced = Dot(
            axes.c2p(*scene_data.slice_coordinates(fitted.U, fitted.alpha, j)),
            color=palette.MIN_NORM,
            radius=0.1,
        )
        title = section_heading("A slice of the landscape")
        caption = VGroup(
            MathTex(
                rf"L\big(\|u_{j + 1}\|,\ \alpha_{j + 1}\big)",
                font_size=palette.BODY_SIZE,
            ),
            text("other weights fixed", size=palette.LABEL_SIZE, color=palette.MUTED),
        ).arrange(DOWN, buff=0.2)
        caption.move_to(np.array([4.0, 2.0, 0]))
        valley_label = MathTex(
            rf"\|u_{j + 1}\|\,\alpha_{j + 1} = \text{{const}}",
            font_size=palette.LABEL_SIZE + 4,
            color=palette.VALLEY,
        ).move_to(np.array([4.0, 0.5, 0]))

        with self.beat(
            "Now a picture of the landscape itself. Freeze every weight except the "
            "length of neuron one's input weights and its output weight, and colour "
            "the loss over that plane. Bright means high loss, dark means low."
        ):
            self.play(
                FadeIn(title), FadeIn(image), FadeIn(axes), FadeIn(labels), run_time=1.2
            )
            self.play(FadeIn(caption, shift=UP * 0.1), run_time=0.8)

        with self.beat(
            "The dark curve of zero loss is exactly the rescaling family from before. "
            "It is a valley, not a single point, and our balanced network sits on it."
        ):
            self.play(Create(valley), run_time=1.5)
            self.play(FadeIn(valley_label), FadeIn(balanced, scale=0.5), run_time=0.8)
        self.run_slice_descent(axes, loss_slice)

    def run_slice_descent(self, axes, loss_slice):
        """Draw gradient descent from every start of ``slice_starts``."""
        paths = landscape.gd_paths_on_slice(
            loss_slice,
            np.array(self.slice_starts),
            self.slice_step,
            self.slice_steps,
            record_every=10,
        )
        lines = VGroup(*(path_in_axes(axes, p.coords, stroke_width=3) for p in paths))
        starts = VGroup(
            *(
                Dot(axes.c2p(*p.coords[0]), radius=0.07, color=palette.FOREGROUND)
                for p in paths
            )
        )
        ends = VGroup(
            *(
                Dot(axes.c2p(*p.coords[-1]), radius=0.09, color=palette.ACCENT)
                for p in paths
            )
        )

        self.exhibit("slice_paths", lines)
        note = text(
            f"{len(paths)} runs, {len(paths)} different minima",
            size=palette.LABEL_SIZE,
            color=palette.ACCENT,
        ).move_to(np.array([4.0, -0.7, 0]))

        with self.beat(
            f"Start gradient descent from {len(paths)} places. Every run reaches zero "
            "loss, and each lands at a different point of the valley. Which point "
            "depends on the start, and chapter three makes that precise."
        ) as passage:
            self.play(FadeIn(starts, lag_ratio=0.2), run_time=0.8)
            self.play(
                *(Create(line) for line in lines),
                run_time=max(2.0, passage.duration - 2.5),
            )
            self.play(FadeIn(ends, scale=0.5), FadeIn(note), run_time=0.8)
        self.clear_screen()
