"""Command line: ``python -m smmkit.grading autograde <opdracht> [--student ID …]``.

Run it in the course folder (where nbgrader_config.py is). Arguments after ``--`` go to
``nbgrader autograde`` unchanged, e.g. ``-- --SafeExecute.timeout=10``.
"""
from __future__ import annotations

import argparse
import sys

from smmkit.grading import export, items, overview
from smmkit.grading.batch import autograde


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser(prog="python -m smmkit.grading",
                                     description="Veilig nakijken van een hele klas met nbgrader.")
    sub = parser.add_subparsers(dest="command", required=True)
    grade = sub.add_parser("autograde", help="alle inzendingen van een opdracht nakijken")
    grade.add_argument("assignment", help="naam van de opdracht, bijvoorbeeld h01-introductie")
    grade.add_argument("--student", action="append", help="alleen deze student (mag vaker)")
    grade.add_argument("--root", default=".", help="cursusmap (met nbgrader_config.py); standaard de huidige map")
    grade.add_argument("--timeout", type=float, default=300, help="seconden per student (standaard 300)")
    grade.add_argument("--memory-mb", type=int, default=3072, help="geheugenlimiet per student (standaard 3072)")
    grade.add_argument("--allow-suspicious", action="store_true",
                       help="ook inzendingen uitvoeren die de scan verdacht vindt (na eigen controle)")
    export.add_parser(sub)
    items.add_parser(sub)
    overview.add_parser(sub)
    args = parser.parse_args(argv)
    if args.command in ("export", "items", "overview"):
        return args.func(args)
    outcomes = autograde(args.root, args.assignment, args.student, args.timeout, args.memory_mb,
                         args.allow_suspicious, extra)
    return 0 if outcomes else 1


if __name__ == "__main__":
    sys.exit(main())
