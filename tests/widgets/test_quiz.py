"""Self-check questions: feedback helps after a wrong try, never shows the answer before a try."""
import pytest

from smmkit.errors import SmmkitError
from smmkit.widgets.quiz import MultipleChoice, NumberQuestion


def _mc():
    return MultipleChoice(
        "Welke behoefte past het best bij een uitlegvideo?",
        ["Autonomie", "Competentie", "Verbondenheid"],
        answer="Competentie",
        hints={"Verbondenheid": "Gaat het om contact of om iets leren?"},
        explanation="Iets leren = je bekwaam voelen.",
    )


def test_checking_without_a_choice_asks_for_one_and_counts_no_try():
    q = _mc()
    q.check()
    assert "Kies eerst een antwoord" in q.feedback.value
    assert q.result["tries"] == 0


def test_wrong_choice_gets_its_hint_but_not_the_answer():
    q = _mc()
    assert q.explain_button.layout.display == "none"
    q.choice.value = "Verbondenheid"
    result = q.check()
    assert result == {"tries": 1, "correct": False, "answer": "Verbondenheid"}
    assert "Gaat het om contact of om iets leren?" in q.feedback.value
    assert "Competentie" not in q.feedback.value and "Iets leren" not in q.feedback.value
    assert q.explain_button.layout.display is None  # offered only now
    q.choice.value = "Autonomie"
    q.check()
    assert "probeer een ander antwoord" in q.feedback.value


def test_explanation_is_refused_before_a_try_and_shown_after():
    q = _mc()
    q.show_explanation()
    assert q.feedback.value == ""
    q.choice.value = "Autonomie"
    q.check()
    q.show_explanation()
    assert "Uitleg: Iets leren" in q.feedback.value


def test_right_choice_is_praised_with_the_explanation():
    q = _mc()
    q.choice.value = "Competentie"
    q.check_button.click()
    assert q.result["correct"] is True
    assert "Goed! Iets leren" in q.feedback.value


def test_author_mistakes_are_explained_in_dutch():
    with pytest.raises(SmmkitError, match="staat niet tussen de keuzes"):
        MultipleChoice("?", ["a", "b"], answer="c")
    with pytest.raises(SmmkitError, match="minstens twee opties"):
        MultipleChoice("?", ["a"], answer="a")
    with pytest.raises(SmmkitError, match="hint voor 'x'"):
        MultipleChoice("?", ["a", "b"], answer="a", hints={"x": "?"})
    with pytest.raises(SmmkitError, match="marge moet 0 of groter"):
        NumberQuestion("?", answer=1, tolerance=-1)


@pytest.mark.parametrize("typed, feedback, correct", [
    ("45", "Goed!", True),
    ("45,3", "Goed!", True),
    ("45 %", "Goed!", True),
    ("60", "te hoog", False),
    ("18", "te laag", False),
])
def test_number_question_says_higher_or_lower(typed, feedback, correct):
    q = NumberQuestion("Relatieve groei?", answer=45, tolerance=0.5, unit="%", hint="(nieuw − oud) / oud × 100")
    q.number.value = typed
    q.check()
    assert feedback in q.feedback.value
    assert q.result["correct"] is correct
    if not correct:
        assert "(nieuw − oud) / oud × 100" in q.feedback.value and "45" not in q.feedback.value


def test_number_question_rejects_text_and_empty_without_counting_a_try():
    q = NumberQuestion("?", answer=3)
    q.check()
    assert "Vul eerst een getal in" in q.feedback.value
    q.number.value = "drie"
    q.check()
    assert "'drie' is geen getal" in q.feedback.value
    assert q.result["tries"] == 0
