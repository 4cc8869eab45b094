"""Webcare triage: sort incoming messages by type and urgency, and simulate response times.

The categories, priorities and target times below are the kit's example norms for a municipal
or small-business webcare team, not figures from the book; a team sets its own. The keyword
classifier is a first guess a learner can overrule.

Safety first: a message that reports a physical hazard where people are (a fallen lamppost over a
school bike path, a tree across the road, a live cable by a playground) is a crisis, whatever else it
says. :func:`classify` files it so, and :func:`ticket` keeps it at the front of the queue (priority 1,
crisis target) even when a learner files it as a "melding".

    >>> classify("Er is brand in de sporthal, help!")
    'crisis'
    >>> classify("Er ligt een omgevallen lantaarnpaal over het fietspad bij de school.")
    'crisis'
    >>> simulate(example_inbox(6, hours=1), agents=1, handling_minutes=5).within_target
    100.0
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import fmt, number, one_of, text

CATEGORIES = ("crisis", "klacht", "vraag", "melding", "compliment", "overig")
PRIORITY = {"crisis": 1, "klacht": 2, "vraag": 3, "melding": 3, "compliment": 4, "overig": 4}
TARGET_MINUTES = {"crisis": 15, "klacht": 60, "vraag": 120, "melding": 240, "compliment": 480, "overig": 1440}

# Checked in this order: the first category with a matching word wins.
KEYWORDS = (
    ("crisis", (r"\bbrand\b", r"\bgevaar", r"\bongeluk", r"\bexplosie", r"\bgewond", r"\bevacu", r"\boverstroming",
                r"\bdatalek", r"\bgehackt", r"\bgaslek", r"\bnood", r"\bspoed", r"\b112\b")),
    ("klacht", (r"\bklacht", r"\bslecht", r"\bbelachelijk", r"\bboos", r"\bteleurgesteld", r"\bwaardeloos",
                r"\bschandalig", r"\bnog steeds niet", r"\bal weken", r"\bniemand reageert", r"\bonbeschoft",
                r"\bwaarom duurt", r"\bontevreden", r"\bverkeerd")),
    ("melding", (r"\bkapot", r"\blantaarnpa", r"\bkuil", r"\bzwerfvuil", r"\bafval\b", r"\bvuilnis", r"\bgraffiti",
                 r"\bstoeptegel", r"\bverstopt", r"\bomgevallen", r"\bgeparkeerd op", r"\blosliggend")),
    ("vraag", (r"\?", r"\bwanneer\b", r"\bhoe\b", r"\bwaar\b", r"\bkan ik\b", r"\bmag ik\b", r"\bweet iemand")),
    ("compliment", (r"\bbedankt", r"\bdank\b", r"\bdankjewel", r"\bcompliment", r"\bsuper\b", r"\bgeweldig",
                    r"\btop\b", r"\bfijn\b", r"\bheerlijk", r"\blekker")),
)

# The safety rule: a hazard word together with a place where people walk, cycle, drive or play.
SAFETY_HAZARDS = (r"\bomgevallen", r"\bomgewaaid", r"\bafgebroken", r"\bligt over\b", r"\bligt op de (weg|rijbaan)",
                  r"\bblokkeert", r"\bversperd", r"\bkabel", r"\bstroomdra", r"\bopen put", r"\bopen riool",
                  r"\bscherven", r"\binstort", r"\bvallen naar beneden", r"\bhangt los")
SAFETY_PLACES = (r"\bfietspad", r"\bweg\b", r"\brijbaan", r"\bstraat\b", r"\bkruispunt", r"\bstoep\b",
                 r"\bschool", r"\bspeeltuin", r"\bschoolplein", r"\bspoor", r"\bbushalte", r"\bzebrapad")

EXAMPLE_TEXTS = (
    "Wanneer wordt het oud papier weer opgehaald in de Vogelwijk?",
    "Al weken een kapotte lantaarnpaal bij de school, nog steeds niet gemaakt. Belachelijk!",
    "De stoeptegels voor nummer 12 liggen los.",
    "Bedankt voor de snelle hulp bij mijn paspoortaanvraag!",
    "Hoe laat gaat het zwembad zaterdag open?",
    "Er is brand in een container achter de sporthal, rook trekt over de speeltuin!",
    "Het appeltaartje van vanochtend was heerlijk, top!",
    "Mag ik mijn afvalpas ook online aanvragen?",
    "Ik ben ontevreden over de afhandeling van mijn bezwaar.",
    "Veel zwerfvuil rond het winkelcentrum sinds de markt.",
)


def is_safety_risk(message: str) -> bool:
    """True when a message reports a physical hazard in a place where people are (the safety rule)."""
    lower = text(message, msg("webcare.field.text")).lower()
    return (any(re.search(p, lower) for p in SAFETY_HAZARDS)
            and any(re.search(p, lower) for p in SAFETY_PLACES))


def classify(message: str) -> str:
    """A first guess of the category of a message, from signal words; a safety risk is a crisis."""
    lower = text(message, msg("webcare.field.text")).lower()
    if is_safety_risk(lower):
        return "crisis"
    for category, patterns in KEYWORDS:
        if any(re.search(p, lower) for p in patterns):
            return category
    return "overig"


@dataclass(frozen=True)
class Ticket:
    text: str
    category: str
    priority: int
    target: int         # minutes
    arrival: float      # minutes since start of the shift
    safety: bool = False  # the safety rule applies: first in line, crisis target

    def row(self) -> dict:
        return {"bericht": self.text, "categorie": self.category, "prioriteit": self.priority,
                "streeftijd_min": self.target, "binnengekomen_min": self.arrival, "veiligheid": self.safety}


def ticket(message, category=None, arrival=0) -> Ticket:
    message = text(message, msg("webcare.field.text"))
    category = classify(message) if category in (None, "") else one_of(category, CATEGORIES, msg("webcare.field.category"))
    arrival = number(arrival, msg("webcare.field.arrival"), minimum=0)
    if is_safety_risk(message):        # safety first, also when the learner filed it as something else
        return Ticket(message, category, PRIORITY["crisis"], TARGET_MINUTES["crisis"], arrival, True)
    return Ticket(message, category, PRIORITY[category], TARGET_MINUTES[category], arrival)


def _as_ticket(item) -> Ticket:
    if isinstance(item, Ticket):
        return ticket(item.text, item.category, item.arrival)
    if isinstance(item, str):
        return ticket(item)
    if isinstance(item, dict):
        if "text" not in item:
            raise SmmkitError(msg("webcare.missing_text"))
        return ticket(item["text"], item.get("category"), item.get("arrival", 0))
    raise SmmkitError(msg("webcare.bad_item", item=repr(item)))


def triage(messages) -> list[Ticket]:
    """Tickets in the order to handle them: priority first, then who waited longest."""
    tickets = [_as_ticket(m) for m in messages]
    return sorted(tickets, key=lambda t: (t.priority, t.arrival))


def summary(tickets) -> str:
    if not tickets:
        return msg("webcare.summary.empty")
    counts = {c: sum(1 for t in tickets if t.category == c) for c in CATEGORIES}
    parts = ", ".join(f"{n} {c}" for c, n in counts.items() if n)
    first = tickets[0]
    return msg("webcare.summary.text", total=len(tickets), parts=parts, first=first.text, category=first.category,
               target=first.target)


@dataclass(frozen=True)
class Simulation:
    tickets: tuple          # in arrival order
    response: tuple         # minutes from arrival to answer, same order
    within_target: float    # % answered within their target time
    per_category: dict      # category -> % within target
    mean_response: float
    text: str

    def rows(self) -> list[dict]:
        return [{**t.row(), "reactietijd_min": round(r, 1), "op_tijd": r <= t.target}
                for t, r in zip(self.tickets, self.response)]


def simulate(messages, agents=1, handling_minutes=10) -> Simulation:
    """Answer the messages with ``agents`` people, highest priority first; measure response times."""
    agents = int(number(agents, msg("webcare.field.agents"), minimum=1, maximum=50))
    handling = number(handling_minutes, msg("webcare.field.handling"), positive=True, maximum=480)
    tickets = sorted((_as_ticket(m) for m in messages), key=lambda t: t.arrival)
    if not tickets:
        raise SmmkitError(msg("webcare.no_messages"))
    free = [0.0] * agents                  # moment each agent is free again
    waiting: list = []                     # heap of (priority, arrival, index)
    response = [0.0] * len(tickets)
    nxt = 0
    done = 0
    while done < len(tickets):
        clock = min(free)
        while nxt < len(tickets) and tickets[nxt].arrival <= clock:
            heapq.heappush(waiting, (tickets[nxt].priority, tickets[nxt].arrival, nxt))
            nxt += 1
        if not waiting:                    # nobody waiting: jump to the next arrival
            i = free.index(clock)
            free[i] = tickets[nxt].arrival
            continue
        _, arrival, idx = heapq.heappop(waiting)
        i = free.index(clock)
        free[i] = clock + handling
        response[idx] = free[i] - arrival
        done += 1
    ok = [r <= t.target for t, r in zip(tickets, response)]
    within = round(100 * sum(ok) / len(ok), 1)
    per_cat = {}
    for c in CATEGORIES:
        flags = [o for o, t in zip(ok, tickets) if t.category == c]
        if flags:
            per_cat[c] = round(100 * sum(flags) / len(flags), 1)
    mean = sum(response) / len(response)
    worst = min(per_cat, key=per_cat.get)
    staff = msg("webcare.staff_one") if agents == 1 else msg("webcare.staff_many")
    text_ = msg("webcare.sim.text", within=_pct(within), mean=round(mean), agents=agents, staff=staff)
    if per_cat[worst] < 100:
        text_ += " " + msg("webcare.sim.worst", category=worst, share=_pct(per_cat[worst]),
                           target=TARGET_MINUTES[worst])
    else:
        text_ += " " + msg("webcare.sim.all_ok")
    return Simulation(tuple(tickets), tuple(response), within, per_cat, mean, text_)


def _pct(value: float) -> str:
    return fmt(value, 1)


def example_inbox(count: int = 20, hours: float = 8) -> list[dict]:
    """A reproducible inbox: the example texts in turn, arriving evenly spread over ``hours``."""
    count = int(number(count, msg("webcare.field.count"), minimum=1, maximum=2000))
    hours = number(hours, msg("webcare.field.hours"), positive=True, maximum=24)
    step = hours * 60 / count
    return [{"text": EXAMPLE_TEXTS[i % len(EXAMPLE_TEXTS)], "arrival": round(i * step, 2)} for i in range(count)]


def valid_categories() -> str:
    return choices(CATEGORIES)


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
