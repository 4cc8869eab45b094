"""``python -m smmkit.grading autograde <opdracht> [--workers N] [--resume] [--student ID …]``.

Every setting may also live in the course's ``nbgrader_config.py`` as a trait of
:class:`smmkit.grading.batch.BatchAutograde` (``c.BatchAutograde.workers = 4``); a flag given here wins.
Arguments after ``--`` are nbgrader configuration, e.g. ``-- --SafeExecute.timeout=10``.
"""
from __future__ import annotations


def add_parser(sub) -> None:
    grade = sub.add_parser("autograde", help="alle inzendingen van een opdracht nakijken (sandbox, parallel)",
                           epilog="Vaste waarden voor je cursus: c.BatchAutograde.workers, .timeout, .memory_mb, "
                                  ".retry_timeout_factor, .allow_suspicious, .sandbox en .resume in "
                                  "nbgrader_config.py (docs/docent.md, §4). Een optie hier wint altijd.")
    grade.add_argument("assignment", help="naam van de opdracht, bijvoorbeeld h01-introductie")
    grade.add_argument("--student", action="append", help="alleen deze student (mag vaker)")
    grade.add_argument("--workers", type=int, default=None,
                       help="aantal inzendingen tegelijk (standaard: het aantal processorkernen)")
    grade.add_argument("--resume", action="store_true", default=None,
                       help="sla over wat al is nagekeken en niet is veranderd; kijk de rest (opnieuw) na")
    grade.add_argument("--root", default=".", help="cursusmap (met nbgrader_config.py); standaard de huidige map")
    grade.add_argument("--timeout", type=float, default=None, help="seconden per student (standaard 300)")
    grade.add_argument("--retry-timeout-factor", type=float, default=None,
                       help="liep een cel langer dan de limiet per cel, dan wordt die student aan het eind "
                            "opnieuw nagekeken met deze factor maal de limiet (standaard 3; 1: niet opnieuw)")
    grade.add_argument("--memory-mb", type=int, default=None, help="geheugenlimiet per kernel (standaard 3072)")
    grade.add_argument("--allow-suspicious", action="store_true", default=None,
                       help="ook inzendingen uitvoeren die de scan verdacht vindt (na eigen controle)")
    grade.add_argument("--no-execute", action="store_true",
                       help="niets uitvoeren: de notebooks worden nagekeken zoals ze zijn ingeleverd, met hun "
                            "eigen uitvoer (zoals nbgrader autograde --no-execute; controleer ze dan zelf)")
    grade.add_argument("--no-sandbox", action="store_false", dest="sandbox", default=None,
                       help="zonder bubblewrap uitvoeren (alleen voor inzendingen die je vertrouwt)")
    grade.set_defaults(func=run)


def run(args) -> int:
    """Flags that are not given stay None: then ``c.BatchAutograde.*`` from nbgrader_config.py counts."""
    from smmkit.grading.batch import autograde

    extra = list(args.extra)
    if args.no_execute:  # nbgrader's own flag sets the same two
        extra += ["--Execute.enabled=False", "--ClearOutput.enabled=False"]
    try:
        autograde(args.root, args.assignment, args.student, args.timeout, args.memory_mb, args.allow_suspicious,
                  extra, workers=args.workers, resume=args.resume, sandbox=args.sandbox,
                  retry_factor=args.retry_timeout_factor)
    except KeyboardInterrupt:
        return 130
    return 0
