"""Content calendar: posts with a date, channel, topic and content type; overviews per week and channel.

Content types are the LCSS categories (likeable, clickable, sharable, sellable) and the
hero-hub-help roles. Dates are ISO (2026-03-09) or Dutch (9-3-2026).

    >>> cal = build([{"date": "2026-03-09", "channel": "Instagram", "topic": "Open dag", "kind": "hero"}])
    >>> cal.per_channel["Instagram"]
    1
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import one_of, text

CHANNELS = ("Facebook", "Instagram", "LinkedIn", "X", "TikTok", "YouTube", "WhatsApp", "Threads",
            "Pinterest", "Snapchat", "Nieuwsbrief", "Website")
KINDS = ("likeable", "clickable", "sharable", "sellable", "hero", "hub", "help")
COLUMNS = ("date", "channel", "topic", "kind")


@dataclass(frozen=True, order=True)
class Post:
    date: dt.date
    channel: str
    topic: str
    kind: str

    def row(self) -> dict:
        return {"datum": self.date.isoformat(), "week": week_label(self.date), "kanaal": self.channel,
                "onderwerp": self.topic, "type": self.kind}


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
    raise SmmkitError(msg("calendar.bad_date", value=value))


def week_label(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def post(date, channel, topic, kind) -> Post:
    """One validated post."""
    return Post(parse_date(date), one_of(channel, CHANNELS, msg("calendar.field.channel")),
                text(topic, msg("calendar.field.topic")), one_of(kind, KINDS, msg("calendar.field.kind")))


def _as_post(item, index: int) -> Post:
    try:
        if isinstance(item, Post):
            return post(item.date, item.channel, item.topic, item.kind)
        if isinstance(item, dict):
            dutch = {"datum": "date", "kanaal": "channel", "onderwerp": "topic", "type": "kind"}
            item = {dutch.get(k, k): v for k, v in item.items()}
            missing = [c for c in COLUMNS if c not in item]
            if missing:
                raise SmmkitError(msg("calendar.missing_column", columns=", ".join(missing)))
            return post(item["date"], item["channel"], item["topic"], item["kind"])
        if isinstance(item, (list, tuple)) and len(item) == 4:
            return post(*item)
    except SmmkitError as err:
        raise SmmkitError(msg("calendar.in_row", row=index + 1, error=str(err))) from None
    raise SmmkitError(msg("calendar.bad_item", row=index + 1, item=repr(item)))


@dataclass(frozen=True)
class Calendar:
    posts: tuple
    per_week: dict       # 'YYYY-Www' -> number of posts (every week from first to last post)
    per_channel: dict    # channel -> number of posts
    per_kind: dict       # kind -> number of posts
    empty_weeks: tuple
    advice: str

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
    per_kind = {k: sum(1 for p in posts if p.kind == k) for k in KINDS}
    empty = tuple(w for w, n in per_week.items() if n == 0)
    return Calendar(posts, per_week, per_channel, per_kind, empty, _advice(posts, per_week, per_channel, empty))


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
    kinds = {p.kind for p in posts}
    lcss = [k for k in KINDS[:4] if k not in kinds]
    if kinds & set(KINDS[:4]) and lcss:
        lines.append(msg("calendar.advice.lcss_missing", kinds=", ".join(lcss)))
    hhh = [k for k in KINDS[4:] if k not in kinds]
    if kinds & set(KINDS[4:]) and hhh:
        lines.append(msg("calendar.advice.hhh_missing", kinds=", ".join(hhh)))
    return "\n".join(lines)


def to_dicts(calendar_or_posts) -> list[dict]:
    """Posts as JSON-friendly dicts (ISO dates)."""
    posts = calendar_or_posts.posts if isinstance(calendar_or_posts, Calendar) else calendar_or_posts
    return [{**asdict(p), "date": p.date.isoformat()} for p in posts]


def valid_choices() -> str:
    return msg("calendar.valid", channels=choices(CHANNELS), kinds=choices(KINDS))
