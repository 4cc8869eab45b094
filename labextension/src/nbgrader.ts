/**
 * nbgrader's student panel (Assignment List) in the language of JupyterLab.
 *
 * nbgrader 0.9's lab extension writes its English texts straight into the page and uses no
 * translator (smmkit/compat.py, "nbgrader-lab-no-translator"), so the language pack cannot reach
 * them. This plugin takes its Dutch from JupyterLab's own translator, domain "nbgrader"
 * (smmkit/messages/nl/jupyterlab/nbgrader.json, installed with the kit as a "jupyterlab.locale"
 * entry point), and applies it only to what nbgrader owns:
 *   - the title of nbgrader's menu, the label of its "Assignment List" command in menus and in the
 *     command palette, the tab title;
 *   - text and tooltips inside the Assignment List widget (#nbgrader-assignment-list), also those
 *     nbgrader writes later (lists, buttons, messages), watched with a MutationObserver on that node;
 *   - nbgrader's dialogs "Invalid Submission" and "Validation Results" (recognised by their
 *     #submission-message / #validation-message body).
 * A text is replaced only when it is exactly one of nbgrader's message ids (spaces around it kept);
 * anything else (assignment names, cell sources) stays as it is. In an English Lab nothing changes.
 *
 * Texts of nbgrader's server (a failed fetch, submit, validate or list; see SERVER_ERRORS) are English
 * exchange errors or whole Python tracebacks. They get a short Dutch explanation with what to do (the
 * first pattern that matches picks its message id, else "smmkit.error.other"), and the original
 * stays below it, collapsed in a <details>. (A failed fetch reaches the lists' error line only
 * through the kit's server extension smmkit.nbgrader_fetch: nbgrader's own server drops its reason.)
 *
 * Lumino has no public way to relabel another extension's command, so the command's label is
 * translated where it is shown (menus and the palette), not in the registry.
 */
import { ILabShell, JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IMainMenu } from '@jupyterlab/mainmenu';
import { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { NAME, safely, textNodes } from './dom';

const DOMAIN = 'nbgrader';
const PANEL = 'nbgrader-assignment-list';
const MENU = 'jp-mainmenu-nbgrader';
const COMMANDS = ['nbgrader:open-assignment-list'];
// where Lumino draws a command's label: a menu item and a palette item with data-command
const COMMAND_LABELS = COMMANDS.map(
  id =>
    `.lm-Menu-item[data-command="${id}"] .lm-Menu-itemLabel, ` +
    `.lm-CommandPalette-item[data-command="${id}"] .lm-CommandPalette-itemLabel`
).join(', ');

// What nbgrader 0.9's server sends back when something fails (nbgrader/exchange/default/*.py,
// server_extensions/*/handlers.py): the exchange's message, usually as the last line of a traceback.
// First match wins; the id is a message of the domain. Order: the specific before the general.
export const SERVER_ERRORS: [RegExp, string][] = [
  [/The exchange directory does not exist|Unwritable directory, please contact your instructor/, 'smmkit.error.exchange'],
  [/You already have a copy of the assignment/, 'smmkit.error.already_fetched'],
  [/There are missing notebooks for the submission/, 'smmkit.error.missing_notebooks'],
  [/Assignment not found/, 'smmkit.error.not_found'],
  [/Inbound directory doesn't exist/, 'smmkit.error.inbound'],
  [/You do not have access to this course/, 'smmkit.error.no_access'],
  [/You don't have (read|write|execute) permissions|You don't own the directory|PermissionError/, 'smmkit.error.permission'],
  [/Directory size is too big/, 'smmkit.error.too_big'],
  [/version of the nbgrader metadata format|SchemaTooOldError|SchemaTooNewError/, 'smmkit.error.metadata'],
  [/labextension does not match\s+the server extension/, 'smmkit.error.version'],
  [/FileNotFoundError|No such file or directory/, 'smmkit.error.file_missing']
];
const OTHER_ERROR = 'smmkit.error.other';
const EXPLAINED = 'smmkit-nbgrader-error';
// where nbgrader writes a server text: the <pre> of its dialogs, the error line of each list and
// the version warning of the panel
const DIALOG_ERRORS = '#submission-message > pre, #validation-message > pre';
const PANEL_ERRORS = '.list_error, .version_error';

/** The text as nbgrader wrote it (innerText= turns line breaks into <br>). */
function plainText(node: Node): string {
  let text = '';
  node.childNodes.forEach(child => {
    if (child.nodeType === Node.TEXT_NODE) {
      text += child.nodeValue;
    } else if (child.nodeName === 'BR') {
      text += '\n';
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      text += plainText(child);
    }
  });
  return text;
}

class Translation {
  constructor(private trans: TranslationBundle) {}

  translated(text: string): string {
    const id = text.trim();
    if (!id) {
      return text;
    }
    const dutch = this.trans.__(id);
    return dutch === id ? text : text.replace(id, dutch);
  }

  text(node: Node): void {
    const value = this.translated(node.nodeValue ?? '');
    if (value !== node.nodeValue) {
      node.nodeValue = value;
    }
  }

  tree(root: Node): void {
    if (root.nodeType === Node.TEXT_NODE) {
      this.text(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    const element = root as Element;
    textNodes(element).forEach(node => this.text(node));
    const elements = [element, ...Array.from(element.querySelectorAll('[title], [aria-label]'))];
    elements.forEach(el => {
      ['title', 'aria-label'].forEach(attr => {
        const value = el.getAttribute(attr);
        if (value && this.translated(value) !== value) {
          el.setAttribute(attr, this.translated(value));
        }
      });
    });
  }

  /** A short Dutch explanation of a server text, the original collapsed below it (null: no Dutch). */
  explanation(original: string): HTMLElement | null {
    const found = SERVER_ERRORS.find(([pattern]) => pattern.test(original));
    const id = found ? found[1] : OTHER_ERROR;
    const dutch = this.trans.__(id);
    if (dutch === id) {
      return null; // no text in this language: nbgrader's own stays
    }
    const box = document.createElement('div');
    box.className = EXPLAINED;
    const said = document.createElement('p');
    said.textContent = dutch;
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = this.trans.__('smmkit.error.original');
    const pre = document.createElement('pre');
    pre.textContent = original;
    details.append(summary, pre);
    box.append(said, details);
    return box;
  }

  /** A server text in nbgrader's list or panel (plain DOM that nbgrader rewrites): replace it. */
  panelError(place: Element): void {
    if (place.querySelector('.' + EXPLAINED)) {
      return;
    }
    const original = plainText(place).trim();
    const box = original ? this.explanation(original) : null;
    if (!box) {
      return;
    }
    place.textContent = '';
    place.appendChild(box);
  }

  /** A server text in a dialog (React renders the <pre>): hide it and put the explanation after it. */
  dialogError(pre: HTMLElement): void {
    const next = pre.nextElementSibling;
    if (pre.hidden || (next && next.classList.contains(EXPLAINED))) {
      return;
    }
    const original = (pre.textContent ?? '').trim();
    const box = original ? this.explanation(original) : null;
    if (!box) {
      return;
    }
    pre.hidden = true;
    pre.after(box);
  }
}

function activate(app: JupyterFrontEnd, translator: ITranslator, mainMenu: IMainMenu | null): void {
  const t = new Translation(translator.load(DOMAIN));

  function watch(node: HTMLElement): void {
    t.tree(node);
    new MutationObserver(
      safely((records: MutationRecord[]) => {
        records.forEach(record => {
          if (record.type === 'characterData') {
            t.text(record.target);
          } else if (record.type === 'attributes') {
            t.tree(record.target);
          } else {
            record.addedNodes.forEach(node => t.tree(node));
          }
        });
        node.querySelectorAll(PANEL_ERRORS).forEach(place => t.panelError(place));
      })
    ).observe(node, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['title', 'aria-label']
    });
  }

  const watched = new WeakSet<object>();
  const findPanel = safely(() => {
    for (const widget of app.shell.widgets('main')) {
      if (widget.id === PANEL && !watched.has(widget)) {
        watched.add(widget);
        widget.title.label = t.translated(widget.title.label);
        watch(widget.node);
      }
    }
  });

  // the command's label where Lumino draws it; Lumino's virtual DOM keeps a text it did not change
  const relabel = (root: Element) => root.querySelectorAll(COMMAND_LABELS).forEach(label => t.tree(label));
  const watchedMenus = new WeakSet<Element>();
  function watchCommandLabels(root: Element): void {
    if (watchedMenus.has(root)) {
      relabel(root);
      return;
    }
    watchedMenus.add(root);
    relabel(root);
    new MutationObserver(safely(() => relabel(root))).observe(root, {
      subtree: true,
      childList: true,
      characterData: true
    });
  }

  // nbgrader's dialogs (a refused submission, validation results) are added to <body>, outside
  // the panel; Lab renders their React parts a moment later, so each new dialog is watched.
  // Menus are attached to <body> too, each time they open.
  function translateDialog(dialog: Element): void {
    if (!dialog.querySelector('#submission-message, #validation-message')) {
      return;
    }
    t.tree(dialog);
    dialog.querySelectorAll<HTMLElement>(DIALOG_ERRORS).forEach(pre => t.dialogError(pre));
  }
  new MutationObserver(
    safely((records: MutationRecord[]) => {
      records.forEach(record => {
        record.addedNodes.forEach(node => {
          if (node.nodeType !== Node.ELEMENT_NODE) {
            return;
          }
          const element = node as Element;
          if (element.classList.contains('lm-Menu')) {
            watchCommandLabels(element);
          }
          if (!element.classList.contains('jp-Dialog')) {
            return;
          }
          translateDialog(element);
          new MutationObserver(safely(() => translateDialog(element))).observe(element, {
            subtree: true,
            childList: true,
            characterData: true
          });
        });
      });
    })
  ).observe(document.body, { childList: true });

  void app.restored.then(
    safely(() => {
      // nbgrader's plugins have all been activated by now
      // the main menu is a Lumino MenuBar (its public ``menus``); IMainMenu does not declare them
      const bar = mainMenu as unknown as { menus?: ReadonlyArray<{ id: string; title: { label: string } }> } | null;
      if (bar && bar.menus) {
        bar.menus.forEach(menu => {
          if (menu.id === MENU) {
            menu.title.label = t.translated(menu.title.label);
          }
        });
      }
      document.querySelectorAll('.lm-CommandPalette').forEach(palette => watchCommandLabels(palette));
      findPanel();
      const shell = app.shell as ILabShell;
      shell.layoutModified.connect(findPanel);
      if (shell.currentChanged) {
        shell.currentChanged.connect(findPanel);
      }
    })
  );
}

export const nbgraderPlugin: JupyterFrontEndPlugin<void> = {
  id: `${NAME}:plugin`,
  description: "nbgrader's Assignment List, menu and command in the language of JupyterLab",
  autoStart: true,
  requires: [ITranslator],
  optional: [IMainMenu],
  activate
};
