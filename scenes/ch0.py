"""Chapter 0: why one network can have many sets of weights that fit."""

from common.lecture_scene import LectureScene


class WhyMultipleSolutions(LectureScene):
    """Several training runs fit the same points with different weights."""

    chapter_number = 0
    chapter_title = "Why Multiple Solutions?"
    chapter_subtitle = "Same data, same loss, different weights"

    def construct(self):
        self.show_title(
            "Train the same small network twice, from two random starts. Both runs "
            "can fit the data perfectly, and still end with different weights."
        )
        self.quiz(
            "Two networks with different weights make identical predictions on "
            "the training points. How can that happen?",
            [
                "One of them must have a bug in its training loop.",
                "Many weight settings compute functions that agree on the data.",
                "Gradient descent always returns the same weights.",
            ],
            1,
            "Rescaling, permuting and silencing neurons change the weights without "
            "changing the predictions, and functions may differ between the points.",
        )
