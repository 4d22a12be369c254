"""Chapter 4: the exact convex program hidden in two-layer ReLU training."""

from __future__ import annotations

import numpy as np
from common import palette, plots
from common.convex_figures import (
    MATH_SIZE,
    NUMBER_SIZE,
    block_bars,
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
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Arrow,
    Create,
    DashedLine,
    Dot,
    GrowFromEdge,
    Indicate,
    IntegerMatrix,
    Line,
    MathTex,
    ReplacementTransform,
    Sector,
    SurroundingRectangle,
    TransformFromCopy,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    linear,
)

from mathcore import convex, datasets, patterns
from mathcore import scene_data_ch45 as scene_data


class ConvexReformulation(LectureScene):
    """Activation patterns, Cover's bound, the exact program and its solution."""

    chapter_number = 4
    chapter_title = "Convex Reformulation"
    chapter_subtitle = "Fix the activation pattern, and training becomes convex"

    # Points in the plane for the rotating line.
    plane_n = 5
    plane_seed = 0
    # (n, d) cases of the pattern-count table: d = 2 uses plane points.
    count_cases = ((5, 2), (8, 3), (10, 3), (12, 4), (20, 2))
    count_samples = 1000
    # Gradient descent runs compared with the convex optimum: every run ends
    # at a stationary point (gradient norm below 1e-6) with these settings.
    gd_seeds = tuple(range(8))
    gd_width = 16
    gd_init_scale = 0.5
    gd_step = 0.02
    gd_steps = 20_000
    gd_plot_points = 160
    # Seconds for the line to turn once around.
    turn_time = 12.0

    def construct(self):
        self.load_results()
        self.show_title(
            "Training a ReLU network with weight decay is non-convex, yet it has "
            "an exact convex twin."
        )
        self.show_points_and_line()
        self.show_rotation()
        self.show_pattern_total()
        self.show_cover_table()
        self.show_why_patterns()
        self.show_program_terms()
        self.show_gated_relaxation()
        self.show_solution_blocks()
        self.show_recovered_neurons()
        self.show_gradient_descent()

        self.show_summary(
            "In short: list the patterns, give each a block per sign, and solve. "
            "The nonzero blocks are the neurons.",
            [
                "A pattern: the points where one neuron is active.",
                "Their number is polynomial in n for fixed rank.",
                "On a fixed pattern the ReLU is linear, and norms are convex.",
                "The convex optimum is the best training objective.",
            ],
        )
        self.quiz(
            "How does the convex reformulation turn ReLU training into a convex "
            "problem?",
            [
                "It replaces the ReLU with a smooth convex activation.",
                "It enumerates activation patterns: with the pattern fixed, the "
                "output is linear in the weights, and a sum of norms is convex.",
                "It trains many networks and keeps the one with the lowest loss.",
                "It drops the weight decay, which was the non-convex part.",
            ],
            1,
            "On a fixed pattern the ReLU is a 0/1 diagonal matrix, and rescaled "
            "weight decay is a sum of block norms.",
        )

    # -- results ---------------------------------------------------------------
    def load_results(self) -> None:
        """Compute every number the chapter shows, once, with mathcore."""
        self.plane = datasets.plane_points(self.plane_n, self.plane_seed)
        self.plane_patterns = patterns.enumerate_patterns_2d(self.plane.x)
        self.counts = scene_data.pattern_counts(
            list(self.count_cases), n_samples=self.count_samples
        )
        self.data = datasets.lecture_1d()
        X, y = self.data.X, self.data.y
        self.relu_min_norm = convex.solve(X, y, 0.0)
        self.gated_min_norm = convex.solve(X, y, 0.0, gated=True)
        self.solution = convex.solve(X, y, self.data.beta)
        self.network = self.solution.network()
        self.runs = scene_data.train_from_seeds(
            X,
            y,
            self.data.beta,
            self.gd_width,
            self.gd_init_scale,
            self.gd_step,
            self.gd_steps,
            seeds=self.gd_seeds,
            record_every=1,
        )
        self.at_optimum = scene_data.runs_at_optimum(
            self.runs.final_objective, self.solution.objective, decimals=4
        )

    # -- activation patterns in the plane ---------------------------------------
    def make_plane(self) -> VGroup:
        """Return the plane's axes, the points and their index labels."""
        axes = plots.lecture_axes(
            (-2.75, 2.75, 1), (-2.75, 2.75, 1), x_length=5.5, y_length=5.5
        )
        axes.move_to([-3.9, -0.4, 0])
        points = self.plane.x
        dots = VGroup(
            *(
                Dot(
                    axes.c2p(*p),
                    radius=0.12,
                    color=palette.DATA,
                    stroke_color=palette.DATA,
                    stroke_width=3,
                )
                for p in points
            )
        )
        labels = VGroup()
        for index, p in enumerate(points):
            outward = p / np.linalg.norm(p)
            label = text(str(index + 1), size=palette.LABEL_SIZE, color=palette.MUTED)
            label.move_to(axes.c2p(*(p + 0.38 * outward)))
            labels.add(label)
        origin = Dot(axes.c2p(0, 0), radius=0.05, color=palette.MUTED)
        group = VGroup(axes, origin, dots, labels)
        group.axes, group.dots, group.labels, group.origin = axes, dots, labels, origin

        return group

    def make_divider(self, axes, angle: ValueTracker) -> VGroup:
        """Return the line through the origin, the active half-disc and g."""
        radius = 2.65
        unit = axes.x_axis.get_unit_size()
        center = axes.c2p(0, 0)

        def heading() -> np.ndarray:
            theta = angle.get_value()
            return np.array([np.cos(theta), np.sin(theta), 0.0])

        def line():
            theta = angle.get_value()
            along = np.array([-np.sin(theta), np.cos(theta), 0.0]) * radius * unit
            return Line(center - along, center + along, color=palette.FOREGROUND)

        def half_disc():
            return Sector(
                radius=radius * unit,
                angle=PI,
                start_angle=angle.get_value() - PI / 2,
                arc_center=center,
                fill_color=palette.ACCENT,
                fill_opacity=0.16,
            )

        def arrow():
            return Arrow(
                center,
                center + 1.1 * unit * heading(),
                buff=0,
                color=palette.ACCENT,
                stroke_width=5,
                max_tip_length_to_length_ratio=0.25,
            )

        label = MathTex("g", font_size=MATH_SIZE, color=palette.ACCENT)
        label.add_updater(lambda m: m.move_to(center + 1.5 * unit * heading()))

        return VGroup(
            always_redraw(half_disc), always_redraw(line), always_redraw(arrow), label
        )

    def current_pattern(self, angle: ValueTracker) -> np.ndarray:
        """Return the pattern of the arc that contains the tracked angle."""
        index = scene_data.arc_index(self.plane_patterns.arcs, angle.get_value())

        return self.plane_patterns.patterns[index]

    def make_diagonal(self, angle: ValueTracker) -> VGroup:
        """Return D as an n x n matrix whose diagonal follows the pattern."""
        n = self.plane_n
        matrix = IntegerMatrix(
            np.zeros((n, n), dtype=int),
            v_buff=0.58,
            h_buff=0.62,
            element_to_mobject_config={"font_size": NUMBER_SIZE - 4},
        )
        entries = matrix.get_entries()
        diagonal = [entries[i * n + i] for i in range(n)]
        for k, entry in enumerate(entries):
            if k % (n + 1) != 0:
                entry.set_color(palette.GRID)
        name = MathTex("D", "=", font_size=MATH_SIZE + 4)
        name.next_to(matrix, LEFT, buff=0.25)
        group = VGroup(name, matrix)
        group.move_to([1.35, 0.0, 0])
        caption = MathTex(
            r"D = \operatorname{diag}\big(1[Xg \ge 0]\big)", font_size=MATH_SIZE
        )
        caption.next_to(group, UP, buff=0.4)

        def follow(_):
            for entry, active in zip(
                diagonal, self.current_pattern(angle), strict=True
            ):
                value = int(active)
                if entry.get_value() != value:
                    entry.set_value(value)
                entry.set_color(palette.DATA if value else palette.MUTED)

        follow(None)
        matrix.add_updater(follow)
        whole = VGroup(caption, group)
        whole.caption, whole.matrix, whole.body = caption, matrix, group

        return whole

    def make_catalogue(self, angle: ValueTracker, start: float) -> VGroup:
        """Return the growing list of patterns found, one row of dots per pattern."""
        n, total = self.plane_n, len(self.plane_patterns)
        first = scene_data.arc_index(self.plane_patterns.arcs, start)
        spacing_x, spacing_y = 0.38, 0.31
        header = VGroup(
            *(
                text(str(i + 1), size=palette.LABEL_SIZE, color=palette.MUTED)
                for i in range(n)
            )
        )
        for i, label in enumerate(header):
            label.move_to([i * spacing_x, 0, 0])
        rows = VGroup()
        for r in range(total):
            pattern = self.plane_patterns.patterns[(first + r) % total]
            row = VGroup(
                *(
                    Dot(
                        [i * spacing_x, -(r + 1) * spacing_y - 0.1, 0],
                        radius=0.08,
                        color=palette.DATA,
                        fill_opacity=float(active),
                        stroke_color=palette.DATA,
                        stroke_width=2,
                    )
                    for i, active in enumerate(pattern)
                )
            )
            row.pattern = pattern
            rows.add(row)
        counter = number(1, decimals=0, color=palette.ACCENT)
        count_row = labelled_value("found", counter)
        body = VGroup(header, rows)
        count_row.next_to(body, UP, buff=0.35)
        group = VGroup(count_row, body)
        group.move_to([5.6, -0.2, 0])

        def follow(_):
            found = scene_data.patterns_found(
                self.plane_patterns.arcs, start, max(angle.get_value(), start)
            )
            # Rows change only when the count does, so other frames skip them.
            if counter.get_value() == found and rows.drawn:
                return
            rows.drawn = True
            counter.set_value(found)
            counter.set_color(palette.ACCENT)
            for r, row in enumerate(rows):
                opacity = 1.0 if r < found else 0.0
                for dot, active in zip(row, row.pattern, strict=True):
                    dot.set_fill(opacity=opacity * float(active))
                    dot.set_stroke(opacity=opacity)

        rows.drawn = False
        follow(None)
        rows.add_updater(follow)
        group.counter, group.rows, group.header = counter, rows, header

        return group

    def follow_dots(self) -> None:
        """Fill the active points and hollow the silent ones as the line turns."""
        dots = self.plane_group.dots

        def follow(group):
            pattern = self.current_pattern(self.angle)
            for dot, active in zip(group, pattern, strict=True):
                dot.set_fill(palette.DATA, opacity=1.0 if active else 0.0)

        follow(dots)
        dots.add_updater(follow)

    def show_points_and_line(self) -> None:
        self.start_angle = float(np.mean(self.plane_patterns.arcs[0]))
        self.angle = ValueTracker(self.start_angle)
        self.heading = section_heading("Activation patterns")
        self.plane_group = self.make_plane()
        self.divider = self.make_divider(self.plane_group.axes, self.angle)

        with self.beat(
            f"Take {self.plane_n} points in the plane. A neuron with weight g is "
            "active where x transpose g is nonnegative: one side of a line through "
            "the origin."
        ):
            self.play(
                FadeIn(self.heading),
                Create(self.plane_group.axes),
                FadeIn(self.plane_group.origin),
                run_time=1.0,
            )
            self.play(
                FadeIn(self.plane_group.dots, lag_ratio=0.2),
                FadeIn(self.plane_group.labels),
                run_time=1.2,
            )
            self.play(FadeIn(self.divider), run_time=1.0)
            self.follow_dots()
        self.diagonal = self.make_diagonal(self.angle)

        with self.beat(
            "The set of active points is the activation pattern: a diagonal "
            "matrix D of ones and zeros."
        ):
            self.play(Write(self.diagonal.caption), run_time=1.2)
            self.play(FadeIn(self.diagonal.body), run_time=1.0)

    def show_rotation(self) -> None:
        self.catalogue = self.make_catalogue(self.angle, self.start_angle)
        self.exhibit("pattern_count", self.catalogue.counter)
        end = self.start_angle + 2 * PI - 1e-6

        with self.beat(
            "Turn g once around. The pattern changes only when the line crosses "
            "a point, and each crossing brings a new pattern. Every point is "
            "crossed twice: once switching on, once switching off."
        ):
            self.play(FadeIn(self.catalogue), run_time=0.8)
            self.play(sweep(self.angle, end, run_time=self.turn_time, rate_func=linear))

    def show_pattern_total(self) -> None:
        row = self.counts[0]
        total = number(row.exact, decimals=0, color=palette.ACCENT)
        subsets = number(row.subsets, decimals=0, color=palette.MUTED)
        self.exhibit("pattern_total", total)
        self.exhibit("pattern_subsets", subsets)
        first = VGroup(MathTex("P", "=", "2n", "=", font_size=MATH_SIZE), total)
        second = VGroup(
            text("of", color=palette.MUTED),
            MathTex("2^n", "=", font_size=MATH_SIZE, color=palette.MUTED),
            subsets,
            text("subsets", color=palette.MUTED),
        )
        for part in (first, second):
            part.arrange(RIGHT, buff=0.2)
        line = VGroup(first, second).arrange(DOWN, buff=0.25)
        line.next_to(self.diagonal, DOWN, buff=0.4)

        with self.beat(
            "So points in general position in the plane give exactly two n "
            f"patterns: {row.exact} here, out of {row.subsets} subsets."
        ):
            self.play(FadeIn(line, shift=UP * 0.2), run_time=1.0)
            self.play(Indicate(self.catalogue.counter, color=palette.ACCENT))
        self.plane_group.dots.clear_updaters()
        self.diagonal.matrix.clear_updaters()
        self.catalogue.rows.clear_updaters()

        self.play(
            *(
                FadeOut(m)
                for m in (
                    self.plane_group,
                    self.divider,
                    self.diagonal,
                    self.catalogue,
                    line,
                )
            ),
            run_time=0.7,
        )

    # -- Cover's bound ------------------------------------------------------------
    def make_count_table(self) -> VGroup:
        """Return the table of exact counts, Cover's bound, sampled counts and 2^n."""
        headers = ["n", "rank r", "patterns", "Cover's bound", "1000 random g", "2ⁿ"]
        columns_x = [-5.9, -4.6, -2.9, -0.45, 2.45, 5.35]
        header_row = VGroup()
        for label, x in zip(headers, columns_x, strict=True):
            cell = text(label, size=palette.LABEL_SIZE + 2, color=palette.MUTED)
            header_row.add(cell.move_to([x, 0, 0]))
        rule = Line([-6.4, -0.35, 0], [6.4, -0.35, 0], color=palette.GRID)
        rows = VGroup()
        for r, count in enumerate(self.counts):
            values = [
                (count.n, palette.FOREGROUND),
                (count.rank, palette.FOREGROUND),
                (count.exact, palette.DATA),
                (count.bound, palette.MIN_NORM),
                (count.sampled, palette.TEST),
                (count.subsets, palette.MUTED),
            ]
            row = VGroup()
            for (value, color), x in zip(values, columns_x, strict=True):
                cell = number(value, decimals=0, size=NUMBER_SIZE - 4, color=color)
                row.add(cell.move_to([x, -0.9 - 0.62 * r, 0]))
            rows.add(row)
        table = VGroup(header_row, rule, rows)
        table.header, table.rule, table.rows = header_row, rule, rows

        return table

    def show_cover_table(self) -> None:
        heading = section_heading("Cover's bound")
        formula = MathTex(
            r"P \;\le\; 2\sum_{k=0}^{r-1} \binom{n-1}{k}", font_size=MATH_SIZE + 6
        ).move_to([0, 2.2, 0])
        table = self.make_count_table().move_to([0, -1.2, 0])

        for r, row in enumerate(table.rows):
            self.exhibit(f"count_exact_{r}", row[2])
            self.exhibit(f"count_bound_{r}", row[3])
            self.exhibit(f"count_sampled_{r}", row[4])
            self.exhibit(f"count_subsets_{r}", row[5])

        with self.beat(
            "In higher dimensions, Cover's bound caps the count for n points of "
            "rank r, and points in general position reach it."
        ):
            self.play(
                ReplacementTransform(self.heading, heading),
                Write(formula),
                run_time=1.5,
            )
            self.play(FadeIn(table.header), Create(table.rule), run_time=0.8)
            self.play(FadeIn(table.rows, shift=UP * 0.1, lag_ratio=0.15), run_time=2.0)
        subsets = VGroup(table.header[5], *(row[5] for row in table.rows))
        sampled = VGroup(table.header[4], *(row[4] for row in table.rows))
        box = SurroundingRectangle(sampled, color=palette.TEST, buff=0.12)

        with self.beat(
            "For fixed rank that is polynomial in n, not two to the n. From rank "
            "three on, random directions miss many."
        ):
            self.play(Indicate(subsets, color=palette.WARNING), run_time=1.5)
            self.play(Create(box), run_time=1.0)
        self.heading = heading

        self.play(FadeOut(formula), FadeOut(table), FadeOut(box), run_time=0.6)

    # -- the program, term by term ----------------------------------------------
    def show_why_patterns(self) -> None:
        heading = section_heading("Why a fixed pattern helps")
        lines = VGroup(
            MathTex(
                r"\relu{Xu} = D_i X u",
                r"\quad\text{when}\quad",
                r"(2D_i - I)\,X u \ge 0",
                font_size=MATH_SIZE + 2,
            ),
            MathTex(
                r"\alpha\,\relu{Xu} = \pm\, D_i X v,",
                r"\qquad v = |\alpha|\,u",
                font_size=MATH_SIZE + 2,
            ),
            MathTex(
                r"\tfrac{\beta}{2}\left(\|u\|^2 + \alpha^2\right)",
                r"\;\ge\; \beta\,\|u\|\,|\alpha| = \beta\,\|v\|",
                font_size=MATH_SIZE + 2,
            ),
        ).arrange(DOWN, buff=0.65)
        lines.move_to([0, 0.3, 0])
        note = text(
            "equality when the neuron is balanced: ‖u‖ = |α|", color=palette.MUTED
        ).next_to(lines, DOWN, buff=0.5)

        with self.beat(
            "Why patterns? Where pattern D i holds, the ReLU of X u is just D i "
            "times X u. With v equal to absolute alpha times u, the output is "
            "linear in v."
        ):
            self.play(ReplacementTransform(self.heading, heading), run_time=0.8)
            self.play(Write(lines[0]), run_time=1.5)
            self.play(Write(lines[1]), run_time=1.5)

        with self.beat(
            "Rescaling a neuron keeps its output, and the cheapest scaling "
            "balances it, so weight decay becomes beta times the norm of v."
        ):
            self.play(Write(lines[2]), run_time=1.5)
            self.play(FadeIn(note), run_time=0.8)
        self.heading = heading

        self.play(FadeOut(lines), FadeOut(note), run_time=0.6)

    def make_program(self) -> VGroup:
        """Return the exact program with its fit, penalty and constraint parts."""
        objective = MathTex(
            r"\min_{v_i,\,w_i}\;",
            r"\tfrac12\Big\|\sum_{i=1}^{P} D_i X (",
            r"v_i",
            r"-",
            r"w_i",
            r") - y\Big\|^2",
            r"\;+\;",
            r"\beta\sum_{i=1}^{P}\big(\|",
            r"v_i",
            r"\| + \|",
            r"w_i",
            r"\|\big)",
            font_size=MATH_SIZE + 2,
        )
        constraints = MathTex(
            r"\text{s.t.}\quad",
            r"(2D_i - I)\,X",
            r"v_i",
            r"\ge 0,\quad (2D_i - I)\,X",
            r"w_i",
            r"\ge 0,\quad i = 1, \dots, P",
            font_size=MATH_SIZE + 2,
        )
        program = VGroup(objective, constraints).arrange(DOWN, buff=0.45)
        program.move_to([0, 1.45, 0])
        program.objective, program.constraints = objective, constraints
        program.fit = VGroup(*objective[1:6])
        program.penalty = VGroup(*objective[7:12])
        program.cones = VGroup(*constraints[1:6])
        program.v_parts = VGroup(objective[2], objective[8], constraints[2])
        program.w_parts = VGroup(objective[4], objective[10], constraints[4])

        return program

    def show_program_terms(self) -> None:
        heading = section_heading("The exact convex program")
        program = self.make_program()
        boxes = [
            SurroundingRectangle(program.fit, color=palette.DATA, buff=0.1),
            SurroundingRectangle(program.penalty, color=palette.MIN_NORM, buff=0.1),
            SurroundingRectangle(program.cones, color=palette.VALLEY, buff=0.1),
        ]
        captions = [
            text("fit: the network's output on the data, minus y"),
            text("group penalty: a sum of norms, not of squared norms"),
            VGroup(
                text("cone constraints:"),
                MathTex(r"D_i X v_i = \relu{X v_i}", font_size=MATH_SIZE),
            ).arrange(RIGHT, buff=0.25),
        ]
        for caption, box in zip(captions, boxes, strict=True):
            caption.set_color(box.get_color()).move_to([0, -0.9, 0])

        with self.beat(
            "One block per pattern and sign gives the exact convex program of "
            "Pilanci and Ergen."
        ):
            self.play(ReplacementTransform(self.heading, heading), run_time=0.8)
            self.play(Write(program.objective), run_time=2.0)
            self.play(Write(program.constraints), run_time=1.5)
        narration = [
            "The first term is the fit: the network's output on the data, minus y.",
            "The second is a sum of norms, not squared norms: a group penalty "
            "that switches whole blocks off. A zero block is a missing neuron.",
            "The constraints keep each block in its pattern's cone, so that D i X "
            "v i really is a ReLU output.",
        ]
        previous: tuple = ()
        for box, caption, spoken in zip(boxes, captions, narration, strict=True):
            with self.beat(spoken):
                fades = [FadeOut(m) for m in previous]
                self.play(*fades, Create(box), FadeIn(caption), run_time=1.0)
            previous = (box, caption)
        signs = VGroup(
            text("v blocks: positive output weight", color=palette.POSITIVE),
            text("w blocks: negative output weight", color=palette.NEGATIVE),
        ).arrange(DOWN, buff=0.3)
        signs.move_to([0, -1.1, 0])
        theorem = text(
            "optimal value = best weight-decay training objective,\n"
            "once the width reaches the number of nonzero blocks",
            color=palette.MIN_NORM,
        ).move_to([0, -2.75, 0])

        with self.beat(
            "Blocks v carry positive output weights, blocks w negative ones. "
            "Every piece is convex, and the optimum equals the best training "
            "objective of a wide enough network."
        ):
            self.play(*(FadeOut(m) for m in previous), run_time=0.5)
            self.play(
                program.v_parts.animate.set_color(palette.POSITIVE),
                program.w_parts.animate.set_color(palette.NEGATIVE),
                FadeIn(signs, shift=UP * 0.1),
                run_time=1.2,
            )
            self.play(FadeIn(theorem, shift=UP * 0.1), run_time=1.0)
        self.heading = heading

        self.play(FadeOut(program), FadeOut(signs), FadeOut(theorem), run_time=0.6)

    # -- the gated relaxation ----------------------------------------------------
    def make_side(self, title: str, color, rows: list) -> VGroup:
        """Return a titled column of formulas and notes."""
        heading = text(title, color=color)
        column = VGroup(heading, *rows).arrange(DOWN, buff=0.35)
        column.title = heading

        return column

    def show_gated_relaxation(self) -> None:
        heading = section_heading("A relaxation, not the same program")
        size = MATH_SIZE - 6
        relu = self.make_side(
            "ReLU network (exact)",
            palette.FIT,
            [
                MathTex(r"\min \sum_i \left(\|v_i\| + \|w_i\|\right)", font_size=size),
                MathTex(r"\text{s.t.}\ \sum_i D_i X (v_i - w_i) = y", font_size=size),
                MathTex(r"(2D_i - I) X v_i \ge 0", font_size=size),
                MathTex(r"(2D_i - I) X w_i \ge 0", font_size=size),
            ],
        )
        gated = self.make_side(
            "gated ReLU network",
            palette.VALLEY,
            [
                MathTex(r"\min \sum_k \|u_k\|", font_size=size),
                MathTex(r"\text{s.t.}\ \sum_k D_k X u_k = y", font_size=size),
                text("no cone constraints", color=palette.WARNING),
            ],
        )
        relu.move_to([-3.5, 0.6, 0]).align_to([0, 2.6, 0], UP)
        gated.move_to([3.5, 0.6, 0]).align_to([0, 2.6, 0], UP)
        source = text(
            "Mishkin, Sahiner and Pilanci, ICML 2022",
            size=palette.LABEL_SIZE,
            color=palette.MUTED,
        ).next_to(gated, DOWN, buff=0.35)
        relu_value = number(self.relu_min_norm.objective, 2, color=palette.FIT)
        gated_value = number(self.gated_min_norm.objective, 2, color=palette.VALLEY)
        self.exhibit("relu_min_norm", relu_value)
        self.exhibit("gated_min_norm", gated_value)
        relu_row = labelled_value("minimum on the six points:", relu_value)
        gated_row = labelled_value("minimum on the six points:", gated_value)
        relu_row.move_to([-3.5, -2.75, 0])
        gated_row.move_to([3.5, -2.75, 0])

        with self.beat(
            "The lecture notes drop the cone constraints. That gives a gated ReLU "
            "network, with fixed gates: a relaxation, whose optimum can only be "
            "lower."
        ):
            self.play(ReplacementTransform(self.heading, heading), run_time=0.8)
            self.play(FadeIn(relu), run_time=1.0)
            self.play(FadeIn(gated), FadeIn(source), run_time=1.0)

        with self.beat(
            "On the lecture's six points, the gated minimum is "
            f"{self.gated_min_norm.objective:.2f}, against "
            f"{self.relu_min_norm.objective:.2f} for the ReLU program."
        ):
            self.play(FadeIn(relu_row), FadeIn(gated_row), run_time=1.2)
        self.heading = heading

        self.play(
            *(FadeOut(m) for m in (relu, gated, source, relu_row, gated_row)),
            run_time=0.6,
        )

    # -- the program solved on the lecture's data ---------------------------------
    def make_block_chart(self) -> VGroup:
        """Return the bar chart of all block norms, v blocks then w blocks."""
        norms = self.solution.block_norms
        count = norms.size
        axes = plots.lecture_axes(
            (0, count + 1, 1),
            (0, 1.1 * float(np.max(norms)), 1),
            x_length=6.0,
            y_length=2.5,
            y_label="block norm",
        )
        framed = labelled_axes(axes).move_to([3.55, 0.85, 0])
        colors = [
            palette.POSITIVE if sign > 0 else palette.NEGATIVE
            for sign in self.solution.block_sign
        ]
        bars = block_bars(axes, norms, colors)
        half = count // 2
        v_label = MathTex(r"v_1 \dots v_{P}", font_size=MATH_SIZE - 8)
        w_label = MathTex(r"w_1 \dots w_{P}", font_size=MATH_SIZE - 8)
        v_label.set_color(palette.POSITIVE)
        w_label.set_color(palette.NEGATIVE)
        v_label.next_to(axes.c2p((half + 1) / 2, 0), DOWN, buff=0.2)
        w_label.next_to(axes.c2p(half + (half + 1) / 2, 0), DOWN, buff=0.2)
        chart = VGroup(framed, bars, v_label, w_label)
        chart.axes, chart.bars, chart.names = axes, bars, VGroup(v_label, w_label)

        return chart

    def show_solution_blocks(self) -> None:
        heading = section_heading("Solved on the lecture's data")
        data = self.data
        self.fit_plot = data_plot(
            data.x, data.y, (-2.1, 2.1, 1), (-1.5, 2.5, 1), x_length=5.6, y_length=4.4
        )
        self.fit_plot.move_to([-3.75, -0.75, 0])
        self.chart = self.make_block_chart()
        n_blocks = self.solution.block_norms.size
        n_active = self.solution.active.size
        blocks = number(n_blocks, 0)
        active = number(n_active, 0, color=palette.ACCENT)
        self.exhibit("block_total", blocks)
        self.exhibit("block_active", active)
        summary = VGroup(
            labelled_value("blocks:", blocks), labelled_value("nonzero:", active)
        ).arrange(RIGHT, buff=0.6)
        summary.move_to([3.55, 2.75, 0])

        with self.beat(
            "Now solve the exact program on the lecture's six points, with a bias "
            f"and beta {data.beta:g}. Of its {n_blocks} blocks, only {n_active} "
            "are nonzero."
        ):
            self.play(ReplacementTransform(self.heading, heading), run_time=0.8)
            self.play(FadeIn(self.fit_plot), run_time=0.8)
            self.play(FadeIn(self.chart[0]), FadeIn(self.chart.names), run_time=0.8)
            self.play(FadeIn(summary[0]), run_time=0.5)
            self.play(
                *(GrowFromEdge(bar, DOWN) for bar in self.chart.bars), run_time=1.5
            )
            self.play(FadeIn(summary[1]), run_time=0.5)
        self.heading = heading
        self.block_summary = summary

    def show_recovered_neurons(self) -> None:
        U, alpha = self.network
        recovery = VGroup(
            MathTex(
                r"u_j = \frac{v_i}{\sqrt{\|v_i\|}},\quad \alpha_j = +\sqrt{\|v_i\|}",
                font_size=MATH_SIZE - 8,
                color=palette.POSITIVE,
            ),
            MathTex(
                r"u_j = \frac{w_i}{\sqrt{\|w_i\|}},\quad \alpha_j = -\sqrt{\|w_i\|}",
                font_size=MATH_SIZE - 8,
                color=palette.NEGATIVE,
            ),
        ).arrange(DOWN, buff=0.25)
        recovery.move_to([3.55, -2.35, 0])
        axes = self.fit_plot.axes
        hinges = plots.hinge_graphs(axes, U, alpha)
        weights = VGroup()
        for j, value in enumerate(alpha):
            weight = number(
                value,
                2,
                size=NUMBER_SIZE - 8,
                color=palette.neuron_color(j),
                signed=True,
            )
            self.exhibit(f"alpha_{j}", weight)
            weights.add(weight)
        weights.arrange(RIGHT, buff=0.35)
        weight_row = VGroup(
            MathTex(r"\alpha_j:", font_size=MATH_SIZE - 8), weights
        ).arrange(RIGHT, buff=0.25)
        weight_row.next_to(self.fit_plot, UP, buff=0.3)
        active_bars = [self.chart.bars[i] for i in self.solution.active]

        with self.beat(
            "Each nonzero block becomes a neuron: divide it by the square root of "
            "its norm, and use that root, signed, as the output weight."
        ):
            self.play(FadeIn(recovery, shift=UP * 0.1), run_time=1.2)

        with self.beat(
            f"Here are the {len(alpha)} neurons as hinges. They come in two "
            "pairs, and each pair bends at one place."
        ):
            self.play(
                *(
                    TransformFromCopy(bar, hinge)
                    for bar, hinge in zip(active_bars, hinges, strict=True)
                ),
                run_time=2.0,
            )
            self.play(FadeIn(weight_row), run_time=0.8)
        fit = plots.network_graph(axes, U, alpha, color=palette.FIT, stroke_width=5)
        optimum = number(self.solution.objective, 4, color=palette.MIN_NORM)
        self.exhibit("convex_optimum", optimum)
        optimum_row = labelled_value("p* =", optimum, color=palette.MIN_NORM)
        optimum_row.next_to(self.fit_plot, DOWN, buff=0.2)

        with self.beat(
            "Their sum is the fitted function, and its objective is the convex "
            f"optimum, p star, {self.solution.objective:.4f}. No network of any "
            "width does better."
        ):
            self.play(hinges.animate.set_stroke(opacity=0.45), run_time=0.6)
            self.play(Create(fit), run_time=1.5)
            self.play(FadeIn(optimum_row), run_time=0.8)
        self.optimum_row = optimum_row

        self.play(
            *(
                FadeOut(m)
                for m in (
                    self.fit_plot,
                    self.chart,
                    self.block_summary,
                    recovery,
                    hinges,
                    fit,
                    weight_row,
                )
            ),
            run_time=0.7,
        )

    # -- gradient descent against the optimum ---------------------------------------
    def make_loss_axes(self):
        """Return labelled axes: log10 of the iteration against the objective."""
        runs = self.runs
        # Curves start above the top and are clipped there, so that the last
        # stretch near p* keeps most of the height.
        axes = plots.lecture_axes(
            (0, np.log10(runs.steps[-1]), 1),
            (0.5, 3.5, 0.5),
            x_length=7.4,
            y_length=5.0,
            x_label="gradient descent step (log scale)",
            y_label="objective",
        )
        labelled_axes(axes).move_to([-2.4, -0.5, 0])

        return axes

    def show_gradient_descent(self) -> None:
        heading = section_heading("Gradient descent against p*")
        runs = self.runs
        axes = self.make_loss_axes()
        picked = scene_data.log_spaced_records(runs.steps, self.gd_plot_points)
        log_steps = np.log10(runs.steps[picked])
        curves = VGroup(
            *(
                plots.polyline(
                    axes,
                    log_steps,
                    losses[picked],
                    color=palette.neuron_color(k),
                    stroke_width=3,
                )
                for k, losses in enumerate(runs.losses)
            )
        )
        self.gd_curves_drawn = len(curves)
        optimum = self.solution.objective
        line = DashedLine(
            axes.c2p(0, optimum),
            axes.c2p(axes.x_range[1], optimum),
            color=palette.MIN_NORM,
            stroke_width=3,
        )
        last_step = number(
            runs.steps[-1], 0, size=NUMBER_SIZE - 14, color=palette.MUTED
        )
        last_step.next_to(axes.c2p(axes.x_range[1], axes.y_range[0]), DOWN, buff=0.15)
        self.exhibit("gd_steps", last_step)
        line_label = MathTex("p^*", font_size=MATH_SIZE, color=palette.MIN_NORM)
        line_label.next_to(line, RIGHT, buff=0.15)
        rows = VGroup()
        for k, value in enumerate(runs.final_objective):
            objective = number(
                value, 4, size=NUMBER_SIZE - 6, color=palette.neuron_color(k)
            )
            self.exhibit(f"gd_objective_{k}", objective)
            label = text(f"run {k + 1}", size=palette.LABEL_SIZE, color=palette.MUTED)
            row = VGroup(label, objective).arrange(RIGHT, buff=0.3)
            mark = Dot(radius=0.07, color=palette.MIN_NORM)
            mark.next_to(row, RIGHT, buff=0.2)
            mark.set_opacity(1.0 if self.at_optimum[k] else 0.0)
            rows.add(VGroup(row, mark))
        rows.arrange(DOWN, buff=0.14, aligned_edge=LEFT)
        rows.move_to([5.2, -0.75, 0])

        with self.beat(
            f"Now train {self.gd_width} neurons directly by gradient descent, from "
            f"{len(runs.seeds)} random starts, with the same beta."
        ) as passage:
            self.play(ReplacementTransform(self.heading, heading), run_time=0.8)
            self.play(
                Create(axes),
                FadeIn(axes.labels),
                FadeIn(last_step),
                self.optimum_row.animate.next_to(rows, UP, buff=0.35).align_to(
                    rows, LEFT
                ),
                run_time=1.0,
            )
            self.play(
                Create(curves, lag_ratio=0.05),
                run_time=max(2.0, passage.duration - 2.0),
                rate_func=linear,
            )
        reached = int(np.count_nonzero(self.at_optimum))

        with self.beat(
            "None goes below the dashed line, the global optimum. "
            f"{reached} of {len(rows)} runs reach it to four decimals. The others "
            "stop at stationary points that are not global minima."
        ):
            self.play(Create(line), FadeIn(line_label), run_time=1.0)
            self.play(FadeIn(rows, lag_ratio=0.1), run_time=1.5)
            self.play(
                *(
                    Indicate(rows[k][0][1], color=palette.WARNING)
                    for k in range(len(rows))
                    if not self.at_optimum[k]
                ),
                run_time=1.2,
            )

        self.play(
            *(
                FadeOut(m)
                for m in (
                    heading,
                    axes,
                    axes.labels,
                    last_step,
                    curves,
                    line,
                    line_label,
                    rows,
                )
            ),
            FadeOut(self.optimum_row),
            run_time=0.7,
        )
