"""Command line: ``python -m smmkit.grading <command> …`` (run it in the course folder).

Each command lives in its own module with an ``add_parser(sub)`` function that adds its subparser
and sets ``func`` (called with the parsed arguments, returns the exit code). To add a command, add
its module to ``COMMANDS``.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# modules with add_parser(sub); a module that is missing (not merged yet) is skipped
COMMANDS = ["smmkit.grading.cli_autograde", "smmkit.grading.export", "smmkit.grading.items",
            "smmkit.grading.overview"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m smmkit.grading",
                                     description="Veilig nakijken van een hele klas met nbgrader.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.add_parser(sub)
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    args = build_parser().parse_args(argv)
    args.extra = extra
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
