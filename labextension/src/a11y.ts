/**
 * What ipywidgets 8 cannot say from Python (issue #22, WCAG 2.2 AA): it has no way to give an element a
 * role or an aria attribute. smmkit/widgets/base.py marks elements with CSS classes and this plugin adds
 * the attributes, only inside the kit's widget roots (.smmkit-widget, .smmkit-quiz):
 *   - data-lm-suppress-shortcuts on each root and on each of its controls: keys typed in a widget are
 *     the widget's, not notebook shortcuts (Lumino checks from the focused element upwards and Lab's
 *     notebook bindings end in ":focus", which the control itself matches, so the root alone is not enough);
 *   - a polite live region on every ".smmkit-live" HTML widget (errors, "Klaar: …", quiz feedback);
 *   - a name on each slider handle (the slider's tooltip, "LinkedIn – Competentie", else its label);
 *   - aria-pressed on toggle buttons and a named group around them;
 *   - a radiogroup named after the quiz question (one native radio group, so arrows choose), and the
 *     question as description of a typed answer;
 *   - the chart's text alternative (".smmkit-chart-alt", made in Python from the chart's data) as the alt
 *     of the chart image before it, and the alt in an image output's metadata (smmkit.plots puts it there;
 *     nbconvert reads it, Lab's image renderer ignores it);
 *   - a visible focus outline (#005A8C, 7.4:1 on white), wrapping rows for 200 % zoom, underlined links.
 * A MutationObserver, batched per animation frame, sets an attribute only when it differs, so its own
 * changes do not wake it up again.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';
import { NAME } from './dom';

const KIT_ROOTS = '.smmkit-widget, .smmkit-quiz';
export const SUPPRESS = 'data-lm-suppress-shortcuts';
const A11Y_CSS = [
  '.smmkit-widget :focus-visible, .smmkit-quiz :focus-visible {',
  '  outline: 3px solid #005A8C !important; outline-offset: 1px !important; }',
  '.smmkit-widget .widget-hbox, .smmkit-quiz .widget-hbox { flex-wrap: wrap; max-width: 100%; }',
  '.smmkit-widget .widget-toggle-buttons > div { display: flex; flex-wrap: wrap; }',
  '.smmkit-widget img.widget-image { max-width: 100%; height: auto; }',
  '.smmkit-widget .widget-inline-hbox { max-width: 100%; }',
  // links in the chapters' text: not by colour alone (#0d47a1 in #212121 text is 1.9:1; WCAG 1.4.1)
  '.jp-RenderedHTMLCommon a:not(.jp-InternalAnchorLink) { text-decoration: underline; }'
].join('\n');
let uniqueId = 0;

function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) {
      el.removeAttribute(name);
    }
    return;
  }
  if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

function idOf(el: Element): string {
  if (!el.id) {
    el.id = `smmkit-a11y-${++uniqueId}`;
  }
  return el.id;
}

/** ipywidgets writes the string "null" as title when a widget has no tooltip. */
function tooltipOf(el: Element | null): string {
  const title = el?.getAttribute('title');
  return title && title !== 'null' ? title.trim() : '';
}

function fixRoot(root: Element): void {
  setAttr(root, SUPPRESS, 'true');
  root
    .querySelectorAll('input, select, textarea, button, [tabindex], [contenteditable]')
    .forEach(el => setAttr(el, SUPPRESS, 'true'));
  root.querySelectorAll('.smmkit-live').forEach(el => {
    setAttr(el, 'role', 'status');
    setAttr(el, 'aria-live', 'polite');
    setAttr(el, 'aria-atomic', 'true');
  });
  root.querySelectorAll('.widget-slider').forEach(slider => {
    const label = slider.querySelector(':scope > .widget-label');
    const handle = slider.querySelector('[role=slider]');
    if (!label || !handle) {
      return;
    }
    const name = tooltipOf(label) || (label.textContent ?? '').trim();
    if (name) {
      setAttr(handle, 'aria-label', name);
    }
  });
  root.querySelectorAll('.widget-toggle-buttons').forEach(box => {
    const label = box.querySelector(':scope > .widget-label');
    const group = box.querySelector(':scope > div');
    if (!group) {
      return;
    }
    setAttr(group, 'role', 'group');
    if (label && (label.textContent ?? '').trim()) {
      setAttr(group, 'aria-labelledby', idOf(label));
    }
  });
  root.querySelectorAll('button.widget-toggle-button').forEach(button => {
    setAttr(button, 'aria-pressed', button.classList.contains('mod-active') ? 'true' : 'false');
  });
  root.querySelectorAll('.widget-radio').forEach(radio => {
    const box = radio.querySelector('.widget-radio-box');
    if (!box) {
      return;
    }
    setAttr(box, 'role', 'radiogroup');
    // one name for the group's radios: a native group, so the arrow keys move the choice (and click,
    // which ipywidgets listens to) and Tab stops once at the group
    const groupName = `smmkit-radio-${idOf(box)}`;
    box.querySelectorAll('input[type=radio]').forEach(input => setAttr(input, 'name', groupName));
    const quiz = radio.closest('.smmkit-quiz');
    const question = quiz?.querySelector('.smmkit-quiz-question');
    const label = radio.querySelector(':scope > .widget-label');
    if (question) {
      setAttr(box, 'aria-labelledby', idOf(question));
    } else if (label && (label.textContent ?? '').trim()) {
      setAttr(box, 'aria-labelledby', idOf(label));
    }
  });
  root.querySelectorAll('.smmkit-quiz').forEach(quiz => {
    const question = quiz.querySelector('.smmkit-quiz-question');
    if (!question) {
      return;
    }
    quiz.querySelectorAll('input[type=text]').forEach(input => setAttr(input, 'aria-describedby', idOf(question)));
  });
  root.querySelectorAll('.smmkit-chart-alt').forEach(alt => {
    const image = alt.previousElementSibling;
    if (!image || image.tagName !== 'IMG') {
      return;
    }
    const text = alt.querySelector('p');
    setAttr(image, 'alt', text ? (text.textContent ?? '').trim() : '');
  });
}

/** The alt in an image output's metadata, on the rendered image (Lab's image renderer does not use it). */
function outputAlts(tracker: INotebookTracker): void {
  tracker.forEach(panel => {
    panel.content.widgets.forEach(cell => {
      const area = (cell as any).outputArea;
      if (!area || !area.model) {
        return;
      }
      for (let i = 0; i < area.widgets.length && i < area.model.length; i++) {
        const metadata = area.model.get(i).metadata || {};
        const png = metadata['image/png'] as { alt?: unknown } | undefined;
        const alt = png?.alt;
        if (typeof alt !== 'string' || !alt) {
          continue;
        }
        area.widgets[i].node.querySelectorAll('img').forEach((img: Element) => setAttr(img, 'alt', alt));
      }
    });
  });
}

function activate(app: JupyterFrontEnd, tracker: INotebookTracker | null): void {
  try {
    const style = document.createElement('style');
    style.id = 'smmkit-a11y-style';
    style.textContent = A11Y_CSS;
    document.head.appendChild(style);
  } catch (err) {
    console.warn(`${NAME}: no focus style`, err);
  }
  let queued = false;
  const run = (): void => {
    queued = false;
    try {
      document.querySelectorAll(KIT_ROOTS).forEach(root => {
        if (!root.parentElement || !root.parentElement.closest(KIT_ROOTS)) {
          fixRoot(root);
        }
      });
      if (tracker) {
        outputAlts(tracker);
      }
    } catch (err) {
      console.warn(`${NAME}: accessibility attributes not set`, err);
    }
  };
  const queue = (): void => {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(run);
    }
  };
  try {
    new MutationObserver(queue).observe(app.shell.node, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'title']
    });
  } catch (err) {
    console.warn(`${NAME}: accessibility attributes not set`, err);
  }
  queue();
}

export const a11yPlugin: JupyterFrontEndPlugin<void> = {
  id: `${NAME}:a11y`,
  description: "roles, names, live regions, chart alternatives, focus and no notebook shortcuts in the kit's widgets",
  autoStart: true,
  optional: [INotebookTracker],
  activate
};
