"""The bulk feedback zip an LMS takes: ``python -m smmkit.grading feedback-zip <opdracht> --lms …``."""
from __future__ import annotations

from pathlib import Path

from smmkit.grading.lms_roster import LMS_NAMES, ExportError
from smmkit.messages import choices, msg


def feedback_zip(root=".", assignment: str = "", lms: str = "canvas", to=None, out=print) -> Path:
    """A zip of ``feedback/<student>/<assignment>/*.html`` that the LMS takes as bulk feedback upload.

    Each LMS matches the files of such a zip by the name it gave the submission in its download, so
    every file gets the LMS's own prefix that zip_collect kept (``lms-inzendingen.json``):

    - Canvas (Submissions > Re-upload): ``<name>_<user id>_<attachment id>_<file>``; Canvas reads the first
      two numbers of the name and attaches the file as a comment to that student's submission.
    - Moodle (View all submissions > Upload multiple feedback files in a zip):
      ``<Full Name>_<participant id>_assignsubmission_file_<file>``; Moodle splits the name at ``_``.
    - Brightspace (Assignments > the folder > Add Feedback Files): the file names of its download,
      ``<n>-<n> - <Name> - <time> - <file>``.

    Only regular HTML files are taken (no links). Students without an LMS name (not collected through
    zip_collect) or without feedback are named in the report.
    """
    import zipfile

    from smmkit.grading.collect import read_record
    from smmkit.grading.course import course_directory

    if lms not in LMS_NAMES:
        raise ExportError(msg("export.unknown_column", column=lms, known=choices(LMS_NAMES)))
    coursedir = course_directory(root)
    course_root = Path(coursedir.root)
    record = read_record(course_root, assignment)
    if not record:
        raise ExportError(msg("feedbackzip.no_record", assignment=assignment))
    other = sorted({entry.get("lms") for entry in record.values()} - {lms})
    if other:
        raise ExportError(msg("feedbackzip.other_lms", assignment=assignment, lms=lms, found=", ".join(other)))
    base = course_root / coursedir.feedback_directory
    files: dict[str, list[Path]] = {}
    if base.is_dir():
        for folder in sorted(base.glob(f"*/{assignment}")):
            files[folder.parent.name] = [p for p in sorted(folder.iterdir())
                                         if p.suffix == ".html" and not p.is_symlink() and p.is_file()]
    to = Path(to) if to else course_root / f"feedback-{assignment}-{lms}.zip"
    to.parent.mkdir(parents=True, exist_ok=True)
    written, no_feedback = 0, []
    with zipfile.ZipFile(to, "w", zipfile.ZIP_DEFLATED) as archive:
        for student, entry in sorted(record.items()):
            mine = files.get(student) or []
            if not mine:
                no_feedback.append(student)
                continue
            for path in mine:
                archive.write(path, entry["prefix"] + path.name)
                written += 1
    unknown = sorted(s for s in files if s not in record and files[s])
    if no_feedback:
        out(msg("feedbackzip.no_feedback", count=len(no_feedback), students=", ".join(no_feedback),
                assignment=assignment))
    if unknown:
        out(msg("feedbackzip.unknown", count=len(unknown), students=", ".join(unknown)))
    out(msg(f"feedbackzip.how.{lms}"))
    out(msg("feedbackzip.written", path=to, count=written, students=len(record) - len(no_feedback)))
    return to

