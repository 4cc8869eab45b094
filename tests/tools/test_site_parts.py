"""The parts of the static site that need no build: Jupyter-only wording, quiz questions read from
a cell's code, the quiz form, chart text alternatives, the accessibility post-processing."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import build_html  # noqa: E402
import static_widgets  # noqa: E402

from smmkit.messages import msg  # noqa: E402


def test_jupyter_only_sentences_leave_the_site_and_the_rest_stays():
    text = ("**Werkwijze.** Voer de cellen van boven naar beneden uit met **Shift + Enter**. Lees eerst de tekst.\n\n"
            "De eerste cel laadt de kit. Klik erin en druk op **Shift + Enter**; daarna doe je dat bij elke cel.\n\n"
            "✏️ **Probeer zelf.** Verander `True` in `False` en voer de cel opnieuw uit.\n\n"
            "Een gewone alinea over reputatie.\n\n<div class=\"jupyter-only\">Kies *Kernel → Herstart*.</div>")
    site = build_html.site_markdown(text)
    assert "Shift" not in site and "voer de cel" not in site.lower() and "Kernel" not in site
    assert "Lees eerst de tekst." in site and "Een gewone alinea over reputatie." in site
    assert "De eerste cel laadt de kit." in site
    assert msg("site.try_in_lab") in site
    code = "# Deze cel laadt de kit. Voer hem als eerste uit (Shift + Enter).\nimport smmkit\n# Voer deze cel uit.\nx = 1"
    assert build_html.site_code(code) == "# Deze cel laadt de kit.\nimport smmkit\nx = 1"


def test_quiz_spec_reads_literals_only_and_the_form_is_labelled():
    source = ('MultipleChoice(\n    "Welke C?"\n    " Kies er een.",\n    ["Content", "Collaboratie"],\n'
              '    answer="Collaboratie", hints={"Content": "Wie beslist mee?"}, explanation="Meedoen.")')
    spec = static_widgets.quiz_spec(source)
    assert spec == {"kind": "choice", "question": "Welke C? Kies er een.", "explanation": "Meedoen.",
                    "options": ["Content", "Collaboratie"], "answer": "Collaboratie",
                    "hints": {"Content": "Wie beslist mee?"}}
    assert static_widgets.quiz_spec("MultipleChoice(vraag, opties, answer=antwoord)") is None
    assert static_widgets.quiz_spec("print('geen vraag')") is None
    form = static_widgets.quiz_form(spec, "q1")
    assert "<fieldset><legend" in form and form.count('type="radio" name="q1"') == 2
    assert 'role="status"' in form and f">{msg('quiz.check')}</button>" in form
    number = static_widgets.quiz_spec('NumberQuestion("Hoeveel?", answer=3, tolerance=0.05, unit="%")')
    assert number["answer"] == 3.0 and number["unit"] == "%"
    field = static_widgets.quiz_form(number, "q2")
    assert f'<label for="q2-in">{msg("site.quiz.answer")}</label>' in field and 'id="q2-in"' in field


def test_chart_text_alternative_names_title_values_and_source():
    from smmkit import plots

    fig = plots.bar({"kanaal": ["Facebook", "Twitter"], "pct": [61.5, 1200]}, "kanaal", "pct",
                    title="Kanalen van gemeenten", source="Kok (2012)")
    alt = plots.text_alternative(fig)
    assert alt.startswith("Grafiek: Kanalen van gemeenten.")
    assert "Facebook 61,5" in alt and "Twitter 1.200" in alt and "Bron: Kok (2012)" in alt
    # the output's alt (plots.chart_alt): what the helper drew, with the same values and source
    shown = plots._png_formatter(fig)[1]["alt"]
    assert shown.startswith("Staafdiagram 'Kanalen van gemeenten'")
    assert "Facebook 61,5" in shown and "Twitter 1.200" in shown and shown.endswith("Bron: Kok (2012).")


def test_accessible_fixes_outline_checklists_colours_and_alt():
    body = ('<html><body><main><h1 id="a">A</h1><h3 id="b">B</h3><h2 id="c">C</h2><h2 id="d">D</h2>'
            '<ul><li class="task-list-item"><input type="checkbox" disabled> Doel</li></ul>'
            '<span style="color:#D55E00">✗</span><img src="x.png">'
            '<table><thead><tr><th></th><th>n</th></tr></thead></table><div class="jp-OutputArea-output">'
            '<p>Nog niets. Voer de cellen hierboven uit; dan komt het hier.</p></div></main></body></html>')
    page = build_html.accessible(body)
    assert [h for h in re.findall(r"<h(\d)", page)] == ["1", "2", "2", "2", "2"]  # toc heading included
    assert "checkbox" not in page and "☐ " in page
    assert "#D55E00" not in page and 'alt="' + msg("site.chart_alt") + '"' in page
    assert 'class="smmkit-toc"' in page
    assert "<p>Nog niets.</p>" in page
    assert f'<th><span class="smmkit-sr">{msg("site.table_corner")}</span></th>' in page
