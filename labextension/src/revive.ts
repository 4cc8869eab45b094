/**
 * A reopened notebook's widgets alive at once, with her last work, after JupyterLab or its kernel was
 * restarted (issue 20).
 *
 * A widget is a Python object in the kernel. Lab saves the widget models in the notebook, so after a
 * restart it can draw yesterday's widgets, but the new kernel has none of them: every widget is dead
 * (smmkit/widgets/_memory.py shows one Dutch line in it). Running the widget's cell again makes a new
 * widget, and the kit's widget memory gives it back the work the cell last showed. This plugin does
 * that run for her, once, when a notebook is opened and its kernel is ready:
 *
 * - it asks the kernel which widget models it has (comm_info for "jupyter.widget"); a cell whose saved
 *   widgets are all unknown to the kernel is dead; when none is dead (a reloaded page: the kernel
 *   still has them) nothing happens;
 * - it runs, in notebook order, the cells tagged ``smmkit-setup`` (a chapter's first cell: imports
 *   only) and the dead cells that are safe to run again: a cell whose saved output shows a kit widget
 *   made by exactly the code the cell holds now (the sha256 the widget memory keeps in
 *   ``_smmkit_work``, smmkit/widgets/_memory.py ``current_cell``), or a self-check question (tag
 *   ``smmkit-quiz``). No other cell runs: a cell she changed after its last run keeps its Dutch line;
 * - only trusted cells, never in a teacher's Lab (nbgrader's formgrader active) nor in nbgrader's own
 *   folders, and only where the browser can compute sha256 (a secure context: localhost or https);
 * - each cell runs in the kernel with its cell id (the widget memory finds its saved work by it); its
 *   outputs replace the old ones only when the run succeeded, so a failing cell keeps the widget's
 *   Dutch line instead of an error;
 * - a short Dutch notification says what happens ("Widgets worden hersteld…") and how it ended
 *   (domain "smmkit", smmkit/messages/nl/jupyterlab/smmkit.json).
 * Nothing here may disturb Lab: every error is caught and logged to the browser console only.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Notification } from '@jupyterlab/apputils';
import { ICodeCellModel } from '@jupyterlab/cells';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { Kernel, KernelMessage } from '@jupyterlab/services';
import { ITranslator, TranslationBundle } from '@jupyterlab/translation';
import { NAME } from './dom';

const DOMAIN = 'smmkit';
const VIEW_MIME = 'application/vnd.jupyter.widget-view+json';
const STATE_MIME = 'application/vnd.jupyter.widget-state+json';
const WORK_TRAIT = '_smmkit_work';
const SETUP_TAG = 'smmkit-setup';
const QUIZ_TAG = 'smmkit-quiz';
const FORMGRADER = '@jupyter/nbgrader:formgrader';
// nbgrader's course folders and the kit's answer keys: a teacher's files, never a student's work
const TEACHER_FOLDERS = ['source', 'release', 'submitted', 'autograded', 'feedback', 'solutions'];
const OUTPUT_TYPES = ['execute_result', 'display_data', 'stream', 'error'];

interface Step {
  cell: ICodeCellModel;
  widget: boolean; // false: a set-up cell
  models: string[]; // the widget models its saved output shows
  count: number | null; // its execution count when planned: she ran it herself when it changed
}

function tagsOf(cell: ICodeCellModel): string[] {
  const tags = cell.getMetadata('tags');
  return Array.isArray(tags) ? (tags as string[]) : [];
}

function viewIds(cell: ICodeCellModel): string[] {
  const ids: string[] = [];
  for (let i = 0; i < cell.outputs.length; i++) {
    const view = cell.outputs.get(i).data[VIEW_MIME] as { model_id?: unknown } | undefined;
    if (view && typeof view.model_id === 'string') {
      ids.push(view.model_id);
    }
  }
  return ids;
}

/** The code hash the widget memory keeps: sha256 of the stripped code, 16 hex digits. */
async function codeHash(code: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code.trim()));
  return Array.from(new Uint8Array(digest))
    .map(b => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}

/** The code hashes of the kit widgets that the saved models ``ids`` hold (the root models only). */
function savedCodes(panel: NotebookPanel, ids: string[]): string[] {
  const widgets = panel.context.model.getMetadata('widgets') as
    | Record<string, { state?: Record<string, { state?: Record<string, unknown> }> }>
    | undefined;
  const models = widgets?.[STATE_MIME]?.state ?? {};
  const codes: string[] = [];
  ids.forEach(id => {
    const work = models[id]?.state?.[WORK_TRAIT];
    if (typeof work !== 'string' || !work) {
      return;
    }
    try {
      const code = (JSON.parse(work) as { code?: unknown }).code;
      if (typeof code === 'string' && code) {
        codes.push(code);
      }
    } catch (err) {
      // not the memory's JSON: not a kit widget
    }
  });
  return codes;
}

async function plan(panel: NotebookPanel, shown: ICodeCellModel[]): Promise<Step[]> {
  const steps: Step[] = [];
  const cells = panel.content.model?.cells;
  if (!cells) {
    return steps;
  }
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code' || !cell.trusted) {
      continue;
    }
    const code = cell as ICodeCellModel;
    const tags = tagsOf(code);
    const models = viewIds(code);
    let widget = false;
    if (models.length) {
      shown.push(code);
      if (tags.indexOf(QUIZ_TAG) >= 0) {
        widget = true;
      } else {
        const codes = savedCodes(panel, models);
        widget = codes.length > 0 && codes.indexOf(await codeHash(code.sharedModel.getSource())) >= 0;
      }
    }
    if (widget || tags.indexOf(SETUP_TAG) >= 0) {
      steps.push({ cell: code, widget, models, count: code.executionCount });
    }
  }
  return steps;
}

/** The widget models the kernel has (their comm ids), or null when it cannot say. */
async function liveModels(kernel: Kernel.IKernelConnection): Promise<Set<string> | null> {
  const reply = await kernel.requestCommInfo({ target_name: 'jupyter.widget' });
  if (reply.content.status !== 'ok') {
    return null;
  }
  return new Set(Object.keys(reply.content.comms));
}

/** Run ``cell`` in ``kernel`` as Lab does (with its cell id); its outputs only when it succeeded. */
async function runQuietly(kernel: Kernel.IKernelConnection, cell: ICodeCellModel): Promise<boolean> {
  const outputs: Record<string, unknown>[] = [];
  const future = kernel.requestExecute(
    { code: cell.sharedModel.getSource(), stop_on_error: true, store_history: true, allow_stdin: false },
    true,
    { cellId: cell.id, smmkitRevive: true }
  );
  future.onIOPub = (message: KernelMessage.IIOPubMessage) => {
    const type = message.header.msg_type;
    if (OUTPUT_TYPES.indexOf(type) >= 0) {
      outputs.push({ ...(message.content as Record<string, unknown>), output_type: type });
    } else if (type === 'clear_output') {
      outputs.length = 0;
    }
  };
  const reply = await future.done;
  if (!reply || reply.content.status !== 'ok' || outputs.some(o => o.output_type === 'error')) {
    return false;
  }
  cell.outputs.clear();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  outputs.forEach(output => cell.outputs.add(output as any));
  cell.executionCount = reply.content.execution_count;
  return true;
}

async function revive(app: JupyterFrontEnd, trans: TranslationBundle, panel: NotebookPanel): Promise<void> {
  await panel.context.ready;
  const path = panel.context.path;
  if (app.hasPlugin(FORMGRADER) || TEACHER_FOLDERS.indexOf(path.split('/')[0]) >= 0) {
    return;
  }
  if (!window.isSecureContext || !crypto.subtle) {
    return; // no sha256 here: every widget keeps its Dutch line
  }
  const shown: ICodeCellModel[] = []; // the cells whose saved output shows a widget
  const steps = await plan(panel, shown);
  if (!steps.some(s => s.widget)) {
    return;
  }
  await panel.sessionContext.ready;
  const kernel = panel.sessionContext.session?.kernel;
  if (!kernel || panel.isDisposed) {
    return;
  }
  await kernel.info;
  const live = await liveModels(kernel);
  if (!live || panel.isDisposed) {
    return;
  }
  const dead = steps.filter(s => s.widget && s.models.every(id => !live.has(id)));
  if (!dead.length) {
    return;
  }
  const notice = Notification.emit(trans.__('Restoring the widgets…'), 'in-progress', { autoClose: false });
  let failed = 0;
  let done = false;
  try {
    for (const step of steps) {
      if (panel.isDisposed || kernel.isDisposed || kernel.status === 'dead') {
        return; // closed or gone: the notice goes (finally)
      }
      if (step.widget && dead.indexOf(step) < 0) {
        continue;
      }
      if (step.cell.executionCount !== step.count) {
        continue; // she ran it herself meanwhile
      }
      let ok = false;
      try {
        ok = await runQuietly(kernel, step.cell);
      } catch (err) {
        console.warn(`${NAME}: widget cell not run again`, err);
      }
      if (!ok && step.widget) {
        failed += 1;
      }
    }
    // dead widgets not run: a cell she changed after its last run, or a widget that is not the kit's
    failed += shown.filter(c => !steps.some(s => s.cell === c) && viewIds(c).every(id => !live.has(id))).length;
    Notification.update({
      id: notice,
      message: failed
        ? trans.__('Not every widget could come back. Run the cell of a grey widget yourself (Shift + Enter).')
        : trans.__('The widgets work again, with your last work.'),
      type: failed ? 'warning' : 'success',
      autoClose: failed ? false : 6000
    });
    done = true;
  } finally {
    if (!done) {
      Notification.dismiss(notice);
    }
  }
}

function activate(app: JupyterFrontEnd, translator: ITranslator, tracker: INotebookTracker | null): void {
  if (!tracker) {
    return;
  }
  const trans = translator.load(DOMAIN);
  tracker.widgetAdded.connect((_, panel) => {
    revive(app, trans, panel).catch(err => console.warn(`${NAME}: widgets not restored`, err));
  });
}

export const revivePlugin: JupyterFrontEndPlugin<void> = {
  id: `${NAME}:revive`,
  description: "a reopened notebook's kit widgets alive again in a new kernel, with her last work",
  autoStart: true,
  requires: [ITranslator],
  optional: [INotebookTracker],
  activate
};
