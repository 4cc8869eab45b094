/**
 * A self-check question's code stays hidden: its answer is in the code (``answer=…``), issue 20.
 *
 * A question is a code cell with the tag ``smmkit-quiz`` whose input is collapsed
 * (``jupyter.source_hidden``). In JupyterLab a click on the collapsed input (or on the collapser,
 * View → Expand All Code, entering edit mode) expands it, and the answer was the first thing she read.
 * This plugin collapses such a cell's input again right after Lab expands it, before the browser
 * draws (a MutationObserver on the cell's input wrapper, whose callback runs as a microtask), and on
 * open when a saved notebook has it expanded. The cell stays selectable and runnable: a click selects it, Shift + Enter runs it.
 * The collapsed line shows only the first line of the code ("MultipleChoice("). In a teacher's Lab
 * (nbgrader's formgrader active) a question can be opened to edit it.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Cell, ICellModel } from '@jupyterlab/cells';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { NAME } from './dom';

const QUIZ_TAG = 'smmkit-quiz';
const FORMGRADER = '@jupyter/nbgrader:formgrader';
const CELL_CLASS = 'smmkit-quiz-cell';

function isQuiz(model: ICellModel): boolean {
  const tags = model.getMetadata('tags');
  return model.type === 'code' && Array.isArray(tags) && tags.indexOf(QUIZ_TAG) >= 0;
}

function watch(panel: NotebookPanel): void {
  const watched = new WeakSet<Cell>();

  function cellOf(model: ICellModel): Cell | undefined {
    return panel.content.widgets.find(cell => cell.model === model);
  }

  function keepHidden(model: ICellModel): void {
    try {
      const cell = cellOf(model);
      if (!cell || cell.isDisposed) {
        return;
      }
      if (isQuiz(model)) {
        cell.addClass(CELL_CLASS);
        if (!cell.inputHidden) {
          cell.inputHidden = true;
        }
      } else {
        cell.removeClass(CELL_CLASS);
      }
    } catch (err) {
      console.warn(`${NAME}: question cell not kept collapsed`, err);
    }
  }

  function follow(model: ICellModel): void {
    const cell = cellOf(model);
    if (!cell || watched.has(cell)) {
      return;
    }
    watched.add(cell);
    // Lab swaps the editor and the collapsed line in the input wrapper (Cell.inputHidden, also when
    // it does not write jupyter.source_hidden): hide again before the browser draws; a tag added or
    // removed later counts too (metadataChanged)
    const attach = (): boolean => {
      const wrapper = cell.node.querySelector('.jp-Cell-inputWrapper');
      if (wrapper) {
        new MutationObserver(() => keepHidden(model)).observe(wrapper, { childList: true });
      }
      return !!wrapper;
    };
    if (!attach()) {
      // a cell that Lab has not drawn yet: watch for its input wrapper
      const waiting = new MutationObserver(() => attach() && waiting.disconnect());
      waiting.observe(cell.node, { childList: true });
    }
    model.metadataChanged.connect(() => queueMicrotask(() => keepHidden(model)));
    keepHidden(model);
  }

  function followAll(): void {
    const cells = panel.content.model?.cells;
    if (!cells) {
      return;
    }
    for (let i = 0; i < cells.length; i++) {
      follow(cells.get(i));
    }
  }

  panel.context.ready
    .then(() => {
      followAll();
      panel.content.model?.cells.changed.connect(() => queueMicrotask(followAll));
    })
    .catch(err => console.warn(`${NAME}: question cells not watched`, err));
}

function activate(app: JupyterFrontEnd, tracker: INotebookTracker | null): void {
  if (!tracker || app.hasPlugin(FORMGRADER)) {
    return;
  }
  tracker.widgetAdded.connect((_, panel) => {
    try {
      watch(panel);
    } catch (err) {
      console.warn(`${NAME}: question cells not watched`, err);
    }
  });
}

export const quizPlugin: JupyterFrontEndPlugin<void> = {
  id: `${NAME}:quiz`,
  description: "a self-check question's code (its answer) stays collapsed; the cell still runs",
  autoStart: true,
  optional: [INotebookTracker],
  activate
};
