"""Texts of smmkit/grading/inert.py (student content made inert) and the feedback folder."""

MESSAGES = {
    # in place of an output of which nothing could be shown safely (formgrader, feedback)
    "inert.output_dropped": "[uitvoer niet getoond: {types} kan code uitvoeren en is bij het nakijken weggelaten]",
}
