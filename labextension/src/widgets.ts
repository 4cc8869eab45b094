/**
 * The few texts that the widget manager (@jupyter-widgets/jupyterlab-manager) writes as plain English
 * into an output, with no translator (smmkit/compat.py "widgets-manager-no-translator"): "Loading
 * widget...", "Error displaying widget" and "Error displaying widget: model not found" (a widget whose
 * kernel side is gone and whose saved state is missing), in the language of JupyterLab. Domain
 * "jupyterlab_widgets" (smmkit/messages/nl/jupyterlab/jupyterlab_widgets.json); the English text
 * stays in the tooltip.
 *
 * An output that says "model not found" is rendered again a few times, later and later
 * (smmkit/compat.py "widgets-restore-race"): the manager reads a reopened notebook's saved widgets
 * while it also restores from the new kernel; the kernel part may finish first and mark the manager
 * restored, and an output that asks for its model then waits only 2 s for it. On a slow machine the
 * saved models come later, and the output says "model not found" for a model that exists a moment
 * after. Lab's OutputArea calls the same renderer's renderModel when an output is set anew.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ITranslator } from '@jupyterlab/translation';
import { NAME, textNodes } from './dom';

const WIDGETS_DOMAIN = 'jupyterlab_widgets';
const NOT_FOUND = 'Error displaying widget: model not found';
const WIDGET_TEXTS = ['Loading widget...', 'Error displaying widget', NOT_FOUND];
const VIEW_MIME = 'application/vnd.jupyter.widget-view+json';
const RETRY_SECONDS = [1, 2, 4, 8, 8, 8]; // then the (Dutch) text stays: the model is really gone

function activate(app: JupyterFrontEnd, translator: ITranslator, tracker: INotebookTracker | null): void {
  const trans = translator.load(WIDGETS_DOMAIN);
  const attempts: Record<string, number> = {}; // model id -> renders asked for

  function renderAgain(node: Element): void {
    if (!tracker) {
      return;
    }
    tracker.forEach(panel => {
      panel.content.widgets.forEach(cell => {
        const area = (cell as { outputArea?: import('@jupyterlab/outputarea').OutputArea }).outputArea;
        if (!area || !area.node.contains(node)) {
          return;
        }
        for (let i = 0; i < area.widgets.length && i < area.model.length; i++) {
          if (!area.widgets[i].node.contains(node)) {
            continue;
          }
          const output = area.model.get(i);
          const view = output.data && (output.data[VIEW_MIME] as { model_id?: string } | undefined);
          const id = view && view.model_id;
          if (!id) {
            return;
          }
          const done = attempts[id] || 0;
          if (done >= RETRY_SECONDS.length) {
            return;
          }
          attempts[id] = done + 1;
          const index = i;
          const model = area.model;
          setTimeout(() => {
            try {
              if (index < model.length && model.get(index) === output) {
                model.set(index, output.toJSON());
              }
            } catch (err) {
              console.warn(`${NAME}: widget not rendered again`, err);
            }
          }, RETRY_SECONDS[done] * 1000);
          return;
        }
      });
    });
  }

  // the renderer sets node.textContent (one text node that is exactly one of the texts), often
  // before its output is attached: then the added node is an ancestor, searched as a whole
  function translate(node: Node): void {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if ((node.textContent ?? '').indexOf('widget') < 0) {
        return;
      }
      textNodes(node).forEach(translate);
      return;
    }
    const english = node.nodeValue ?? '';
    if (node.nodeType !== Node.TEXT_NODE || WIDGET_TEXTS.indexOf(english) < 0) {
      return;
    }
    const parent = node.parentElement;
    if (!parent || !parent.closest('.jp-OutputArea-output')) {
      return;
    }
    const dutch = trans.__(english);
    if (dutch === english) {
      return;
    }
    parent.setAttribute('title', english);
    node.nodeValue = dutch;
    if (english === NOT_FOUND) {
      try {
        renderAgain(parent);
      } catch (err) {
        console.warn(`${NAME}: widget not rendered again`, err);
      }
    }
  }

  try {
    new MutationObserver(records => {
      records.forEach(record => record.addedNodes.forEach(translate));
    }).observe(app.shell.node, { subtree: true, childList: true });
  } catch (err) {
    console.warn(`${NAME}: widget texts not translated`, err);
  }
}

export const widgetsPlugin: JupyterFrontEndPlugin<void> = {
  id: `${NAME}:widgets`,
  description: "the widget manager's loading and error texts in outputs in the language of JupyterLab",
  autoStart: true,
  requires: [ITranslator],
  optional: [INotebookTracker],
  activate
};
