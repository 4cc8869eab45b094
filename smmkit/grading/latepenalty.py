"""A late-submission plugin for nbgrader's ``AssignLatePenalties`` (see smmkit.grading.late)."""
from __future__ import annotations

import math

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Float


class PointsPerDayLate(LateSubmissionPlugin):
    """nbgrader late-submission plugin: ``points_per_day`` off for every started day after the due date.

    Use it with ``c.AssignLatePenalties.plugin_class = "smmkit.grading.latepenalty.PointsPerDayLate"`` and
    ``c.PointsPerDayLate.points_per_day = 1``; never below 0 (nbgrader caps the penalty at the score).
    """

    points_per_day = Float(1.0, help="Points taken off per started day late.").tag(config=True)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        if total_seconds_late <= 0:
            return 0
        days = math.ceil(total_seconds_late / 86400)
        return min(score, days * self.points_per_day)
