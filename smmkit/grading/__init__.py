"""Grading support for teachers: the safe execute preprocessor and a batch runner.

``smmkit.grading.execute.SafeExecute`` is wired in by ``nbgrader_config.py``; the batch runner
``python -m smmkit.grading autograde <opdracht>`` wraps stock ``nbgrader autograde`` per student
with prechecks, time and memory limits and a report (see docs/docent.md).
Nothing here is imported by ``import smmkit``.
"""
