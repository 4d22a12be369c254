"""Chapter 5: the convex program is a group lasso, and beta sets the width."""

from __future__ import annotations

import numpy as np
from common import palette, plots
from common.convex_figures import (
    MATH_SIZE,
    NUMBER_SIZE,
    data_plot,
    labelled_axes,
    labelled_value,
    number,
    section_heading,
    sweep,
    text,
)
from common.fades import FadeIn, FadeOut
from common.lecture_scene import LectureScene
from common.widgets import Slider
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    Create,
    DashedLine,
    GrowFromPoint,
    Indicate,
    MathTex,
    Rectangle,
    ReplacementTransform,
    SurroundingRectangle,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    linear,
)

from mathcore import convex, datasets, path
from mathcore import scene_data_ch45 as scene_data

# Colours of the four groups of the lasso picture.
GROUP_COLORS = [palette.neuron_color(j) for j in range(4)]


class GroupLassoConnection(LectureScene):
    """Lasso against group lasso, then the regularization path of the program."""

    chapter_number = 5
    chapter_title = "The Group-Lasso Connection"
    chapter_subtitle = "A sum of norms switches whole groups off"

    # Seconds the slider takes to cross one grid point of the path.
    seconds_per_grid_point = 0.22
    # Grid points shown as the large, medium and small beta regimes.
    regime_indices = (6, 28, 59)

    def construct(self):
        self.load_results()
        self.show_title(
            "The convex program has a name in statistics: it is a group lasso. "
            "That name explains how beta sets the width of the network."
        )
        self.show_lasso()
        self.show_group_lasso()
        self.show_program_groups()
        self.show_path_axes()
        self.show_path_sweep()
        self.show_regimes()
        self.show_min_norm_caveat()

        self.show_summary(
            "In short: the penalty is a group lasso, so beta decides how many "
            "groups, and so how many neurons, survive.",
            [
                "Lasso zeros single coefficients, group lasso whole groups.",
                "Each group is one pattern and sign: one possible neuron.",
                "Falling beta switches groups on, and the count can also drop.",
                "As beta goes to 0: the min-norm network that fits the data.",
            ],
        )
        self.quiz(
            "What does the group lasso penalty in the convex program promote?",
            [
                "Small but nonzero weights in every block.",
                "Whole blocks set to zero, so that few patterns, and few "
                "neurons, are used.",
                "Exactly one neuron per data point.",
                "Weights that are all equal in size.",
            ],
            1,
            "A sum of Euclidean norms can only pin a block at zero as a whole, "
            "and every zero block is a neuron the network does not use.",
        )

    # -- results ---------------------------------------------------------------
    def load_results(self) -> None:
        """Compute every number the chapter shows, once, with mathcore."""
        self.example = scene_data.sparsity_example()
        self.data = datasets.lecture_1d()
        X, y = self.data.X, self.data.y
        self.path = path.regularization_path(X, y)
        self.widths = scene_data.path_widths(self.path.group_norms)
        self.order = scene_data.activation_order(self.path.group_norms)
        self.drops = scene_data.width_drops(self.widths)
        self.lecture_index = scene_data.nearest_index(self.path.betas, self.data.beta)
        self.min_norm = convex.solve(X, y, 0.0)

    # -- lasso against group lasso -------------------------------------------------
    def make_coefficient_chart(self, coefficients: np.ndarray) -> VGroup:
        """Return bars of the coefficients, coloured by group, zeros as rings."""
        groups = self.example.groups
        count = coefficients.size
        axes = plots.lecture_axes(
            (0, count + 1, 1), (-1.4, 1.4, 1), x_length=6.8, y_length=2.7
        )
        unit_x = axes.x_axis.get_unit_size()
        bars = VGroup()
        zeros = VGroup()
        for k, (value, group) in enumerate(zip(coefficients, groups, strict=True)):
            color = GROUP_COLORS[group % len(GROUP_COLORS)]
            base = axes.c2p(k + 1, 0)
            if value == 0:
                zeros.add(
                    Circle(radius=0.09, color=color, stroke_width=3).move_to(base)
                )
                continue
            top = axes.c2p(k + 1, value)
            bar = Rectangle(
                width=0.55 * unit_x,
                height=abs(top[1] - base[1]),
                stroke_width=0,
                fill_color=color,
                fill_opacity=0.9,
            )
            bar.move_to((base + top) / 2)
            bar.base = base
            bars.add(bar)
        size = int(np.count_nonzero(groups == 0))
        separators = VGroup(
            *(
                DashedLine(
                    axes.c2p(g * size + 0.5, -1.3),
                    axes.c2p(g * size + 0.5, 1.3),
                    color=palette.GRID,
                    stroke_width=2,
                )
                for g in range(1, self.example.n_groups)
            )
        )
        chart = VGroup(axes, separators, bars, zeros)
        chart.axes, chart.bars, chart.zeros = axes, bars, zeros

        return chart

    def show_lasso(self) -> None:
        self.heading = section_heading("Lasso against group lasso")
        example = self.example
        chart = self.make_coefficient_chart(example.lasso).move_to([-2.85, 1.45, 0])
        formula = MathTex(
            r"\tfrac12\|Ab - y\|^2 + \lambda \|b\|_1", font_size=MATH_SIZE - 4
        )
        used = number(example.lasso_groups_used, 0, color=palette.ACCENT)
        self.exhibit("lasso_groups_used", used)
        side = VGroup(
            text("lasso", color=palette.FOREGROUND),
            formula,
            labelled_value("groups in use:", used, size=palette.LABEL_SIZE + 2),
        ).arrange(DOWN, buff=0.3)
        side.move_to([4.1, 1.45, 0])

        with self.beat(
            f"Take a regression with {example.lasso.size} coefficients in "
            f"{example.n_groups} coloured groups. The lasso adds the sum of "
            "absolute values, and it zeros single coefficients, wherever they are."
        ):
            self.play(FadeIn(self.heading), Create(chart.axes), run_time=1.0)
            self.play(FadeIn(chart[1]), FadeIn(side[:2]), run_time=0.8)
            self.play(
                *(GrowFromPoint(bar, bar.base) for bar in chart.bars),
                FadeIn(chart.zeros),
                run_time=1.5,
            )
            self.play(FadeIn(side[2]), run_time=0.6)
        self.lasso_chart, self.lasso_side = chart, side

    def show_group_lasso(self) -> None:
        example = self.example
        chart = self.make_coefficient_chart(example.group_lasso).move_to(
            [-2.85, -1.95, 0]
        )
        formula = MathTex(
            r"\tfrac12\|Ab - y\|^2 + \lambda \sum_g \|b_g\|_2", font_size=MATH_SIZE - 4
        )
        used = number(example.group_lasso_groups_used, 0, color=palette.ACCENT)
        self.exhibit("group_lasso_groups_used", used)
        side = VGroup(
            text("group lasso", color=palette.FOREGROUND),
            formula,
            labelled_value("groups in use:", used, size=palette.LABEL_SIZE + 2),
        ).arrange(DOWN, buff=0.3)
        side.move_to([4.1, -1.95, 0])

        with self.beat(
            "The group lasso adds the sum of each group's Euclidean norm. Its "
            "zeros come in whole groups: a group is either switched off, or all "
            "of it is in use."
        ):
            self.play(
                Create(chart.axes), FadeIn(chart[1]), FadeIn(side[:2]), run_time=1.0
            )
            self.play(
                *(GrowFromPoint(bar, bar.base) for bar in chart.bars),
                FadeIn(chart.zeros),
                run_time=1.5,
            )
            self.play(FadeIn(side[2]), run_time=0.6)

        with self.beat(
            "The reason is the kink. A group's norm is not smooth only where the "
            "whole group is zero, so that is the only place the penalty can hold "
            "a solution."
        ):
            self.play(Indicate(chart.zeros, color=palette.ACCENT, scale_factor=1.6))

        self.play(
            *(FadeOut(m) for m in (self.lasso_chart, self.lasso_side, chart, side)),
            run_time=0.6,
        )

    # -- the program's groups ------------------------------------------------------
    def show_program_groups(self) -> None:
        heading = section_heading("Groups in the convex program")
        penalty = MathTex(
            r"\beta \sum_{i=1}^{P} \big(",
            r"\|v_i\|",
            r"+",
            r"\|w_i\|",
            r"\big)",
            font_size=MATH_SIZE + 8,
        ).move_to([0, 1.7, 0])
        penalty[1].set_color(palette.POSITIVE)
        penalty[3].set_color(palette.NEGATIVE)
        block = MathTex(
            r"v_i = \begin{bmatrix} \text{slope} \\ \text{bias} \end{bmatrix}",
            font_size=MATH_SIZE,
            color=palette.POSITIVE,
        ).move_to([-4.3, -0.9, 0])
        notes = VGroup(
            text("one group = one pattern and one sign"),
            text("= one possible neuron"),
            text("nonzero groups = width of the network", color=palette.ACCENT),
        ).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        notes.move_to([1.9, -0.9, 0])
        box = SurroundingRectangle(penalty[1], color=palette.POSITIVE, buff=0.08)

        with self.beat(
            "In the convex program, each group is one block: a pattern and a "
            "sign, holding a slope and a bias. A zero block is a neuron the "
            "network does not need, so the number of nonzero groups is the width."
        ):
            self.play(ReplacementTransform(self.heading, heading), Write(penalty))
            self.play(Create(box), FadeIn(block), run_time=1.0)
            self.play(FadeIn(notes, lag_ratio=0.3), run_time=1.5)
        self.heading = heading

        self.play(*(FadeOut(m) for m in (penalty, block, notes, box)), run_time=0.6)

    # -- the regularization path -----------------------------------------------------
    def make_path_axes(self) -> VGroup:
        """Return axes over the path's grid positions, beta falling to the right."""
        last = len(self.path) - 1
        top = float(np.max(self.path.group_norms))
        axes = plots.lecture_axes(
            (0, last, 10),
            (0, 1.1 * top, 1),
            x_length=6.6,
            y_length=4.0,
            x_label="β, log scale, falling",
            y_label="group norm",
        )
        framed = labelled_axes(axes).move_to([-3.1, 0.55, 0])
        ends = VGroup(
            number(self.path.betas[0], 2, size=NUMBER_SIZE - 12, color=palette.MUTED),
            number(self.path.betas[-1], 4, size=NUMBER_SIZE - 12, color=palette.MUTED),
        )
        ends[0].next_to(axes.c2p(0, 0), DOWN, buff=0.15)
        ends[1].next_to(axes.c2p(last, 0), DOWN, buff=0.15)
        self.exhibit("beta_max", ends[0])
        framed.add(ends)
        framed.axes, framed.ends = axes, ends

        return framed

    def make_group_lines(self, axes) -> dict[int, VGroup]:
        """Return, for every grid index k, each group's norm line up to k."""
        norms = self.path.group_norms
        colors = {g: palette.neuron_color(r) for r, g in enumerate(self.order)}
        lines = {}
        for k in range(len(self.path)):
            group = VGroup()
            if k > 0:
                xs = np.arange(k + 1)
                for g in self.order:
                    group.add(
                        plots.polyline(axes, xs, norms[: k + 1, g], color=colors[g])
                    )
            lines[k] = group

        return lines

    def make_fits(self, axes) -> dict[int, VGroup]:
        """Return the fitted function at every grid index, kinks exact."""
        fits = {}
        x_min, x_max = axes.x_range[0], axes.x_range[1]
        for k in range(len(self.path)):
            U, alpha = self.path.network_at(k)
            if alpha.size == 0:
                fits[k] = plots.polyline(axes, [x_min, x_max], [0.0, 0.0])
            else:
                fits[k] = plots.network_graph(axes, U, alpha)

        return fits

    def grid_index(self) -> int:
        """Return the path grid index nearest to the slider."""
        return int(round(self.position.get_value()))

    def show_path_axes(self) -> None:
        heading = section_heading("The regularization path")
        self.position = ValueTracker(0.0)
        self.path_axes = self.make_path_axes()
        axes = self.path_axes.axes
        data = self.data
        self.fit_plot = data_plot(
            data.x, data.y, (-2.1, 2.1, 1), (-1.0, 2.5, 1), x_length=4.6, y_length=3.2
        )
        self.fit_plot.move_to([4.2, 1.05, 0])
        lines = self.make_group_lines(axes)
        fits = self.make_fits(self.fit_plot.axes)
        self.path_lines = always_redraw(lambda: lines[self.grid_index()])
        self.path_fit = always_redraw(lambda: fits[self.grid_index()])
        self.marker = always_redraw(
            lambda: DashedLine(
                axes.c2p(self.position.get_value(), 0),
                axes.c2p(self.position.get_value(), axes.y_range[1]),
                color=palette.ACCENT,
                stroke_width=3,
            )
        )
        last = len(self.path) - 1
        self.slider = Slider(
            self.position,
            (0, last),
            "β",
            width=5.6,
            decimals=3,
            display=lambda t: float(self.path.betas[int(round(t))]),
        )
        self.slider.move_to([-3.0, -3.15, 0])
        self.width_value = number(0, 0, size=NUMBER_SIZE + 6, color=palette.ACCENT)
        self.width_value.add_updater(
            lambda m: m.set_value(int(self.widths[self.grid_index()]))
        )
        self.width_row = labelled_value("width:", self.width_value)
        self.width_row.move_to([4.2, -1.3, 0])

        with self.beat(
            "Now follow the solution on the lecture's data as beta falls from "
            "beta max, where every block is zero. Each group's norm gets its own "
            "line, and the fit sits on the right."
        ):
            self.play(ReplacementTransform(self.heading, heading), run_time=0.8)
            self.play(FadeIn(self.path_axes), FadeIn(self.fit_plot), run_time=1.2)
            self.add(self.path_lines, self.path_fit)
            self.play(FadeIn(self.slider), Create(self.marker), FadeIn(self.width_row))
        self.heading = heading

    def sweep_to(self, index: int) -> None:
        """Move the slider to grid ``index`` at the chapter's sweep speed."""
        distance = abs(index - self.position.get_value())
        run_time = max(1.0, distance * self.seconds_per_grid_point)

        self.play(
            sweep(self.position, float(index), run_time=run_time, rate_func=linear)
        )

    def show_path_sweep(self) -> None:
        first_on = int(np.argmax(self.widths > 0))
        drop = int(self.drops[0]) if self.drops.size else None

        with self.beat(
            "Just below beta max the first group switches on: a single neuron. "
            "As beta keeps falling, more groups join, and the width counter "
            "follows them."
        ):
            self.sweep_to(first_on + 1)
            self.sweep_to((drop - 1) if drop else self.lecture_index)

        if drop is not None:
            before, after = int(self.widths[drop - 1]), int(self.widths[drop])
            with self.beat(
                f"Here the width drops from {before} to {after}: blocks can also "
                "leave. The path of a group lasso need not be monotone."
            ):
                self.sweep_to(drop)
                self.play(Indicate(self.width_value, color=palette.WARNING))
        k = self.lecture_index
        width = number(int(self.path.n_active[k]), 0, color=palette.MIN_NORM)
        self.exhibit("width_at_lecture_beta", width)
        stop = VGroup(
            MathTex(r"\beta =", font_size=MATH_SIZE - 6),
            number(self.path.betas[k], 3, size=NUMBER_SIZE - 6),
            text(":", color=palette.MUTED),
            width,
            text("neurons", color=palette.MUTED),
        ).arrange(RIGHT, buff=0.15)
        self.exhibit("lecture_beta", stop[1])
        stop.next_to(self.width_row, DOWN, buff=0.35)
        on = int(self.path.n_active[k])

        with self.beat(
            f"At beta {self.path.betas[k]:.3f}, next to the lecture's value, {on} "
            f"groups are on: the {on} neurons that the program returned in "
            "chapter four."
        ):
            self.sweep_to(k)
            self.play(FadeIn(stop, shift=UP * 0.1), run_time=0.8)

        with self.beat(
            "Further down, the penalty weakens, and the fit closes in on the "
            "data points."
        ):
            self.play(FadeOut(stop), run_time=0.4)
            self.sweep_to(len(self.path) - 1)
        self.width_value.clear_updaters()

        self.play(
            *(
                FadeOut(m)
                for m in (
                    self.path_axes,
                    self.fit_plot,
                    self.path_lines,
                    self.path_fit,
                    self.marker,
                    self.slider,
                    self.width_row,
                )
            ),
            run_time=0.7,
        )

    # -- regimes ---------------------------------------------------------------------
    def make_regime_panel(
        self, title: str, U, alpha, beta_row: VGroup, width
    ) -> VGroup:
        """Return one regime: its name, the fit over the data, beta and width."""
        data = self.data
        plot = data_plot(
            data.x, data.y, (-2.1, 2.1, 1), (-1.0, 2.5, 1), x_length=2.8, y_length=2.3
        )
        if alpha.size:
            fit = plots.network_graph(plot.axes, U, alpha, stroke_width=3)
        else:
            fit = plots.polyline(plot.axes, [-2.1, 2.1], [0.0, 0.0], stroke_width=3)
        name = VGroup(
            *(text(line, size=palette.LABEL_SIZE + 2) for line in title.split("\n"))
        ).arrange(DOWN, buff=0.12)
        width_row = labelled_value("width", width, size=palette.LABEL_SIZE + 2)
        panel = VGroup(name, VGroup(plot, fit), beta_row, width_row).arrange(
            DOWN, buff=0.22
        )
        panel.plot, panel.fit = plot, fit

        return panel

    def show_regimes(self) -> None:
        heading = section_heading("Four regimes")
        titles = [
            "large β\nunderfits",
            "medium β\nshape, shrunk",
            "small β\nnearly fits",
        ]
        panels = VGroup()
        for r, (title, k) in enumerate(zip(titles, self.regime_indices, strict=True)):
            U, alpha = self.path.network_at(k)
            beta = number(self.path.betas[k], 3, size=NUMBER_SIZE - 10)
            width = number(
                int(self.path.n_active[k]),
                0,
                size=NUMBER_SIZE - 6,
                color=palette.ACCENT,
            )
            self.exhibit(f"regime_beta_{r}", beta)
            self.exhibit(f"regime_width_{r}", width)
            beta_row = VGroup(
                MathTex(r"\beta =", font_size=MATH_SIZE - 12), beta
            ).arrange(RIGHT, buff=0.12)
            panels.add(self.make_regime_panel(title, U, alpha, beta_row, width))
        U, alpha = self.min_norm.network()
        width = number(
            self.min_norm.active.size, 0, size=NUMBER_SIZE - 6, color=palette.MIN_NORM
        )
        self.exhibit("regime_width_min_norm", width)
        limit = MathTex(r"\beta \to 0", font_size=MATH_SIZE - 12)
        panel = self.make_regime_panel(
            "vanishing β\nfits, min norm", U, alpha, VGroup(limit), width
        )
        panel.fit.set_color(palette.MIN_NORM)
        panels.add(panel)
        panels.arrange(RIGHT, buff=0.45, aligned_edge=UP).move_to([0, 0.2, 0])

        with self.beat(
            "Read as a table of regimes: large beta keeps one or two neurons and "
            "underfits. Medium beta keeps a few, which follow the shape but "
            "shrink it. Small beta keeps every neuron it needs and nearly "
            "interpolates."
        ):
            self.play(ReplacementTransform(self.heading, heading), run_time=0.8)
            for p in panels[:3]:
                self.play(FadeIn(p, shift=UP * 0.1), run_time=0.9)

        with self.beat(
            "As beta goes to zero, the solution tends to the minimum-norm network "
            "that fits the data exactly: the smallest weights among all "
            "interpolating networks."
        ):
            last = panels[3]
            self.play(
                *(FadeIn(m, shift=UP * 0.1) for m in last if m is not last[1]),
                FadeIn(last.plot, shift=UP * 0.1),
                run_time=1.0,
            )
            self.play(Create(last.fit), run_time=1.2)
        self.heading = heading
        self.panels = panels

    def show_min_norm_caveat(self) -> None:
        rows = VGroup(
            text(
                "least squares: gradient descent from zero finds the min-norm solution"
            ),
            text(
                "ReLU networks: only under conditions, such as a small initialization"
            ),
        ).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
        rows[0].set_color(palette.TRAIN)
        rows[1].set_color(palette.WARNING)
        if rows.width > 12.6:
            rows.scale_to_fit_width(12.6)
        rows.move_to([0, -2.95, 0])

        with self.beat(
            "Is that what gradient descent finds? For least squares, yes: started "
            "at zero, it converges to the minimum-norm solution. For ReLU "
            "networks only under conditions, such as a small, balanced start. No "
            "general theorem says so."
        ):
            self.play(FadeIn(rows[0], shift=UP * 0.1), run_time=0.8)
            self.play(FadeIn(rows[1], shift=UP * 0.1), run_time=0.8)

        self.play(
            FadeOut(self.panels), FadeOut(rows), FadeOut(self.heading), run_time=0.7
        )
