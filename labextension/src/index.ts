/**
 * smmkit's JupyterLab extension: one plugin per file.
 *   :plugin    nbgrader's student panel in Dutch, nbgrader's server errors explained (nbgrader.ts)
 *   :cells     the code cells' sources for the kernel before each run (cells.ts)
 *   :widgets   the widget manager's texts in Dutch, "model not found" rendered again (widgets.ts)
 *   :revive    a reopened notebook's kit widgets alive again in a new kernel, with her last work (revive.ts)
 *   :quiz      a self-check question's code (its answer) stays collapsed; the cell still runs (quiz.ts)
 *   :a11y      names, roles, live regions, chart alternatives, focus, and no notebook shortcuts for keys
 *              typed in the kit's widgets (a11y.ts)
 */
import { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { a11yPlugin } from './a11y';
import { cellsPlugin } from './cells';
import { nbgraderPlugin } from './nbgrader';
import { quizPlugin } from './quiz';
import { revivePlugin } from './revive';
import { widgetsPlugin } from './widgets';

const plugins: JupyterFrontEndPlugin<void>[] = [
  nbgraderPlugin,
  cellsPlugin,
  widgetsPlugin,
  revivePlugin,
  quizPlugin,
  a11yPlugin
];
export default plugins;
