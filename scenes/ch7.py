"""Chapter 7: where many gradient-descent runs end, and the lecture in one picture."""

import numpy as np
from common import palette, plots
from common.fades import FadeIn, FadeOut
from common.lecture_scene import LectureScene
from common.widgets import paragraph, text
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arc,
    Arrow,
    Create,
    DashedLine,
    DashedVMobject,
    DecimalNumber,
    Dot,
    GrowFromEdge,
    MathTex,
    Rectangle,
    RoundedRectangle,
    VGroup,
    Write,
    linear,
)

from mathcore import convex, landscape, network, twoparam
from mathcore.scene_data_ch67 import (
    group_norms,
    min_norm_interpolant,
    tiny_landscape,
    tiny_showcase,
)

# Colours of the three groups of runs.  The chapter shows no errors and no
# convex blocks, so it borrows the colours of those roles.
GROUP_COLORS = {
    "small": palette.POSITIVE,
    "large": palette.TEST,
    "weight_decay": palette.ACCENT,
}
GROUP_NAMES = {
    "small": "small starts",
    "large": "large starts",
    "weight_decay": "large starts, weight decay",
}
BAR_NAMES = {"small": "small", "large": "large", "weight_decay": "decay"}

# The lecture's chain of ideas, one box per step, with the chapters it spans.
# Lines are broken by hand, because automatic wrapping splits hyphenated words.
CHAIN = (
    ("Ch. 0", "Many weight settings\nfit the same data"),
    ("Ch. 1–2", "Non-convex loss from\nrescaling, permutation\nand dead neurons"),
    ("Ch. 3", "Implicit bias: exact\nfor least squares,\nconditional for ReLU"),
    ("Ch. 4", "An exact convex\nprogram over\nactivation patterns"),
    ("Ch. 5", "Its group-lasso path\npicks the width"),
    ("Ch. 6", "The min-norm choice\namong exact fits gives\ndouble descent"),
)

# Authors with venue and year, then the title.
REFERENCES = (
    (
        "M. Pilanci, T. Ergen (ICML 2020)",
        "Neural networks are convex regularizers",
    ),
    (
        "A. Mishkin, A. Sahiner, M. Pilanci (ICML 2022)",
        "Fast convex optimization for two-layer ReLU networks",
    ),
    (
        "Y. Wang, J. Lacotte, M. Pilanci (ICLR 2022)",
        "The hidden convex optimization landscape of regularized two-layer "
        "ReLU networks",
    ),
    (
        "S. S. Du, W. Hu, J. D. Lee (NeurIPS 2018)",
        "Algorithmic regularization in learning deep homogeneous models: "
        "layers are automatically balanced",
    ),
    (
        "M. Belkin, D. Hsu, S. Ma, S. Mandal (PNAS 2019)",
        "Reconciling modern machine-learning practice and the classical "
        "bias-variance trade-off",
    ),
)


def legend_row(color, label):
    """Return a coloured dot followed by its label."""
    dot = Dot(radius=0.08, color=color)
    words = text(label, size=palette.LABEL_SIZE, color=palette.FOREGROUND)
    return VGroup(dot, words).arrange(RIGHT, buff=0.2)


def word(number):
    """Return a small count as an English word for the narration."""
    words = {4: "four", 6: "six", 18: "eighteen", 50: "fifty"}
    return words.get(int(number), str(int(number)))


def chain_arrows(boxes):
    """Return an arrow from each box to the next, between their facing edges."""
    arrows = VGroup()
    for first, second in zip(boxes[:-1], boxes[1:], strict=True):
        direction = second[0].get_center() - first[0].get_center()
        if abs(direction[0]) > abs(direction[1]):
            side = RIGHT if direction[0] > 0 else LEFT
            start = first[0].get_edge_center(side)
            end = second[0].get_edge_center(-side)
        else:
            start = first[0].get_edge_center(DOWN)
            end = second[0].get_edge_center(UP)
        arrow = Arrow(
            start,
            end,
            buff=0.05,
            color=palette.MUTED,
            stroke_width=3,
            max_tip_length_to_length_ratio=0.3,
        )
        arrows.add(arrow)
    return arrows


class Showcase(LectureScene):
    """Many runs of gradient descent, their norms and functions, and the recap."""

    chapter_number = 7
    chapter_title = "Showcase"
    chapter_subtitle = "Where gradient descent lands, and the whole lecture at once"

    # The two-parameter landscape: heat-map ranges of a and b, and its runs.
    weight_range = (-0.3, 2.8)
    tiny_runs = 6
    tiny_decay = 0.2

    def construct(self):
        self.show_title(
            "The finale. We train the same network many times, from small starts, "
            "from large starts, and with weight decay, and ask where each run ends."
        )
        self.show_tiny_landscape()
        self.show_tiny_runs()
        self.show_tiny_weight_decay()
        self.clear_screen()
        self.show_network_norms()
        self.show_network_functions()
        self.clear_screen()
        self.show_chain()
        self.show_references()
        self.quiz(
            "Gradient descent runs many times on the same data, each time from "
            "small random weights. Where do the runs end?",
            [
                "At exactly the same weights every time.",
                "Near the balanced minimum-norm network, when they reach zero "
                "loss; large starts would not.",
                "At random points of the zero-loss set, with no preference.",
                "At the widest network that fits the data.",
            ],
            1,
            "Gradient flow keeps each neuron's imbalance fixed, so small starts end "
            "nearly balanced, close to the minimum norm. It is not a theorem: a run "
            "can also stall.",
        )

    # -- the two-parameter landscape ---------------------------------------------
    def make_tiny_axes(self):
        low, high = self.weight_range
        axes = plots.lecture_axes(
            x_range=(low, high, 1),
            y_range=(low, high, 1),
            x_length=5.8,
            y_length=5.8,
            x_label="output weight a",
            y_label="input weight b",
        )
        axes.move_to(LEFT * 3.1 + DOWN * 0.05)

        # The axes cross at the origin, inside the heat map, so the tick labels
        # and titles go outside its edges.
        ticks = VGroup()
        for value in (0, 1, 2):
            below = text(f"{value}", size=palette.LABEL_SIZE, color=palette.MUTED)
            beside = text(f"{value}", size=palette.LABEL_SIZE, color=palette.MUTED)
            ticks.add(below.next_to(axes.c2p(value, low), DOWN, buff=0.12))
            ticks.add(beside.next_to(axes.c2p(low, value), LEFT, buff=0.12))
        axes.labels[0].next_to(ticks, DOWN, buff=0.12).set_x(axes.get_center()[0])
        axes.labels[1].next_to(ticks, LEFT, buff=0.15).set_y(axes.get_center()[1])
        axes.ticks = ticks
        return axes

    def make_heat_map(self, weight_decay):
        grid = tiny_landscape(
            self.weight_range, self.weight_range, 161, weight_decay=weight_decay
        )
        # Rows of the grid follow b on the vertical axis, and columns follow a.
        image = plots.heatmap(self.tiny_axes, grid.excess, vmax=1.0)
        image.set_z_index(-1)
        return image

    def make_model_card(self):
        model = MathTex(r"f(x) = a \, \relu{b\,x}", font_size=palette.HEADING_SIZE)
        point = MathTex(
            r"\text{one data point } (x, y) = (1, 1)", font_size=palette.BODY_SIZE
        )
        objective = MathTex(
            r"L = \tfrac12 \big(a\,(b)_+ - 1\big)^2", font_size=palette.BODY_SIZE + 4
        )
        card = VGroup(model, point, objective).arrange(DOWN, buff=0.3)
        card.move_to(RIGHT * 3.7 + UP * 2.3)
        card.objective = objective
        return card

    def make_valley(self):
        axes = self.tiny_axes
        high = self.weight_range[1]
        valley = twoparam.zero_loss_curve(1.0 / high, high, 200)
        line = plots.polyline(
            axes, valley[:, 0], valley[:, 1], color=palette.VALLEY, stroke_width=5
        )

        # The quarter circle through the least-norm point touches the valley
        # there: every other zero-loss point lies outside it.
        origin = axes.c2p(0, 0)
        best_point = axes.c2p(*twoparam.min_norm_point())
        arc = Arc(
            radius=float(np.linalg.norm(best_point - origin)),
            start_angle=0,
            angle=np.pi / 2,
            arc_center=origin,
            color=palette.MIN_NORM,
            stroke_width=3,
        )
        circle = DashedVMobject(arc, num_dashes=24)
        dot = Dot(best_point, radius=0.09, color=palette.MIN_NORM)
        label = MathTex(r"a = b = 1", font_size=palette.LABEL_SIZE + 4)
        label.set_color(palette.MIN_NORM)
        label.next_to(dot, DOWN + LEFT, buff=0.1).shift(LEFT * 0.25)

        notes = VGroup(
            legend_row(palette.VALLEY, "zero loss: a b = 1"),
            legend_row(palette.MIN_NORM, "its least-norm point"),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        notes.next_to(self.model_card, DOWN, buff=0.45)

        group = VGroup(line, circle, dot, label, notes)
        group.line, group.circle, group.dot = line, circle, dot
        group.label, group.notes = label, notes
        return group

    def show_tiny_landscape(self):
        self.tiny_axes = axes = self.make_tiny_axes()
        self.heat = self.make_heat_map(0.0)
        frame = Rectangle(
            width=self.heat.width, height=self.heat.height, stroke_color=palette.GRID
        ).move_to(self.heat)
        self.model_card = card = self.make_model_card()
        with self.beat(
            "Start with the smallest case that shows everything: a single neuron, "
            "f of x equals a times the positive part of b x, fitted to one data "
            "point. Bright means high loss."
        ):
            self.play(FadeIn(card[:2], shift=DOWN * 0.2))
            self.play(
                FadeIn(self.heat),
                Create(frame),
                FadeIn(axes),
                FadeIn(axes.ticks),
                FadeIn(axes.labels),
                Write(card.objective),
            )

        self.valley = valley = self.make_valley()
        with self.beat(
            "The dark valley is the zero-loss set, the hyperbola a b equals one. "
            "The point of it closest to the origin, a equals b equals one, is the "
            "minimum-norm solution."
        ):
            self.play(Create(valley.line), FadeIn(valley.notes[0]), run_time=1.5)
            self.play(Create(valley.circle), run_time=1.2)
            self.play(
                FadeIn(valley.dot, scale=0.5),
                FadeIn(valley.label),
                FadeIn(valley.notes[1]),
            )

    def make_paths(self, runs):
        axes = self.tiny_axes
        starts, paths, ends = VGroup(), VGroup(), VGroup()
        for run in runs:
            color = GROUP_COLORS[run.group]
            path = plots.polyline(
                axes, run.path[:, 0], run.path[:, 1], color=color, stroke_width=3
            )
            paths.add(path)
            starts.add(Dot(axes.c2p(*run.path[0]), radius=0.05, color=color))
            ends.add(Dot(axes.c2p(*run.end), radius=0.07, color=color))
        group = VGroup(starts, paths, ends)
        group.starts, group.paths, group.ends = starts, paths, ends
        return group

    def play_runs(self, runs, legend):
        """Show the starts and legend, draw the paths, then mark the ends."""
        self.play(FadeIn(legend), FadeIn(runs.starts))
        self.play(Create(runs.paths, lag_ratio=0.1), run_time=3.0, rate_func=linear)
        self.play(FadeIn(runs.ends))

    def show_tiny_runs(self):
        self.tiny = tiny_showcase(n_runs=self.tiny_runs, weight_decay=self.tiny_decay)
        small = [run for run in self.tiny if run.group == "small"]
        large = [run for run in self.tiny if run.group == "large"]
        legend = VGroup(
            legend_row(GROUP_COLORS["small"], GROUP_NAMES["small"]),
            legend_row(GROUP_COLORS["large"], GROUP_NAMES["large"]),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.15)
        legend.next_to(self.valley.notes, DOWN, buff=0.4, aligned_edge=LEFT)
        self.legend = legend

        self.small_runs = self.make_paths(small)
        with self.beat(
            f"{word(len(small)).capitalize()} runs from small random starts. Each "
            "run keeps b squared minus a squared almost fixed. A small start has "
            "almost none, so every run ends at the minimum-norm point."
        ):
            self.play_runs(self.small_runs, legend[0])

        self.large_runs = self.make_paths(large)
        with self.beat(
            "Now runs from large starts. They reach zero loss too, but each keeps "
            "its own imbalance, so they land all along the valley, farther from "
            "the origin."
        ):
            self.play_runs(self.large_runs, legend[1])

    def make_decay_readout(self, run):
        end_a = DecimalNumber(run.end[0], num_decimal_places=3, font_size=30)
        end_b = DecimalNumber(run.end[1], num_decimal_places=3, font_size=30)
        self.exhibit("decay_end_a", end_a)
        self.exhibit("decay_end_b", end_b)
        readout = VGroup(
            MathTex("a =", font_size=palette.BODY_SIZE),
            end_a,
            MathTex(r",\; b =", font_size=palette.BODY_SIZE),
            end_b,
        ).arrange(RIGHT, buff=0.12)
        readout.set_color(GROUP_COLORS["weight_decay"])
        decay = MathTex(rf"\lambda = {run.weight_decay:g}", font_size=palette.BODY_SIZE)
        return VGroup(readout, decay).arrange(DOWN, aligned_edge=LEFT, buff=0.2)

    def show_tiny_weight_decay(self):
        decayed = [run for run in self.tiny if run.group == "weight_decay"]
        heat = self.make_heat_map(self.tiny_decay)
        objective = MathTex(
            r"L = \tfrac12 \big(a\,(b)_+ - 1\big)^2 + \tfrac{\lambda}{2}(a^2 + b^2)",
            font_size=palette.BODY_SIZE + 4,
        )
        objective.move_to(self.model_card.objective)
        with self.beat(
            f"Now add weight decay, with lambda equal to {self.tiny_decay:g}. The "
            "landscape changes: instead of a flat valley, there is one lowest "
            "point."
        ):
            self.play(
                FadeOut(self.small_runs),
                FadeOut(self.large_runs),
                self.legend.animate.set_opacity(0.35),
                FadeOut(self.valley.circle),
                FadeOut(self.valley.label),
                FadeOut(self.valley.dot),
                run_time=0.8,
            )
            self.play(
                FadeIn(heat),
                FadeOut(self.heat),
                self.model_card.objective.animate.become(objective),
                run_time=1.5,
            )
        self.heat = heat

        runs = self.make_paths(decayed)
        legend = legend_row(GROUP_COLORS["weight_decay"], GROUP_NAMES["weight_decay"])
        legend.next_to(self.legend, DOWN, buff=0.15, aligned_edge=LEFT)
        readout = self.make_decay_readout(decayed[0])
        readout.next_to(legend, DOWN, buff=0.3, aligned_edge=LEFT)
        with self.beat(
            "From the same large starts, every run now ends at one point, with a "
            "equal to b, just inside the valley. Weight decay gives up a little "
            "fit for a smaller, balanced solution."
        ):
            self.play_runs(runs, legend)
            self.play(FadeIn(readout))

    # -- a network of width 50 ----------------------------------------------
    def make_bar_axes(self, per_group):
        axes = plots.lecture_axes(
            x_range=(0, 3 * per_group + 3, 1),
            y_range=(0, 12, 4),
            x_length=5.8,
            y_length=4.4,
        )
        axes.move_to(LEFT * 3.35 + DOWN * 0.45)
        # The vertical axis is the Euclidean norm of all weights.
        title = MathTex(r"\lVert \theta \rVert_2", font_size=palette.BODY_SIZE)
        title.set_color(palette.MUTED).next_to(axes.y_axis, UP, buff=0.15)
        ticks = VGroup()
        for value in (0, 4, 8, 12):
            label = text(f"{value}", size=palette.LABEL_SIZE, color=palette.MUTED)
            ticks.add(label.next_to(axes.c2p(0, value), LEFT, buff=0.15))
        axes.title, axes.ticks = title, ticks
        return axes

    def make_group_bars(self, axes, index, summary):
        """Return one bar per run of a group, in slots after ``index`` groups."""
        per_group = len(summary.norms)
        # Runs without weight decay that stop short of zero loss are faded.
        # Weight decay never aims at zero loss, so its bars stay solid.
        stalled = ~summary.interpolates & (summary.group != "weight_decay")
        bars = VGroup()
        for r, norm in enumerate(summary.norms):
            slot = 1 + index * (per_group + 1) + r
            bar = Rectangle(
                width=axes.x_length / (3 * per_group + 3) * 0.7,
                height=float(axes.c2p(0, norm)[1] - axes.c2p(0, 0)[1]),
                stroke_width=0,
                fill_color=GROUP_COLORS[summary.group],
                fill_opacity=0.35 if stalled[r] else 0.9,
            )
            bars.add(bar.move_to(axes.c2p(slot, 0), aligned_edge=DOWN))
        return bars

    def make_norm_range(self, summary, bars, floor):
        """Return the group's smallest and largest norm above its bars."""
        low = DecimalNumber(summary.low, num_decimal_places=2, font_size=24)
        high = DecimalNumber(summary.high, num_decimal_places=2, font_size=24)
        if round(summary.low, 2) == round(summary.high, 2):
            # Runs that agree to the digits shown get one number.
            high = low
            span = VGroup(low)
        else:
            span = VGroup(low, MathTex("\\text{--}", font_size=24), high)
        self.exhibit(f"norm_low_{summary.group}", low)
        self.exhibit(f"norm_high_{summary.group}", high)
        span.arrange(RIGHT, buff=0.06).set_color(GROUP_COLORS[summary.group])
        span.next_to(bars, UP, buff=0.15)
        # Every range stays clear of the dashed reference line at ``floor``.
        span.set_y(max(span.get_y(), floor + 0.3))
        return span

    def make_reference(self, axes, smallest, heading):
        line = DashedLine(
            axes.c2p(axes.x_range[0], smallest.norm),
            axes.c2p(axes.x_range[1], smallest.norm),
            color=palette.MIN_NORM,
            dash_length=0.12,
        )
        value = DecimalNumber(smallest.norm, num_decimal_places=2, font_size=28)
        value.set_color(palette.MIN_NORM)
        self.exhibit("min_norm_interpolant", value)
        swatch = DashedLine(
            LEFT * 0.3, RIGHT * 0.3, color=palette.MIN_NORM, dash_length=0.12
        )
        words = text(
            "least-norm interpolant", size=palette.LABEL_SIZE, color=palette.MIN_NORM
        )
        row = VGroup(swatch, words, value).arrange(RIGHT, buff=0.15)
        row.next_to(heading, DOWN, buff=0.25).set_x(axes.get_center()[0])
        return line, row

    def show_network_norms(self):
        self.showcase = showcase = landscape.showcase_runs()
        self.smallest = smallest = min_norm_interpolant(showcase.x, showcase.y)
        summaries = group_norms(showcase)
        per_group = len(summaries[0].norms)
        heading = text(
            f"width {showcase.m}, the lecture's {len(showcase.x)} points, "
            f"{per_group} runs per group",
            size=palette.LABEL_SIZE + 2,
            color=palette.MUTED,
        )
        self.heading = heading.to_edge(UP, buff=0.25)

        axes = self.make_bar_axes(per_group)
        floor = float(axes.c2p(0, smallest.norm)[1])
        self.bars, self.ranges, names = VGroup(), VGroup(), VGroup()
        for index, summary in enumerate(summaries):
            bars = self.make_group_bars(axes, index, summary)
            name = text(BAR_NAMES[summary.group], size=palette.LABEL_SIZE)
            name.set_color(GROUP_COLORS[summary.group]).next_to(bars, DOWN, buff=0.15)
            self.bars.add(bars)
            names.add(name)
            self.ranges.add(self.make_norm_range(summary, bars, floor))
        reference, reference_row = self.make_reference(axes, smallest, heading)

        with self.beat(
            f"Now a real network of width {word(showcase.m)}, on the lecture's "
            f"{word(len(showcase.x))} points. Its landscape is too big to draw, but "
            f"we can measure where {word(len(showcase.runs))} runs end."
        ):
            self.play(FadeIn(heading, shift=DOWN * 0.1))
            self.play(
                Create(axes), FadeIn(axes.title), FadeIn(axes.ticks), FadeIn(names)
            )
        with self.beat(
            "Small starts end with norms just above the smallest network that "
            "fits the data, which the convex program computes exactly."
        ):
            self.play(Create(reference), FadeIn(reference_row))
            self.play(
                *(GrowFromEdge(bar, DOWN) for bar in self.bars[0]),
                FadeIn(self.ranges[0]),
            )
        with self.beat(
            "Large starts fit the data too, with more than twice that norm."
        ):
            self.play(
                *(GrowFromEdge(bar, DOWN) for bar in self.bars[1]),
                FadeIn(self.ranges[1]),
            )

    def make_function_panel(self):
        showcase, smallest = self.showcase, self.smallest
        axes = plots.lecture_axes(
            x_range=(-2.2, 2.2, 1), y_range=(-1.5, 3.0, 1), x_length=5.6, y_length=4.4
        )
        axes.move_to(RIGHT * 3.75 + DOWN * 0.45)
        dots = plots.data_dots(axes, showcase.x, showcase.y)
        reference = plots.network_graph(
            axes, smallest.U, smallest.alpha, color=palette.MIN_NORM, stroke_width=9
        )
        curves = {}
        for name in landscape.SHOWCASE_GROUPS:
            curves[name] = VGroup(
                *(
                    plots.network_graph(
                        axes,
                        run.U,
                        run.alpha,
                        color=GROUP_COLORS[name],
                        stroke_width=2.5,
                    )
                    for run in showcase.group(name)
                )
            )
        panel = VGroup(axes, dots, reference, *curves.values())
        panel.axes, panel.dots, panel.reference, panel.curves = (
            axes,
            dots,
            reference,
            curves,
        )
        return panel

    def make_decay_comparison(self, center_x):
        """Return the weight-decay runs' objective above the convex optimum."""
        showcase = self.showcase
        run = showcase.group("weight_decay")[0]
        optimum = convex.solve(network.add_bias(showcase.x), showcase.y, run.beta)
        objective = DecimalNumber(run.objective[-1], num_decimal_places=4, font_size=24)
        best = DecimalNumber(optimum.objective, num_decimal_places=4, font_size=24)
        self.exhibit("decay_objective", objective)
        self.exhibit("convex_optimum", best)
        rows = VGroup(
            VGroup(text("weight decay objective", size=palette.LABEL_SIZE), objective),
            VGroup(text("convex optimum", size=palette.LABEL_SIZE), best),
        )
        for row in rows:
            row.arrange(RIGHT, buff=0.15)
        rows.arrange(DOWN, aligned_edge=RIGHT, buff=0.12).set_color(palette.ACCENT)
        rows.next_to(self.heading, DOWN, buff=0.2).set_x(center_x)
        return rows

    def make_caveat(self):
        stalled = [
            run
            for run in self.showcase.runs
            if not run.interpolates and run.group != "weight_decay"
        ]
        fit = DecimalNumber(stalled[0].fit, num_decimal_places=3, font_size=24)
        self.exhibit("stalled_fit", fit)
        words = text(
            "faded bars: runs that stopped at loss",
            size=palette.LABEL_SIZE,
            color=palette.MUTED,
        )
        caveat = VGroup(words, fit.set_color(palette.MUTED)).arrange(RIGHT, buff=0.15)
        return caveat.to_edge(DOWN, buff=0.2)

    def show_network_functions(self):
        panel = self.make_function_panel()
        with self.beat(
            "The functions tell the same story. Small starts end close to the "
            "minimum-norm interpolant, drawn wide in yellow. Large starts bend "
            "their own ways between the points."
        ):
            self.play(Create(panel.axes), FadeIn(panel.dots))
            self.play(Create(panel.reference), run_time=1.2)
            self.play(Create(panel.curves["small"]), run_time=1.5)
            self.play(Create(panel.curves["large"]), run_time=1.5)

        comparison = self.make_decay_comparison(panel.axes.get_center()[0])
        decayed = self.showcase.group("weight_decay")
        with self.beat(
            f"With weight decay beta equal to {decayed[0].beta:g}, all "
            f"{word(len(decayed))} runs reach the same network. Its objective "
            "equals the optimum of the convex program, and its curve passes near "
            "the points, not through them."
        ):
            self.play(
                *(GrowFromEdge(bar, DOWN) for bar in self.bars[2]),
                FadeIn(self.ranges[2]),
            )
            self.play(Create(panel.curves["weight_decay"]), FadeIn(comparison))

        caveat = self.make_caveat()
        with self.beat(
            "One caveat. One seed stalls at a small positive loss, from small and "
            "large starts alike. Gradient descent has no guarantee here."
        ):
            self.play(FadeIn(caveat, shift=UP * 0.1))

    # -- the lecture in one picture ------------------------------------------
    def make_chain(self):
        bodies = [
            text(claim, size=palette.LABEL_SIZE, color=palette.FOREGROUND)
            for _, claim in CHAIN
        ]
        tallest = max(body.height for body in bodies)
        widest = max(body.width for body in bodies)
        boxes = VGroup()
        for (chapter, _), body in zip(CHAIN, bodies, strict=True):
            tag = text(chapter, size=palette.LABEL_SIZE, color=palette.ACCENT)
            frame = RoundedRectangle(
                corner_radius=0.15,
                width=widest + 0.4,
                height=tallest + tag.height + 0.65,
                stroke_color=palette.GRID,
                stroke_width=2,
            )
            tag.align_to(frame, UP + LEFT).shift(RIGHT * 0.2 + DOWN * 0.2)
            body.next_to(tag, DOWN, buff=0.15, aligned_edge=LEFT)
            boxes.add(VGroup(frame, tag, body))

        # Row one reads left to right, row two right to left, so every arrow
        # is short.
        top = VGroup(*boxes[:3]).arrange(RIGHT, buff=0.45)
        bottom = VGroup(*boxes[3:][::-1]).arrange(RIGHT, buff=0.45)
        VGroup(top, bottom).arrange(DOWN, buff=0.7).move_to(DOWN * 0.35)
        arrows = chain_arrows(boxes)
        chain = VGroup(boxes, arrows)
        chain.boxes, chain.arrows = boxes, arrows
        return chain

    def show_chain(self):
        chain = self.make_chain()
        heading = text("The lecture in one picture", size=palette.HEADING_SIZE)
        heading.to_edge(UP, buff=0.35)
        boxes, arrows = chain.boxes, chain.arrows
        with self.beat(
            "The whole lecture in one picture. A network has many weight settings "
            "that fit, and its loss is non-convex, through rescaling, permutation "
            "and dead neurons."
        ):
            self.play(FadeIn(heading, shift=DOWN * 0.1))
            self.play(FadeIn(boxes[0], shift=RIGHT * 0.1))
            self.play(Create(arrows[0]), FadeIn(boxes[1], shift=RIGHT * 0.1))
        with self.beat(
            "Gradient descent prefers small norm: exactly for least squares, and "
            "for ReLU networks only from small starts. Minimum-norm training is an "
            "exact convex program over activation patterns."
        ):
            self.play(Create(arrows[1]), FadeIn(boxes[2], shift=RIGHT * 0.1))
            self.play(Create(arrows[2]), FadeIn(boxes[3], shift=DOWN * 0.1))
        with self.beat(
            "Its group-lasso path chooses how many neurons to use, and "
            "minimum-norm interpolation explains double descent."
        ):
            self.play(Create(arrows[3]), FadeIn(boxes[4], shift=LEFT * 0.1))
            self.play(Create(arrows[4]), FadeIn(boxes[5], shift=LEFT * 0.1))
        self.play(FadeOut(chain), FadeOut(heading), run_time=0.6)

    def show_references(self):
        heading = text("References", size=palette.HEADING_SIZE, weight="BOLD")
        entries = VGroup()
        for authors, title in REFERENCES:
            entry = VGroup(
                text(authors, size=palette.LABEL_SIZE),
                paragraph(
                    title, size=palette.LABEL_SIZE, color=palette.MUTED, max_width=12.4
                ),
            ).arrange(DOWN, aligned_edge=LEFT, buff=0.08)
            entries.add(entry)
        entries.arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        card = VGroup(heading, entries).arrange(DOWN, buff=0.4)
        if card.height > 7.4:
            card.scale_to_fit_height(7.4)
        with self.beat(
            "These are the papers behind the lecture: the convex programs, "
            "the landscape of their solutions, the balance that gradient descent "
            "keeps, and double descent."
        ):
            self.play(FadeIn(heading, shift=DOWN * 0.1))
            self.play(
                *(FadeIn(entry, shift=UP * 0.1) for entry in entries),
                lag_ratio=0.3,
                run_time=2.5,
            )
        self.play(FadeOut(card), run_time=0.6)
