"""Campaign funnel: from budget to impressions, clicks and leads.

    impressions = budget / CPM × 1,000
    clicks      = impressions × CTR / 100
    leads       = clicks × conversion rate / 100
    cost per click = budget / clicks;  cost per lead = budget / leads

Results are expectations, not promises: the CPM, CTR and conversion rate are the learner's
assumptions (from earlier campaigns or benchmarks).

    >>> f = funnel(budget=500, cpm=5, ctr=1, conversion_rate=10)
    >>> f.impressions, f.clicks, f.leads
    (100000.0, 1000.0, 100.0)
"""
from __future__ import annotations

from dataclasses import dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models._input import fmt, money, number, percentage

STAGES = ("budget", "impressions", "clicks", "leads")


@dataclass(frozen=True)
class Funnel:
    budget: float
    cpm: float
    ctr: float
    conversion_rate: float
    impressions: float
    clicks: float
    leads: float
    cost_per_click: float | None
    cost_per_lead: float | None
    text: str

    def rows(self) -> list[dict]:
        """One row per stage (rounded down to whole people for clicks and leads)."""
        return [
            {"stap": stage_label("budget"), "aantal": round(self.budget, 2), "kosten_per_stuk": None},
            {"stap": stage_label("impressions"), "aantal": int(self.impressions),
             "kosten_per_stuk": round(self.cpm / 1000, 4)},
            {"stap": stage_label("clicks"), "aantal": int(self.clicks),
             "kosten_per_stuk": None if self.cost_per_click is None else round(self.cost_per_click, 2)},
            {"stap": stage_label("leads"), "aantal": int(self.leads),
             "kosten_per_stuk": None if self.cost_per_lead is None else round(self.cost_per_lead, 2)},
        ]


def stage_label(stage: str) -> str:
    return msg(f"funnel.stage.{stage}")


def funnel(budget, cpm, ctr, conversion_rate) -> Funnel:
    """Expected results of a campaign; CTR and conversion rate are percentages (1.5 = 1.5 %)."""
    budget = number(budget, msg("funnel.field.budget"), minimum=0)
    cpm = number(cpm, msg("funnel.field.cpm"), minimum=0)
    if cpm == 0:
        raise SmmkitError(msg("funnel.zero_cpm"))
    ctr = percentage(ctr, msg("funnel.field.ctr"))
    conversion_rate = percentage(conversion_rate, msg("funnel.field.conversion"))
    impressions = budget / cpm * 1000
    clicks = impressions * ctr / 100
    leads = clicks * conversion_rate / 100
    cpc = budget / clicks if clicks else None
    cpl = budget / leads if leads else None
    if budget == 0:
        text = msg("funnel.text.no_budget")
    elif cpl is None:
        text = msg("funnel.text.no_leads", impressions=fmt(int(impressions)), clicks=fmt(int(clicks)))
    else:
        text = msg("funnel.text.ok", budget=money(budget), impressions=fmt(int(impressions)), clicks=fmt(int(clicks)),
                   leads=fmt(int(leads)), cpl=money(cpl), cpc=money(cpc))
        if leads < 1:
            text += " " + msg("funnel.text.less_than_one")
    return Funnel(budget, cpm, ctr, conversion_rate, impressions, clicks, leads, cpc, cpl, text)


def budget_for_leads(leads, cpm, ctr, conversion_rate) -> float:
    """The budget needed for a number of leads with the same assumptions (the funnel backwards)."""
    leads = number(leads, msg("funnel.field.leads"), minimum=0)
    cpm = number(cpm, msg("funnel.field.cpm"), positive=True)
    ctr = percentage(ctr, msg("funnel.field.ctr"))
    conversion_rate = percentage(conversion_rate, msg("funnel.field.conversion"))
    if ctr == 0 or conversion_rate == 0:
        raise SmmkitError(msg("funnel.zero_rate"))
    return leads / (conversion_rate / 100) / (ctr / 100) / 1000 * cpm


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
