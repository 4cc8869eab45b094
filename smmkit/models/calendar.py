"""Content calendar: posts with a date, channel and topic, classified in separate fields; overviews.

Each post has its own field for the LCSS category (likeable, clickable, sharable, sellable), for the
hero-hub-help role, for the phase of the customer journey (see, think, do, care) and for who makes
it (the owner), as chapter 5 describes a calendar. A field left empty ('') is not chosen yet.
Older lists and save files with one mixed ``kind`` field still load: an LCSS value goes to ``lcss``,
a hero/hub/help value to ``role``. Dates are ISO (2026-03-09) or Dutch (9-3-2026).

    >>> cal = build([{"date": "2026-03-09", "channel": "Instagram", "topic": "Open dag", "lcss": "likeable",
    ...               "role": "hero", "owner": "Sanne"}])
    >>> cal.per_channel["Instagram"], cal.per_role["hero"], cal.posts[0].owner
    (1, 1, 'Sanne')
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import one_of, shorten, text

CHANNELS = ("Facebook", "Instagram", "LinkedIn", "X", "TikTok", "YouTube", "WhatsApp", "Threads",
            "Pinterest", "Snapchat", "Nieuwsbrief", "Website")
LCSS = ("likeable", "clickable", "sharable", "sellable")       # as smmkit.models.lcss.CATEGORIES
ROLES = ("hero", "hub", "help")
PHASES = ("see", "think", "do", "care")
KINDS = LCSS + ROLES                                             # the old single 'kind' field (still read)
COLUMNS = ("date", "channel", "topic")                           # required
FIELDS = ("lcss", "role", "phase", "owner")                      # optional, '' = not chosen yet
DUTCH = {"datum": "date", "kanaal": "channel", "onderwerp": "topic", "type": "kind", "soort": "kind",
         "lcss": "lcss", "rol": "role", "fase": "phase", "maker": "owner", "wie": "owner"}


@dataclass(frozen=True, order=True)
class Post:
    date: dt.date
    channel: str
    topic: str
    lcss: str = ""
    role: str = ""
    phase: str = ""
    owner: str = ""

    def row(self) -> dict:
        return {"datum": self.date.isoformat(), "week": week_label(self.date), "kanaal": self.channel,
                "onderwerp": self.topic, "lcss": self.lcss, "rol": self.role, "fase": self.phase,
                "maker": self.owner}


def parse_date(value) -> dt.date:
    """A date from a date object, '2026-03-09' or '9-3-2026' / '09/03/2026'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    for fmt_ in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%y"):
        try:
            return dt.datetime.strptime(raw, fmt_).date()
        except ValueError:
            continue
    raise SmmkitError(msg("calendar.bad_date", value=shorten(raw, 40)))


def week_label(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _optional(value, valid, field: str) -> str:
    if value is None or str(value).strip() == "":
        return ""
    return one_of(value, valid, msg(field))


def split_kind(kind) -> dict:
    """The old single 'kind' value as the new separate fields: {'lcss': ...} or {'role': ...}."""
    if kind is None or str(kind).strip() == "":
        return {}
    kind = one_of(kind, KINDS, msg("calendar.field.kind"))
    return {"lcss": kind} if kind in LCSS else {"role": kind}


def post(date, channel, topic, lcss="", role="", phase="", owner="") -> Post:
    """One validated post; lcss, role, phase and owner may stay empty."""
    owner = "" if owner is None else str(owner).strip()
    return Post(parse_date(date), one_of(channel, CHANNELS, msg("calendar.field.channel")),
                text(topic, msg("calendar.field.topic")), _optional(lcss, LCSS, "calendar.field.lcss"),
                _optional(role, ROLES, "calendar.field.role"), _optional(phase, PHASES, "calendar.field.phase"),
                owner)


def normalise(item: dict) -> dict:
    """A dict with Dutch or English keys, old 'kind' split into its field, as keyword arguments of post()."""
    item = {DUTCH.get(str(k).strip().lower(), str(k).strip().lower()): v for k, v in item.items()}
    missing = [c for c in COLUMNS if c not in item]
    if missing:
        raise SmmkitError(msg("calendar.missing_column", columns=", ".join(missing)))
    old = split_kind(item.pop("kind", None))
    for key, value in old.items():
        if not item.get(key):
            item[key] = value
    return {key: item.get(key, "") for key in COLUMNS + FIELDS}


def _as_post(item, index: int) -> Post:
    try:
        if isinstance(item, Post):
            return post(item.date, item.channel, item.topic, item.lcss, item.role, item.phase, item.owner)
        if isinstance(item, dict):
            return post(**normalise(item))
        if isinstance(item, (list, tuple)) and len(item) == 4:           # old layout: (date, channel, topic, kind)
            return post(*item[:3], **split_kind(item[3]))
        if isinstance(item, (list, tuple)) and 3 <= len(item) <= 7:
            return post(*item)
    except SmmkitError as err:
        raise SmmkitError(msg("calendar.in_row", row=index + 1, error=str(err))) from None
    raise SmmkitError(msg("calendar.bad_item", row=index + 1, item=shorten(repr(item))))


@dataclass(frozen=True)
class Calendar:
    posts: tuple
    per_week: dict       # 'YYYY-Www' -> number of posts (every week from first to last post)
    per_channel: dict    # channel -> number of posts
    per_lcss: dict       # LCSS category -> number of posts
    per_role: dict       # hero/hub/help -> number of posts
    empty_weeks: tuple
    advice: str

    @property
    def per_kind(self) -> dict:
        """LCSS categories and roles in one dict (as before the fields were split)."""
        return {**self.per_lcss, **self.per_role}

    def rows(self) -> list[dict]:
        return [p.row() for p in self.posts]

    def week_channel_table(self) -> list[dict]:
        """Weeks as rows, channels as columns (counts)."""
        counts = Counter((week_label(p.date), p.channel) for p in self.posts)
        channels = [c for c in CHANNELS if self.per_channel.get(c)]
        return [{"week": w, **{c: counts[(w, c)] for c in channels}, "totaal": n} for w, n in self.per_week.items()]


def build(entries) -> Calendar:
    """Validate and sort the posts and count them per week, channel and content type."""
    posts = tuple(sorted(_as_post(e, i) for i, e in enumerate(entries)))
    per_week: dict[str, int] = {}
    if posts:
        day = posts[0].date - dt.timedelta(days=posts[0].date.weekday())
        while day <= posts[-1].date:
            per_week[week_label(day)] = 0
            day += dt.timedelta(days=7)
        for p in posts:
            per_week[week_label(p.date)] += 1
    per_channel = dict(Counter(p.channel for p in posts))
    per_lcss = {k: sum(1 for p in posts if p.lcss == k) for k in LCSS}
    per_role = {k: sum(1 for p in posts if p.role == k) for k in ROLES}
    empty = tuple(w for w, n in per_week.items() if n == 0)
    return Calendar(posts, per_week, per_channel, per_lcss, per_role, empty,
                    _advice(posts, per_week, per_channel, empty))


def _advice(posts, per_week, per_channel, empty) -> str:
    if not posts:
        return msg("calendar.advice.empty")
    lines = [msg("calendar.advice.count", posts=len(posts), weeks=len(per_week), channels=len(per_channel))]
    if empty:
        lines.append(msg("calendar.advice.empty_weeks", weeks=", ".join(empty)))
    busiest = max(per_week, key=per_week.get)
    if per_week[busiest] >= max(3, 1.5 * len(posts) / len(per_week)) and len(per_week) > 1:
        lines.append(msg("calendar.advice.busy", week=busiest, n=per_week[busiest]))
    lonely = [c for c, n in per_channel.items() if n == 1 and len(posts) >= 4]
    if lonely:
        lines.append(msg("calendar.advice.lonely", channels=", ".join(lonely)))
    chosen = {p.lcss for p in posts} - {""}
    lcss = [k for k in LCSS if k not in chosen]
    if chosen and lcss:
        lines.append(msg("calendar.advice.lcss_missing", kinds=", ".join(lcss)))
    roles = {p.role for p in posts} - {""}
    hhh = [k for k in ROLES if k not in roles]
    if roles and hhh:
        lines.append(msg("calendar.advice.hhh_missing", kinds=", ".join(hhh)))
    no_owner = sum(1 for p in posts if not p.owner)
    if no_owner and no_owner < len(posts):
        lines.append(msg("calendar.advice.no_owner", n=no_owner))
    return "\n".join(lines)


def to_dicts(calendar_or_posts) -> list[dict]:
    """Posts as JSON-friendly dicts (ISO dates)."""
    posts = calendar_or_posts.posts if isinstance(calendar_or_posts, Calendar) else calendar_or_posts
    return [{**asdict(p), "date": p.date.isoformat()} for p in posts]


def read_csv(path) -> list[dict]:
    """The posts of a CSV file as dicts for :func:`build` (comma or semicolon separated; Dutch or
    English column names, as the widget exports them: datum, kanaal, onderwerp, lcss, rol, fase, maker).

    An older export with one column 'type' still reads: :func:`normalise` puts its value in lcss or rol.
    """
    import csv
    from pathlib import Path

    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
            handle.seek(0)
            rows = list(csv.DictReader(handle, delimiter=";" if first.count(";") > first.count(",") else ","))
    except FileNotFoundError:
        raise SmmkitError(msg("widgets.file_not_found", path=path)) from None
    except UnicodeDecodeError:
        raise SmmkitError(msg("calendar.w.bad_csv", path=path)) from None
    except OSError as exc:  # a name too long, a folder, no permission
        from smmkit.models._input import shorten

        raise SmmkitError(msg("widgets.cannot_read", path=shorten(str(path)), reason=exc.strerror or type(exc).__name__)) from None
    from smmkit.csvsafe import from_spreadsheet_text  # the export's '=… is the learner's =… again

    return [{DUTCH.get(k.strip().lower(), k.strip().lower()): from_spreadsheet_text(v or "").strip()
             for k, v in r.items() if k} for r in rows]


def valid_choices() -> str:
    return msg("calendar.valid", channels=choices(CHANNELS), lcss=choices(LCSS), roles=choices(ROLES),
               phases=choices(PHASES))


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
