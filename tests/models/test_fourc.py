"""4C model: validation of a plan, coverage per C, missing/weak Cs and advice."""
import pytest

from smmkit.errors import SmmkitError
from smmkit.models import fourc

PLAN = [
    ("Vragen van inwoners binnen een werkdag beantwoorden", "conversatie"),
    ("Video over de nieuwe afvalregels", "content"),
    ("Wekelijkse foto van de haven", "Content"),
    ("Inwoners laten meestemmen over het plein", None),
    ("Meldingen openbare ruimte zichtbaar afhandelen", "klantbeleving"),
]


def test_aliases_and_unsorted():
    assert fourc.normalise_c("Samenwerking") == "collaboratie"
    assert fourc.normalise_c(" Customer Experience ") == "customer experience"
    assert fourc.normalise_c("customerexperience") == "customer experience"
    assert fourc.normalise_c("") is None and fourc.normalise_c(None) is None


def test_coverage_counts_shares_and_neglect():
    cov = fourc.coverage(PLAN)
    assert cov.counts == {"customer experience": 1, "conversatie": 1, "content": 2, "collaboratie": 0}
    assert cov.shares == {"customer experience": 25.0, "conversatie": 25.0, "content": 50.0, "collaboratie": 0.0}
    assert cov.unsorted == ["Inwoners laten meestemmen over het plein"]
    assert cov.missing == ("collaboratie",) and cov.weak == () and cov.neglected == ("collaboratie",)
    assert not cov.balanced and cov.sorted_total == 4


def test_weak_threshold():
    plan = [("a", "content")] * 7 + [("b", "conversatie"), ("c", "collaboratie"), ("d", "customer experience")]
    cov = fourc.coverage(plan)
    # 1 of 10 = 10 % < 12.5 %: weak; the least covered first, ties in model order
    assert cov.weak == ("customer experience", "conversatie", "collaboratie")
    assert cov.neglected == ("customer experience", "conversatie", "collaboratie")
    assert fourc.coverage(plan, weak_below=10).weak == ()
    with pytest.raises(SmmkitError, match="tussen 0 en 25"):
        fourc.coverage(plan, weak_below=30)


def test_balanced_plan():
    cov = fourc.coverage([(str(i), c) for i, c in enumerate(fourc.CS)])
    assert cov.balanced and fourc.advice(cov) == ["Je plan dekt alle vier de C's redelijk evenwichtig. Mooi!"]


def test_accepts_dicts_and_activity_objects():
    cov = fourc.coverage([{"activiteit": "Quiz", "c": "content"}, fourc.Activity("Stemming", "collaboratie")])
    assert cov.counts["content"] == 1 and cov.counts["collaboratie"] == 1


@pytest.mark.parametrize("plan, pattern", [
    ([], "nog geen activiteiten"),
    ("content", "lijst met activiteiten.*str"),
    ({"a": "content"}, "lijst met activiteiten.*dict"),
    ([("  ", "content")], "Regel 1 heeft geen tekst"),
    ([("Quiz", "content"), ("Poll", "commerce")], "Regel 2 \\('Poll'\\): 'commerce' is geen C.*Customer experience, Conversatie, Content of Collaboratie"),
    ([("Quiz",)], "Regel 1 .* is geen activiteit"),
])
def test_invalid_plans_give_dutch_messages(plan, pattern):
    with pytest.raises(SmmkitError, match=pattern):
        fourc.coverage(plan)


def test_advice_names_the_neglected_c_with_a_tip():
    lines = fourc.advice(fourc.coverage(PLAN))
    assert lines[0] == "1 activiteit(en) heb je nog niet ingedeeld; die tellen hieronder niet mee."
    assert lines[1].startswith("Je plan verwaarloost Collaboratie: geen enkele activiteit.")
    assert "meebeslissen" in lines[1]
    assert len(lines) == 2


def test_advice_when_nothing_is_sorted():
    cov = fourc.coverage([("a", None), ("b", "")])
    assert cov.missing == fourc.CS and fourc.advice(cov) == [
        "Je hebt nog geen van de 2 activiteiten ingedeeld. Kies bij elke activiteit een C."]
