/**
 * No notebook shortcuts inside the kit's widgets (issue #22): every kit widget's root (the DOM class
 * "smmkit-widget", set by smmkit/widgets/base.py) gets Lumino's attribute data-lm-suppress-shortcuts,
 * so arrow and letter keys typed in its dropdowns, radio buttons and text fields reach the widget
 * and do not run notebook commands (A/B insert a cell, D,D deletes one, arrows move between cells).
 * Lumino's key handling stops looking for a shortcut at an element with that attribute.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { NAME } from './dom';

export const WIDGET_ROOT = 'smmkit-widget';
export const SUPPRESS = 'data-lm-suppress-shortcuts';

function mark(node: Node): void {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const element = node as Element;
  if (element.classList.contains(WIDGET_ROOT)) {
    element.setAttribute(SUPPRESS, 'true');
  }
  element.querySelectorAll(`.${WIDGET_ROOT}:not([${SUPPRESS}])`).forEach(root => root.setAttribute(SUPPRESS, 'true'));
}

function activate(app: JupyterFrontEnd): void {
  try {
    mark(app.shell.node);
    // a widget view adds its class when it renders, sometimes after its node is attached
    new MutationObserver(records => {
      records.forEach(record => {
        if (record.type === 'attributes') {
          mark(record.target);
        } else {
          record.addedNodes.forEach(mark);
        }
      });
    }).observe(app.shell.node, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  } catch (err) {
    console.warn(`${NAME}: shortcuts inside widgets not suppressed`, err);
  }
}

export const shortcutsPlugin: JupyterFrontEndPlugin<void> = {
  id: `${NAME}:shortcuts`,
  description: "no notebook shortcuts for keys typed inside the kit's widgets",
  autoStart: true,
  activate
};
