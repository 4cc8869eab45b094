/* The site's self-check questions (tools/static_widgets.quiz_form): check the answer in the page,
   without a network or a kernel, the way smmkit/widgets/quiz.py does in JupyterLab. Texts come from
   the catalogue (smmkit/messages/nl/quiz.py) through the JSON block #smmkit-quiz-texts. */
(function () {
  "use strict";
  var texts = JSON.parse(document.getElementById("smmkit-quiz-texts").textContent);
  function fill(key, values) {
    return texts[key].replace(/\{(\w+)\}/g, function (_, name) { return values[name] || ""; }).trim();
  }
  function parseNumber(typed) {
    // Dutch first: a comma is the decimal sign, dots between groups of three digits are thousands
    var t = typed.replace(/\s/g, "").replace(/%$/, "");
    if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) { t = t.replace(/\./g, ""); }
    t = t.replace(",", ".");
    return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? parseFloat(t) : NaN;
  }
  function say(form, kind, text) {
    var result = form.querySelector(".result");
    result.className = "result " + kind;
    result.textContent = "";
    // a short pause, so a screen reader also announces the same text twice in a row
    window.setTimeout(function () { result.textContent = text; }, 50);
  }
  function check(form, quiz) {
    var judged;
    if (quiz.kind === "choice") {
      var chosen = form.querySelector("input[type=radio]:checked");
      if (!chosen) { say(form, "wrong", texts["quiz.choose_first"]); return; }
      var option = quiz.options[Number(chosen.value)];
      judged = option === quiz.answer ? null :
        fill("quiz.wrong", {hint: quiz.hints[option] || texts["quiz.wrong_generic"]});
    } else {
      var field = form.querySelector("input[type=text]");
      var typed = field.value.trim();
      if (!typed) { say(form, "wrong", texts["quiz.type_first"]); return; }
      var value = parseNumber(typed);
      if (isNaN(value)) { say(form, "wrong", fill("quiz.not_a_number", {value: field.value})); return; }
      judged = Math.abs(value - quiz.answer) <= quiz.tolerance + 1e-9 ? null :
        fill(value > quiz.answer ? "quiz.too_high" : "quiz.too_low", {hint: quiz.hint || texts["quiz.wrong_generic"]});
    }
    var explain = form.querySelector("button.secondary");
    if (judged === null) {
      say(form, "ok", fill("quiz.correct", {explanation: quiz.explanation}));
      explain.hidden = true;
    } else {
      say(form, "wrong", judged);
      explain.hidden = !quiz.explanation;
    }
  }
  var forms = document.querySelectorAll("form.smmkit-quiz-form");
  Array.prototype.forEach.call(forms, function (form) {
    var quiz = JSON.parse(form.getAttribute("data-quiz"));
    form.addEventListener("submit", function (event) { event.preventDefault(); check(form, quiz); });
    form.querySelector("button.secondary").addEventListener("click", function () {
      say(form, "info", fill("quiz.explanation", {explanation: quiz.explanation}));
    });
  });
})();
