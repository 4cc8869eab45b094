/**
 * smmkit's JupyterLab extension: one plugin per file.
 *   :plugin    nbgrader's student panel in Dutch, nbgrader's server errors explained (nbgrader.ts)
 *   :cells     the code cells' sources for the kernel before each run (cells.ts)
 *   :widgets   the widget manager's texts in Dutch, "model not found" rendered again (widgets.ts)
 *   :shortcuts no notebook shortcuts for keys typed in the kit's widgets (shortcuts.ts)
 */
import { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { cellsPlugin } from './cells';
import { nbgraderPlugin } from './nbgrader';
import { shortcutsPlugin } from './shortcuts';
import { widgetsPlugin } from './widgets';

const plugins: JupyterFrontEndPlugin<void>[] = [nbgraderPlugin, cellsPlugin, widgetsPlugin, shortcutsPlugin];
export default plugins;
