"""Chapter 6: double descent of minimum-norm random-feature regression."""

import numpy as np
from common import palette, plots
from common.fades import FadeIn, FadeOut
from common.lecture_scene import LectureScene
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
    Integer,
    Line,
    MathTex,
    Transform,
    UpdateFromAlphaFunc,
    ValueTracker,
    VGroup,
    Write,
    linear,
    smooth,
)

from mathcore import datasets, network
from mathcore import double_descent as dd
from mathcore.scene_data_ch67 import classical_tradeoff

# Decades shown on the log axes of the measured curves: widths 10^0 to 10^3,
# errors 10^-2 to 10^3, output-weight norms 10^-1 to 10^3.
WIDTH_DECADES = (0, 3)
ERROR_DECADES = (-2, 3)
NORM_DECADES = (-1, 3)


def log_values(values, decades):
    """Return axis heights of ``values`` on a log axis that starts at ``decades[0]``.

    Manim draws an axis through the other axis' zero when zero is in range,
    so log axes run from 0 and a value v sits at ``log10(v) - decades[0]``.
    Zeros are sent one decade below the axis, where the plot clips them.
    """
    floor = 10.0 ** (decades[0] - 1)
    positive = np.maximum(np.asarray(values, dtype=float), floor)
    return np.log10(positive) - decades[0]


def make_log_axes(y_decades, x_length, y_length, y_label, y_ticks, center, x_label):
    """Return log-log axes over the width, centred at ``center``.

    The tick labels are in ``axes.ticks`` and the axis titles in
    ``axes.labels``; ``y_ticks`` lists the powers of ten to label.
    """
    axes = plots.lecture_axes(
        x_range=(*WIDTH_DECADES, 1),
        y_range=(0, y_decades[1] - y_decades[0], 1),
        x_length=x_length,
        y_length=y_length,
        x_label=x_label,
        y_label=y_label,
        log_x=True,
    )
    axes.move_to(center)
    x_ticks = VGroup()
    for power in range(WIDTH_DECADES[0], WIDTH_DECADES[1] + 1):
        label = text(f"{10**power}", size=palette.LABEL_SIZE, color=palette.MUTED)
        x_ticks.add(label.next_to(axes.c2p(power, 0), DOWN, buff=0.15))
    y_ticks_group = VGroup()
    for power in y_ticks:
        label = MathTex(f"10^{{{power}}}", font_size=palette.LABEL_SIZE + 4)
        label.set_color(palette.MUTED)
        y_ticks_group.add(
            label.next_to(
                axes.c2p(WIDTH_DECADES[0], power - y_decades[0]), LEFT, buff=0.15
            )
        )
    # Axis titles sit outside the tick labels, not on top of them.
    axes.labels[0].next_to(x_ticks, DOWN, buff=0.15).set_x(axes.get_center()[0])
    if y_label:
        axes.labels[1].next_to(y_ticks_group, LEFT, buff=0.2)
        axes.labels[1].set_y(axes.get_center()[1])
    axes.ticks = VGroup(x_ticks, y_ticks_group)
    axes.decades = y_decades
    return axes


def curve_line(axes, widths, values, color, stroke_width=4.0):
    """Return the polyline of ``values`` against ``widths`` on log-log axes."""
    return plots.polyline(
        axes,
        np.log10(widths),
        log_values(values, axes.decades),
        color=color,
        stroke_width=stroke_width,
    )


def threshold_line(axes, n):
    """Return the dashed vertical line at width ``n`` across log-log axes."""
    x = np.log10(n)
    return DashedLine(
        axes.c2p(x, axes.y_range[0]),
        axes.c2p(x, axes.y_range[1]),
        color=palette.MUTED,
        dash_length=0.1,
    )


def move_slider(slider, value):
    """Return an animation that slides ``slider``'s tracker to ``value``.

    The animation drives the slider group, not the ValueTracker itself, so
    the tracker is never added to the scene as a mobject of its own.
    """
    start = slider.tracker.get_value()

    def update(_, alpha):
        slider.tracker.set_value(start + (value - start) * smooth(alpha))

    return UpdateFromAlphaFunc(slider, update)


def legend_row(color, label):
    """Return a short coloured line followed by its label."""
    swatch = Line(LEFT * 0.25, RIGHT * 0.25, color=color, stroke_width=5)
    words = text(label, size=palette.LABEL_SIZE, color=palette.FOREGROUND)
    return VGroup(swatch, words).arrange(RIGHT, buff=0.2)


class DoubleDescent(LectureScene):
    """Test error against width: a first descent, a peak at N = n, a second descent."""

    chapter_number = 6
    chapter_title = "Double Descent"
    chapter_subtitle = "Past the interpolation threshold, wider fits better again"

    # The experiment: n points in d dimensions, labels from a linear target
    # plus noise of standard deviation `noise`, medians over `n_trials`.
    n = 40
    d = 5
    noise = 0.5
    n_trials = 30
    # Noise levels visited by the slider, in order, ending where it started.
    noise_sweep = (0.1, 1.0, 0.5)
    # Ridge penalties of the ridge beat: a small one, then a larger one.
    ridges = (0.001, 0.1)
    # One-dimensional illustrations: widths below, at and far above the
    # threshold for the six lecture points, with the seed of the first layer.
    # With seed 2, width 6 is the first whose features reach rank 6.
    fit_widths = (3, 6, 2000)
    fit_seed = 2

    def construct(self):
        self.show_title(
            "Classical statistics warns that too many parameters cause "
            "overfitting. Yet huge networks often generalize best. One curve "
            "connects both views."
        )
        self.show_classical_picture()
        self.show_experiment()
        self.show_measured_curves()
        self.show_threshold()
        self.show_second_descent()
        self.show_noise_slider()
        self.show_weight_norm()
        self.show_ridge()
        self.show_one_dimensional_fits()
        self.show_summary(
            "Test error falls, peaks where the width equals the number of "
            "points, and falls again. Noise raises the peak. The minimum-norm "
            "choice makes the second descent, and ridge removes the peak.",
            [
                "Min-norm fits on N random features: test error peaks at N = n",
                "At N = n the one interpolant needs huge weights to fit the noise",
                "Label noise raises the peak; ridge regularization removes it",
                "Past N = n the minimum-norm interpolant gets smaller and smoother",
            ],
        )
        self.quiz(
            "Why does the test error fall again once the width passes the "
            "number of training points?",
            [
                "Wider models stop fitting the training points exactly.",
                "Among the many exact fits, the minimum-norm one is chosen, and "
                "its norm shrinks as the width grows.",
                "The label noise gets smaller when the model gets wider.",
                "Extra features let the model fit the noise even more closely.",
            ],
            1,
            "Past the threshold many weight vectors fit the data, and the "
            "smallest one spreads the fit over many features, so it swings less "
            "between the points.",
        )

    # -- the classical picture ---------------------------------------------
    def make_classical_plot(self):
        sketch = classical_tradeoff()
        axes = plots.lecture_axes(
            x_range=(0, 1, 0.25),
            y_range=(0, 1.2, 0.3),
            x_length=7.5,
            y_length=4.2,
            x_label="model capacity",
            y_label="error",
        )
        axes.shift(DOWN * 0.4)
        axes.labels.shift(DOWN * 0.4)

        train = plots.polyline(
            axes, sketch.capacity, sketch.train_error, color=palette.TRAIN
        )
        test = plots.polyline(
            axes, sketch.capacity, sketch.test_error, color=palette.TEST
        )
        best = sketch.sweet_spot
        spot = Dot(
            axes.c2p(sketch.capacity[best], sketch.test_error[best]),
            radius=0.09,
            color=palette.MIN_NORM,
        )
        spot_label = text("sweet spot", size=palette.LABEL_SIZE, color=palette.MIN_NORM)
        spot_label.next_to(spot, DOWN, buff=0.25)

        tag = text(
            "the classical picture: a sketch, not data",
            size=palette.BODY_SIZE,
            color=palette.MUTED,
        )
        tag.to_edge(UP, buff=0.5)
        legend = VGroup(
            legend_row(palette.TEST, "test error"),
            legend_row(palette.TRAIN, "training error"),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        legend.next_to(axes, RIGHT, buff=0.3).align_to(axes, UP)

        # The plot and its legend are centred together under the tag.
        body = VGroup(axes, axes.labels, train, test, spot, spot_label, legend)
        body.shift(LEFT * body.get_center()[0])
        plot = VGroup(axes, axes.labels, train, test, spot, spot_label, tag, legend)
        plot.axes, plot.train, plot.test = axes, train, test
        plot.spot, plot.spot_label, plot.tag, plot.legend = (
            spot,
            spot_label,
            tag,
            legend,
        )
        return plot

    def show_classical_picture(self):
        plot = self.make_classical_plot()
        with self.beat(
            "First, the textbook picture. As a model gains capacity, its training "
            "error keeps falling. Its test error falls at first, then rises again, "
            "as the model starts to fit noise."
        ) as passage:
            self.play(FadeIn(plot.tag), Create(plot.axes), FadeIn(plot.axes.labels))
            self.play(FadeIn(plot.legend))
            draw = max(1.0, (passage.duration - 3.0) / 2)
            self.play(Create(plot.train), run_time=draw, rate_func=linear)
            self.play(Create(plot.test), run_time=draw, rate_func=linear)
        self.say(
            "The advice is to stop at the sweet spot in the middle. This curve is "
            "a drawing of the idea, not a measurement.",
            FadeIn(plot.spot, scale=0.5),
            FadeIn(plot.spot_label, shift=UP * 0.1),
        )
        self.play(FadeOut(plot), run_time=0.6)

    # -- the experiment ------------------------------------------------------
    def show_experiment(self):
        curve = self.curve(self.noise)
        data = MathTex(
            rf"x_i \sim \mathcal N(0, I_{{{curve.d}}}),\quad "
            rf"y_i = x_i^\top w_\star + \sigma \varepsilon_i,\quad "
            rf"i = 1, \dots, {curve.n}",
            font_size=palette.BODY_SIZE + 6,
        )
        model = MathTex(
            r"\hat y(x) = \sum_{k=1}^{N} a_k \, \frac{\relu{w_k^\top x}}{\sqrt N}",
            font_size=palette.HEADING_SIZE,
        )
        random = MathTex(
            r"w_k \text{ random and fixed; only the output weights } a "
            r"\text{ are fitted}",
            font_size=palette.BODY_SIZE,
            color=palette.MUTED,
        )
        fit = MathTex(r"a = \Phi^{+} y", font_size=palette.HEADING_SIZE)
        fit[0][2:4].set_color(palette.MIN_NORM)
        fit_note = text(
            "minimum-norm least squares: the smallest a among the best fits",
            size=palette.LABEL_SIZE,
            color=palette.MIN_NORM,
        )
        VGroup(data, model, random, fit, fit_note).arrange(DOWN, buff=0.4)
        with self.beat(
            f"Now a real experiment. {self.spoken(curve.n).capitalize()} training "
            f"points in {self.spoken(curve.d)} dimensions, labelled by a linear "
            "rule plus noise. The model has N random ReLU features, and only its "
            "output weights are fitted."
        ):
            self.play(FadeIn(data, shift=DOWN * 0.2))
            self.play(Write(model), run_time=1.5)
            self.play(FadeIn(random))
        with self.beat(
            "The fit is minimum-norm least squares. When many weight vectors fit "
            "the data equally well, it takes the one of smallest length, which is "
            "also where gradient descent from zero ends."
        ):
            self.play(Write(fit))
            self.play(FadeIn(fit_note, shift=UP * 0.1))
        self.play(FadeOut(VGroup(data, model, random, fit, fit_note)), run_time=0.6)

    # -- the measured curves ---------------------------------------------------
    def curve(self, noise, ridge=0.0):
        """Return mathcore's double-descent curve of this chapter's experiment."""
        return dd.double_descent(
            n=self.n, d=self.d, noise=noise, n_trials=self.n_trials, ridge=ridge
        )

    def error_lines(self, curve):
        axes = self.error_axes
        test = curve_line(axes, curve.widths, curve.test_error, palette.TEST)
        train = curve_line(axes, curve.widths, curve.train_error, palette.TRAIN)
        return test, train

    def show_measured_curves(self):
        axes = make_log_axes(
            ERROR_DECADES,
            x_length=7.2,
            y_length=5.0,
            y_label="median error",
            y_ticks=range(ERROR_DECADES[0], ERROR_DECADES[1] + 1),
            center=LEFT * 2.0 + UP * 0.45,
            x_label="width N (number of features)",
        )
        self.error_axes = axes

        curve = self.curve(self.noise)
        self.test_line, self.train_line = self.error_lines(curve)
        legend = VGroup(
            legend_row(palette.TEST, "test error"),
            legend_row(palette.TRAIN, "training error"),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.2)
        legend.set_y(2.9).set_x(2.6, direction=LEFT)
        self.legend = legend

        spec = text(
            f"n = {curve.n} points, d = {curve.d}, median of {curve.n_trials} trials",
            size=palette.LABEL_SIZE,
            color=palette.MUTED,
        )
        spec.to_edge(UP, buff=0.15).set_x(axes.get_center()[0])
        self.spec = spec

        with self.beat(
            f"For each width we repeat the fit {self.spoken(curve.n_trials)} times, "
            "on fresh data, and plot the median errors. Both axes are logarithmic."
        ):
            self.play(
                Create(axes),
                FadeIn(axes.ticks),
                FadeIn(axes.labels),
                FadeIn(spec),
                FadeIn(legend),
            )
        with self.beat(
            "Training error falls steadily. Test error falls at first, just as the "
            "textbook says. Then, as the width nears the number of points, it "
            "shoots up."
        ) as passage:
            draw = max(2.0, passage.duration - 1.0)
            self.play(
                Create(self.train_line),
                Create(self.test_line),
                run_time=draw,
                rate_func=linear,
            )

    def make_threshold_readout(self, curve):
        """Return the peak's width and height and the zero training error."""
        peak_caption = text("peak at N =", size=palette.LABEL_SIZE)
        peak_value = Integer(dd.peak_width(curve), font_size=palette.BODY_SIZE)
        self.exhibit("peak_width", peak_value)
        peak_row = VGroup(peak_caption, peak_value).arrange(RIGHT, buff=0.15)

        height_caption = text("peak height", size=palette.LABEL_SIZE)
        height_value = DecimalNumber(
            float(np.max(curve.test_error)),
            num_decimal_places=1,
            font_size=palette.BODY_SIZE,
            color=palette.TEST,
        )
        self.exhibit("peak_test_error", height_value)
        height_row = VGroup(height_caption, height_value).arrange(RIGHT, buff=0.15)

        # The training error is exactly zero from the threshold on, which the
        # log axis cannot show, so a readout states it.
        zero_row = text(
            f"training error = 0\nfor every N ≥ {curve.n}",
            size=palette.LABEL_SIZE,
            color=palette.TRAIN,
        )
        readout = VGroup(peak_row, height_row, zero_row)
        readout.arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        readout.next_to(self.legend, DOWN, buff=0.45, aligned_edge=LEFT)
        readout.peak_row, readout.height_row, readout.zero_row = (
            peak_row,
            height_row,
            zero_row,
        )
        readout.peak_value, readout.height_value = peak_value, height_value
        return readout

    def show_threshold(self):
        curve = self.curve(self.noise)
        line = threshold_line(self.error_axes, curve.n)
        label = MathTex(rf"N = n = {curve.n}", font_size=palette.LABEL_SIZE + 4)
        label.next_to(line, UP, buff=0.1)
        self.readout = readout = self.make_threshold_readout(curve)

        self.play(FadeOut(self.spec), run_time=0.4)
        with self.beat(
            f"The peak sits at N equal to n: {self.spoken(curve.n)} features for "
            f"{self.spoken(curve.n)} points. This is the interpolation threshold, "
            "the first width at which the training error reaches zero."
        ):
            self.play(Create(line), FadeIn(label, shift=DOWN * 0.1))
            self.play(
                FadeIn(readout.peak_row, shift=LEFT * 0.1), FadeIn(readout.height_row)
            )
            self.play(FadeIn(readout.zero_row, shift=UP * 0.1))

    def show_second_descent(self):
        curve = self.curve(self.noise)
        right = curve.widths > curve.n
        tail = curve_line(
            self.error_axes,
            curve.widths[right],
            curve.test_error[right],
            palette.MIN_NORM,
            stroke_width=8,
        )
        with self.beat(
            "Past the threshold the test error falls a second time, and keeps "
            "falling as the model grows far wider than the data. That is the "
            "double descent."
        ):
            self.play(Create(tail), run_time=2.0)
            self.play(FadeOut(tail), run_time=0.8)

    # -- noise ----------------------------------------------------------------
    def show_noise_slider(self):
        tracker = ValueTracker(self.noise)
        slider = Slider(tracker, (0.0, 1.0), "noise σ", width=1.8, decimals=2)
        slider.move_to(RIGHT * 4.75 + DOWN * 0.9)
        self.noise_slider = slider
        with self.beat(
            "The height of the peak depends on the label noise. Turn the noise down, "
            "and the peak shrinks."
        ):
            self.play(FadeIn(slider))
            self.sweep_noise(self.noise_sweep[0])
        with self.beat(
            "Turn it up, and the peak grows, always at the same width. At the "
            "threshold there is exactly one way to reproduce every noisy label."
        ):
            for level in self.noise_sweep[1:]:
                self.sweep_noise(level)
        self.play(FadeOut(slider), run_time=0.5)

    def sweep_noise(self, level):
        """Move the noise slider to ``level`` and morph the curves to its data."""
        curve = self.curve(level)
        test, train = self.error_lines(curve)
        self.play(
            move_slider(self.noise_slider, level),
            Transform(self.test_line, test),
            Transform(self.train_line, train),
            run_time=2.0,
        )
        # The readouts jump to the new curve's values once it has arrived.
        self.readout.peak_value.set_value(dd.peak_width(curve))
        self.readout.height_value.set_value(float(np.max(curve.test_error)))
        self.wait(0.4)

    # -- the norm of the fitted weights --------------------------------------------
    def show_weight_norm(self):
        curve = self.curve(self.noise)
        axes = make_log_axes(
            NORM_DECADES,
            x_length=3.7,
            y_length=2.2,
            y_label="",
            y_ticks=range(NORM_DECADES[0], NORM_DECADES[1] + 1, 2),
            center=RIGHT * 4.7 + DOWN * 1.85,
            x_label="width N",
        )
        title = text(
            "median norm of a", size=palette.LABEL_SIZE, color=palette.MIN_NORM
        )
        title.next_to(axes, UP, buff=0.2)
        line = curve_line(axes, curve.widths, curve.norm, palette.MIN_NORM)
        threshold = threshold_line(axes, curve.n)
        peak_index = int(np.argmax(curve.norm))
        peak = Dot(
            axes.c2p(
                np.log10(curve.widths[peak_index]),
                log_values(curve.norm[peak_index], axes.decades),
            ),
            radius=0.07,
            color=palette.MIN_NORM,
        )
        self.norm_axes, self.norm_line, self.norm_peak = axes, line, peak
        with self.beat(
            "Why there? Look at the length of the fitted output weights. Their norm "
            "peaks at the same width."
        ):
            self.play(
                Create(axes),
                FadeIn(axes.ticks),
                FadeIn(axes.labels),
                FadeIn(title),
                Create(threshold),
            )
            self.play(Create(line), run_time=2.0)
            self.play(FadeIn(peak, scale=0.5), Flash(peak, color=palette.MIN_NORM))
        self.say(
            "At N equal to n the feature matrix is square and nearly singular. "
            "Fitting the noise exactly then takes enormous weights, and enormous "
            "weights make the function swing between the data points."
        )

    # -- ridge ---------------------------------------------------------------------
    def show_ridge(self):
        tracker = ValueTracker(np.log10(self.ridges[0]))
        slider = Slider(
            tracker,
            (np.log10(self.ridges[0]), np.log10(self.ridges[-1])),
            "ridge ρ",
            width=2.6,
            decimals=3,
            display=lambda value: 10.0**value,
        )
        self.ridge_slider = slider
        slider.next_to(self.error_axes.labels[0], DOWN, buff=0.3)
        slider.set_x(self.error_axes.get_center()[0])
        self.play(FadeOut(self.readout), FadeOut(self.norm_peak), run_time=0.5)
        with self.beat(
            "Ridge regression adds a penalty on that norm and gives up exact "
            "fitting. A small penalty already flattens most of the peak."
        ):
            self.play(FadeIn(slider))
            self.morph_to_ridge(self.ridges[0])
        with self.beat(
            "A larger one removes it. Training error no longer reaches zero, and "
            "the test error never climbs."
        ):
            for ridge in self.ridges[1:]:
                self.morph_to_ridge(ridge)
        self.wait(0.5)
        self.clear_screen()

    def morph_to_ridge(self, ridge):
        """Move the ridge slider to ``ridge`` and morph every curve to its data."""
        curve = self.curve(self.noise, ridge=ridge)
        test, train = self.error_lines(curve)
        norm = curve_line(self.norm_axes, curve.widths, curve.norm, palette.MIN_NORM)
        self.play(
            move_slider(self.ridge_slider, np.log10(ridge)),
            Transform(self.test_line, test),
            Transform(self.train_line, train),
            Transform(self.norm_line, norm),
            run_time=2.0,
        )

    # -- one-dimensional illustrations -------------------------------------------------
    def make_fit_panel(self, data, width):
        axes = plots.lecture_axes(
            x_range=(-2.2, 2.2, 1), y_range=(-1.5, 3.0, 1), x_length=4.0, y_length=3.4
        )
        # A first fit gives the kinks, and a second fit with the same seed
        # evaluates the function exactly at them, so every kink stays sharp.
        fit = dd.fit_random_features_1d(data.x, data.y, width, seed=self.fit_seed)
        grid = plots.breakpoints(
            axes.x_range[0], axes.x_range[1], network.kinks_1d(fit.first_layer).x
        )
        fit = dd.fit_random_features_1d(
            data.x, data.y, width, seed=self.fit_seed, grid=grid
        )

        graph = plots.polyline(axes, fit.grid, fit.values, color=palette.FIT)
        dots = plots.data_dots(axes, data.x, data.y)
        if fit.width < data.n:
            relation = "<"
        elif fit.width == data.n:
            relation = "="
        else:
            relation = r"\gg"
        width_label = MathTex(
            rf"N = {fit.width} {relation} n", font_size=palette.BODY_SIZE
        )
        width_label.next_to(axes, UP, buff=0.2)

        norm_caption = MathTex(r"\lVert a \rVert =", font_size=palette.BODY_SIZE)
        norm_value = DecimalNumber(
            fit.norm, num_decimal_places=1, font_size=palette.BODY_SIZE
        )
        norm_value.set_color(palette.MIN_NORM)
        norm_row = VGroup(norm_caption, norm_value).arrange(RIGHT, buff=0.15)
        norm_row.next_to(axes, DOWN, buff=0.25)

        panel = VGroup(axes, dots, graph, width_label, norm_row)
        panel.axes, panel.dots, panel.graph = axes, dots, graph
        panel.width_label, panel.norm_row, panel.norm_value = (
            width_label,
            norm_row,
            norm_value,
        )
        panel.fit = fit
        return panel

    def show_one_dimensional_fits(self):
        data = datasets.lecture_1d()
        panels = VGroup(*(self.make_fit_panel(data, w) for w in self.fit_widths))
        panels.arrange(RIGHT, buff=0.5).shift(DOWN * 0.4)
        for index, panel in enumerate(panels):
            self.exhibit(f"fit_norm_{index}", panel.norm_value)

        note = text(
            "one-dimensional illustration; the error curves were computed in d = "
            f"{self.d}",
            size=palette.LABEL_SIZE,
            color=palette.MUTED,
        )
        note.to_edge(UP, buff=0.4)
        under, at, over = panels

        with self.beat(
            f"To see this, fit the lecture's {self.spoken(data.n)} points "
            "on a line with random ReLU features. These pictures only illustrate; "
            f"the error curves came from {self.spoken(self.d)} dimensions."
        ):
            self.play(FadeIn(note))
            self.play(
                *(Create(p.axes) for p in panels),
                *(FadeIn(p.dots) for p in panels),
                *(FadeIn(p.width_label) for p in panels),
            )
        with self.beat(
            f"{self.spoken(under.fit.width).capitalize()} features are too few to "
            "pass through the points. With just enough features to fit them, the "
            "one solution swings wildly, with a huge norm."
        ):
            self.play(Create(under.graph), FadeIn(under.norm_row), run_time=1.5)
            self.play(Create(at.graph), FadeIn(at.norm_row), run_time=2.0)
        with self.beat(
            f"With {self.spoken(over.fit.width)} features, many weight vectors fit. "
            "The smallest of them spreads the work over all the features, and its "
            "curve is calm."
        ):
            self.play(Create(over.graph), FadeIn(over.norm_row), run_time=2.0)
        self.say(
            "That is the second descent. It is not more capacity alone that helps, "
            "but the minimum-norm choice among many exact fits."
        )
        self.clear_screen()

    @staticmethod
    def spoken(number):
        """Return a small integer as a word, so the narration reads naturally."""
        words = {
            3: "three",
            5: "five",
            6: "six",
            30: "thirty",
            40: "forty",
            2000: "two thousand",
        }
        return words.get(int(number), str(int(number)))
