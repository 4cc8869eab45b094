"""UTM links and attribution: tag the links you share, then see which channel gets the credit.

A UTM link carries three labels that web statistics read: ``utm_source`` (where the click came
from), ``utm_medium`` (the kind of channel) and ``utm_campaign``, and optionally ``utm_content``
(which variant of the post or advert). Labels are written in lower case without spaces, so
'Instagram' and 'instagram' never count as two sources.

    >>> link("https://www.gemeente.nl/warmtescan", "Instagram", "social", "warmtescan 2026")
    'https://www.gemeente.nl/warmtescan?utm_source=instagram&utm_medium=social&utm_campaign=warmtescan-2026'
    >>> link("https://www.gemeente.nl/warmtescan", "facebook", "advertentie", "warmtescan-2026", content="Video A")
    'https://www.gemeente.nl/warmtescan?utm_source=facebook&utm_medium=advertentie&utm_campaign=warmtescan-2026&utm_content=video-a'
    >>> attribute(["instagram", "facebook", "nieuwsbrief"], "last")
    {'instagram': 0.0, 'facebook': 0.0, 'nieuwsbrief': 1.0}
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import one_of, text

MODELS = ("last", "first", "linear")   # last click, first click, equal shares over all steps


def label(value, field: str) -> str:
    """A UTM label: lower case, spaces and underscores become hyphens."""
    clean = re.sub(r"[\s_]+", "-", text(value, msg(field)).strip().lower())
    if not re.fullmatch(r"[a-z0-9.\-]+", clean):
        raise SmmkitError(msg("utm.bad_label", field=msg(field), value=value))
    return clean


def link(url, source, medium, campaign, content=None) -> str:
    """The URL with utm_source, utm_medium and utm_campaign added (other query parameters kept).

    ``content`` (the variant, e.g. 'video-a') adds utm_content; ``None`` or an empty text leaves it out."""
    url = text(url, msg("utm.field.url")).strip()
    if any(char.isspace() for char in url):
        raise SmmkitError(msg("utm.url_space", url=url))
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (a port that is not a number, or too big, raises here)
    except ValueError:
        raise SmmkitError(msg("utm.bad_url", url=url)) from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SmmkitError(msg("utm.bad_url", url=url))
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")]
    query += [("utm_source", label(source, "utm.field.source")), ("utm_medium", label(medium, "utm.field.medium")),
              ("utm_campaign", label(campaign, "utm.field.campaign"))]
    if content is not None and not (isinstance(content, str) and not content.strip()):
        query.append(("utm_content", label(content, "utm.field.content")))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def row(url, source, medium, campaign, content=None) -> dict:
    """One tagged link as a table row (Dutch column names, for a list of links to share with a team)."""
    tagged = link(url, source, medium, campaign, content)
    found = labels(tagged)
    return {"webadres": url.strip(), "bron": found["source"], "soort_kanaal": found["medium"],
            "campagne": found["campaign"], "variant": found.get("content", ""), "link": tagged}


def labels(url) -> dict:
    """The UTM labels in a link, e.g. {'source': 'instagram', ...}; missing labels are left out."""
    query = dict(parse_qsl(urlsplit(text(url, msg("utm.field.url"))).query))
    return {key[4:]: value for key, value in query.items() if key.startswith("utm_")}


def attribute(path, model: str = "last") -> dict:
    """Credit for one conversion over the channels of a customer's path (in the order of the clicks)."""
    model = one_of(model, MODELS, msg("utm.field.model"))
    if isinstance(path, str) or not path:
        raise SmmkitError(msg("utm.bad_path"))
    steps = [label(step, "utm.field.source") for step in path]
    credit = {step: 0.0 for step in steps}
    if model == "last":
        credit[steps[-1]] += 1.0
    elif model == "first":
        credit[steps[0]] += 1.0
    else:
        for step in steps:
            credit[step] += 1.0 / len(steps)
    return {step: round(share, 4) for step, share in credit.items()}


def valid_models() -> str:
    return choices(MODELS)


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
