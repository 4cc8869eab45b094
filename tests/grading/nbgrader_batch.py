"""Run nbgrader's own API for several assignments in ONE process (importing nbgrader is slow).

    python nbgrader_batch.py <course root> generate_assignment h01-introductie h02-…
    python nbgrader_batch.py <course root> generate_feedback h01-introductie …

Used by the grading tests; the stock command line is exercised separately in test_stock_cli.py.
Exits non-zero when one of the calls fails, after printing nbgrader's log.
"""
import os
import sys

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config.loader import PyFileConfigLoader


def main(root: str, action: str, assignments: list[str]) -> int:
    os.chdir(root)
    config = PyFileConfigLoader("nbgrader_config.py", path=root).load_config()
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    failed = 0
    for assignment in assignments:
        result = getattr(api, action)(assignment, force=True)
        if not result["success"]:
            failed += 1
            print(f"{action} {assignment} FAILED\n{result.get('log', '')}\n{result.get('error', '')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
