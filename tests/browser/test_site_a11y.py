"""The static site (``python3 kit.py html``) is accessible: axe-core finds no serious or critical
violation on any page (WCAG 2.0/2.1/2.2 A and AA rules), and its quizzes answer, by mouse and by
keyboard, in a live region a screen reader announces.

The pages come from the one site build of the test run (the ``site`` fixture in tests/conftest.py)
and are opened from disk (``file://``), as a reader who downloaded the folder would; requests to the
network (MathJax from a CDN) are blocked, so the test also shows the site works offline. axe-core is
npm's package in ``.venv/node`` (``kit.py test`` installs it).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import labdriver  # noqa: E402
import notebook_nav  # noqa: E402

AXE = ROOT / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = ["index.html"] + [Path(c.file).with_suffix(".html").name for c in notebook_nav.CHAPTERS]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(2400)]


def open_page(page, path: Path) -> None:
    page.route("http*://**/*", lambda route: route.abort())  # offline, like a copy on a USB stick
    page.goto(path.resolve().as_uri(), wait_until="load")


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    found = []
    for violation in result["violations"]:
        if violation["impact"] in ("serious", "critical"):
            nodes = [" ".join(n["target"]) + " → " + n.get("failureSummary", "")[:200] for n in violation["nodes"][:5]]
            found.append(f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}×): "
                         f"{violation['help']}\n    " + "\n    ".join(nodes))
    return found


@pytest.mark.parametrize("name", PAGES)
def test_site_page_has_no_serious_axe_violations(site, chromium, name):
    if not AXE.exists():
        pytest.skip("axe-core ontbreekt in .venv/node (python3 kit.py test installeert het met npm)")
    out, _, _ = site
    with labdriver.new_page(chromium, viewport=(1366, 768)) as page:
        open_page(page, out / name)
        assert page.evaluate("document.documentElement.lang") == "nl"
        found = serious_violations(page)
    assert not found, f"{name}: axe-core found serious/critical violations:\n" + "\n".join(found)


def _quiz(page, kind: str, nth: int = 0):
    """The ``nth`` quiz form of a kind on the page, with its question as the build wrote it."""
    forms = page.locator("form.smmkit-quiz-form")
    specs = [json.loads(forms.nth(i).get_attribute("data-quiz")) for i in range(forms.count())]
    matching = [i for i, spec in enumerate(specs) if spec["kind"] == kind]
    assert len(matching) > nth, f"no {kind} quiz number {nth} on the page ({len(specs)} quizzes)"
    return forms.nth(matching[nth]), specs[matching[nth]]


def test_site_quiz_answers_by_mouse_and_keyboard(site, chromium):
    from playwright.sync_api import expect

    from smmkit.messages import msg

    out, _, _ = site
    with labdriver.new_page(chromium, viewport=(1366, 768)) as page:
        open_page(page, out / "01-introductie.html")
        form, spec = _quiz(page, "choice")
        result = form.get_by_role("status")
        group = page.get_by_role("group", name=spec["question"], exact=False)
        expect(group).to_have_count(1)  # radios in a fieldset whose legend is the question
        wrong = next(i for i, option in enumerate(spec["options"]) if option != spec["answer"])
        right = spec["options"].index(spec["answer"])
        # mouse: check without a choice, then a wrong option: the hint for that option, no answer
        form.get_by_role("button", name=msg("quiz.check")).click()
        expect(result).to_have_text(msg("quiz.choose_first"))
        form.get_by_role("radio", name=spec["options"][wrong]).check()
        form.get_by_role("button", name=msg("quiz.check")).click()
        hint = spec["hints"].get(spec["options"][wrong], msg("quiz.wrong_generic"))
        expect(result).to_have_text(msg("quiz.wrong", hint=hint))
        expect(result).to_have_class("result wrong")
        assert spec["answer"] not in result.inner_text()
        explain = form.get_by_role("button", name=msg("quiz.show_explanation"))
        explain.click()
        expect(result).to_have_text(msg("quiz.explanation", explanation=spec["explanation"]))
        # keyboard only: focus the chosen radio, arrow keys to the right option, Enter submits
        form.get_by_role("radio", name=spec["options"][wrong]).focus()
        key = "ArrowDown" if right > wrong else "ArrowUp"
        for _ in range(abs(right - wrong)):
            page.keyboard.press(key)
        expect(form.get_by_role("radio", name=spec["options"][right])).to_be_checked()
        page.keyboard.press("Enter")
        expect(result).to_have_text(msg("quiz.correct", explanation=spec["explanation"]).strip())
        expect(explain).to_be_hidden()

        open_page(page, out / "02-typen-en-kanalen.html")
        form, spec = _quiz(page, "number")
        result = form.get_by_role("status")
        field = form.get_by_role("textbox", name=msg("site.quiz.answer"))
        field.focus()  # keyboard: type, Tab to the button, Space presses it
        page.keyboard.type(f"{spec['answer'] + 5 * (spec['tolerance'] + 1):g}".replace(".", ","))
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        expect(result).to_have_text(msg("quiz.too_high", hint=spec["hint"]))
        field.fill("veel")
        page.keyboard.press("Enter")  # Enter in the field submits the form
        expect(result).to_have_text(msg("quiz.not_a_number", value="veel"))
        field.fill(f"{spec['answer']:g}".replace(".", ","))
        field.press("Enter")
        expect(result).to_have_text(msg("quiz.correct", explanation=spec["explanation"]).strip())
