"""Colours and type sizes shared by every chapter.

Fixed roles keep a colour's meaning constant across the series: data points
are always the same amber, neuron j always has ``NEURONS[j]``, training and
test error always have their own colours.
"""

from manim import ManimColor

BACKGROUND = ManimColor("#0E1117")
FOREGROUND = ManimColor("#E8E6E3")
MUTED = ManimColor("#8B93A1")
GRID = ManimColor("#2A3140")

DATA = ManimColor("#F5B041")  # data points and targets
FIT = ManimColor("#EDEDED")  # the network's output f(x)
TRAIN = ManimColor("#48C9B0")  # training error
TEST = ManimColor("#EC7063")  # test error
VALLEY = ManimColor("#5DADE2")  # the zero-loss set
MIN_NORM = ManimColor("#F7DC6F")  # minimum-norm points and solutions
ACCENT = ManimColor("#AF7AC5")  # highlights, the answer of a quiz
POSITIVE = ManimColor("#58D68D")  # positive output weight, v-blocks
NEGATIVE = ManimColor("#EB984E")  # negative output weight, w-blocks
WARNING = ManimColor("#E74C3C")  # divergence, dead neurons, wrong answers

# Neuron j of any network is drawn in NEURONS[j % len(NEURONS)].
NEURONS = [
    ManimColor("#5DADE2"),
    ManimColor("#EC7063"),
    ManimColor("#58D68D"),
    ManimColor("#AF7AC5"),
    ManimColor("#F4D03F"),
    ManimColor("#48C9B0"),
    ManimColor("#EB984E"),
    ManimColor("#F1948A"),
]

# Type scale in Manim font-size units; 24 is the smallest size that stays
# readable in a 480p frame.
TITLE_SIZE = 56
HEADING_SIZE = 40
BODY_SIZE = 30
LABEL_SIZE = 24
FONT = "DejaVu Sans"


def neuron_color(index: int) -> ManimColor:
    """Return the colour of neuron ``index`` (cycling through NEURONS)."""
    return NEURONS[index % len(NEURONS)]
