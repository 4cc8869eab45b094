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

Staffing (:func:`workload`, :func:`shift`, :func:`staffing`): first the utilisation, the share of the
time the team is busy (``messages per hour x minutes per message / 60`` people busy all the time);
at 100 % or more the queue grows for the whole shift, whatever the deadlines. Then the service level
over a whole shift with messages arriving at random (Poisson) in a realistic mix (:data:`SHIFT_MIX`),
simulated with ciw, a maintained discrete-event queueing library: the standard of the field for one
message type is Erlang C, and ``tests/models/test_webcare_staffing.py`` checks the simulation against
it for a grid of loads. :func:`simulate` only replays one given inbox (the triage widget's example).
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


# A realistic mix for a municipal webcare inbox (the kit's assumption, not a figure from the book): crises
# are rare; most messages are questions and reports.
SHIFT_MIX = {"crisis": 0.01, "klacht": 0.14, "vraag": 0.45, "melding": 0.25, "compliment": 0.10, "overig": 0.05}


@dataclass(frozen=True)
class Workload:
    per_hour: float
    handling_minutes: float
    busy_people: float      # Erlangs: people busy all the time on average
    minimum_agents: int     # the smallest team whose utilisation stays under 100 %
    text: str

    def utilisation(self, agents: int) -> float:
        """% of the time each of ``agents`` people is busy (100 or more: the queue keeps growing)."""
        return 100 * self.busy_people / agents


def workload(per_hour, handling_minutes) -> Workload:
    """How much work arrives: ``per_hour`` messages of ``handling_minutes`` each."""
    rate = number(per_hour, msg("webcare.field.per_hour"), positive=True, maximum=10000)
    handling = number(handling_minutes, msg("webcare.field.handling"), positive=True, maximum=480)
    busy = rate * handling / 60
    minimum = int(busy) + 1
    text_ = msg("webcare.load.text", per_hour=fmt(rate, 1), handling=fmt(handling, 1), busy=fmt(busy, 1),
                minimum=minimum)
    return Workload(rate, handling, busy, minimum, text_)


@dataclass(frozen=True)
class Shift:
    agents: int
    hours: float
    utilisation: float       # % of the time the team is busy
    within_target: float     # % of messages answered (wait + handling) within their category's target
    per_category: dict       # category -> % within target
    mean_wait: float         # minutes before someone starts on a message
    waits: tuple             # minutes each message waited (all replications)
    text: str

    def waiting_at_most(self, minutes: float) -> float:
        """% of messages someone started on within ``minutes`` (the Erlang C service level)."""
        return 100 * sum(1 for w in self.waits if w <= minutes) / len(self.waits) if self.waits else 100.0


def shift(per_hour, handling_minutes, agents, hours=8, mix=None, replications=5, seed=2026,
          targets=None) -> Shift:
    """Simulate a shift of ``hours`` with ``agents`` people: messages arrive at random (``per_hour`` on
    average, in the proportions of ``mix``), the most urgent category first, each taking
    ``handling_minutes`` on average (exponential). Averages ``replications`` runs with fixed seeds."""
    import ciw  # a maintained discrete-event simulator; imported here so `import smmkit` stays light

    load = workload(per_hour, handling_minutes)
    agents = int(number(agents, msg("webcare.field.agents"), minimum=1, maximum=500))
    hours = number(hours, msg("webcare.field.hours"), positive=True, maximum=24 * 365)
    replications = int(number(replications, msg("webcare.field.replications"), minimum=1, maximum=100))
    mix = dict(SHIFT_MIX if mix is None else mix)
    targets = dict(TARGET_MINUTES, **(targets or {}))
    for category in mix:
        one_of(category, CATEGORIES, msg("webcare.field.category"))
    total = sum(mix.values())
    if total <= 0:
        raise SmmkitError(msg("webcare.bad_mix", categories=choices(CATEGORIES)))
    classes = [c for c in CATEGORIES if mix.get(c, 0) > 0]
    order = sorted(range(len(classes)), key=lambda i: PRIORITY[classes[i]])
    per_minute = load.per_hour / 60
    network = ciw.create_network(
        arrival_distributions={f"Class {i}": [ciw.dists.Exponential(rate=per_minute * mix[c] / total)]
                               for i, c in enumerate(classes)},
        service_distributions={f"Class {i}": [ciw.dists.Exponential(rate=1 / load.handling_minutes)]
                               for i, _c in enumerate(classes)},
        number_of_servers=[agents],
        priority_classes={f"Class {i}": rank for rank, i in enumerate(order)},
    )
    # Messages keep arriving after the shift (a steady stream, not one burst that the team then works
    # off): only those that arrived during the shift count, answered late or still waiting.
    end = hours * 60
    horizon = end + max(targets[c] for c in classes)
    waits, ok, per_cat = [], [], {c: [] for c in classes}
    for run in range(replications):
        ciw.seed(seed + run)
        sim = ciw.Simulation(network)
        sim.simulate_until_max_time(horizon)
        for record in sim.get_all_records():
            if record.arrival_date >= end:
                continue
            category = classes[int(str(record.customer_class).split()[-1])]
            waits.append(record.waiting_time)
            met = record.waiting_time + record.service_time <= targets[category]
            ok.append(met)
            per_cat[category].append(met)
        for node in sim.nodes[1:-1]:  # arrived in the shift and still not answered at the horizon: late
            for individual in node.all_individuals:
                if individual.arrival_date < end:
                    category = classes[int(str(individual.customer_class).split()[-1])]
                    ok.append(False)
                    per_cat[category].append(False)
    within = round(100 * sum(ok) / len(ok), 1) if ok else 100.0
    shares = {c: round(100 * sum(v) / len(v), 1) for c, v in per_cat.items() if v}
    utilisation = load.utilisation(agents)
    mean_wait = sum(waits) / len(waits) if waits else 0.0
    staff = msg("webcare.staff_one") if agents == 1 else msg("webcare.staff_many")
    text_ = msg("webcare.shift.text", agents=agents, staff=staff, hours=fmt(hours, 1),
                utilisation=_pct(utilisation), within=_pct(within), wait=fmt(mean_wait, 1))
    if utilisation >= 100:
        text_ += " " + msg("webcare.shift.overloaded", minimum=load.minimum_agents)
    return Shift(agents, hours, round(utilisation, 1), within, shares, mean_wait, tuple(waits), text_)


def staffing(per_hour, handling_minutes, within=90, hours=8, mix=None, replications=5, seed=2026) -> Shift:
    """The smallest team that answers at least ``within`` % of the messages within target over a shift."""
    goal = number(within, msg("webcare.field.within"), minimum=1, maximum=100)
    load = workload(per_hour, handling_minutes)
    for agents in range(load.minimum_agents, load.minimum_agents + 200):
        result = shift(per_hour, handling_minutes, agents, hours, mix, replications, seed)
        if result.within_target >= goal:
            return result
    raise SmmkitError(msg("webcare.no_staffing", within=_pct(goal)))


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
