/**
 * The current sources of a notebook's code cells for smmkit's kernel, right before each run.
 *
 * smmkit.check must never judge an answer cell that was edited but not run again: the safety net
 * (smmkit/safetynet.py) compares the source a cell last ran with. Lab emits
 * NotebookActions.executionScheduled synchronously just before CodeCell.execute sends the cell's
 * execute_request; this plugin then sends the sources that changed since its last message (cell id →
 * source; a source longer than MAX_SOURCE as null, so the kernel falls back to the saved file) in a
 * comm "smmkit.cells" on the main shell channel. It builds those comm messages itself: Lab's own
 * comm objects go over a kernel subshell when the kernel supports subshells (Lab 4.6's default
 * "commsOverSubshells": "perCommTarget", ipykernel 7; smmkit/compat.py "lab-comms-over-subshells"),
 * which the kernel handles in another thread, not in order with the execute_request. A kernel without
 * the target (no safety net) closes the comm: the plugin tries again later, less and less often.
 * Nothing here may disturb a run: every error is caught and logged to the browser console only.
 */
import { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker, Notebook, NotebookActions } from '@jupyterlab/notebook';
import { Kernel, KernelMessage } from '@jupyterlab/services';
import { NAME } from './dom';

const CELLS_TARGET = 'smmkit.cells';
const MAX_SOURCE = 100000; // characters of one cell (longer: null, the kernel reads the saved file)
const MAX_CELLS = 2000; // cells per message (the rest follows with the next run)

interface Link {
  comm: string | null;
  sent: Map<string, string | null>;
  refusals: number;
  skip: number;
}

function activate(app: JupyterFrontEnd, tracker: INotebookTracker | null): void {
  const links = new WeakMap<Kernel.IKernelConnection, Link>(); // what each kernel has been told

  function kernelOf(notebook: Notebook): Kernel.IKernelConnection | null {
    const panel = tracker ? tracker.find(p => p.content === notebook) : undefined;
    const context = panel?.sessionContext;
    return context?.session?.kernel ?? null;
  }

  function linkOf(kernel: Kernel.IKernelConnection): Link {
    let link = links.get(kernel);
    if (link) {
      return link;
    }
    const made: Link = { comm: null, sent: new Map(), refusals: 0, skip: 0 };
    links.set(kernel, made);
    kernel.statusChanged.connect((_, status) => {
      // a restarted kernel has forgotten the comm and everything it was told
      if (status === 'restarting' || status === 'autorestarting' || status === 'dead') {
        made.comm = null;
        made.sent = new Map();
      }
    });
    kernel.iopubMessage.connect((_, message) => {
      const content = message.content as { comm_id?: string };
      if (message.header.msg_type === 'comm_close' && made.comm && content.comm_id === made.comm) {
        made.comm = null; // no such target (yet): ask again after 2, 4, … 64 runs
        made.sent = new Map();
        made.refusals += 1;
        made.skip = Math.min(64, Math.pow(2, made.refusals));
      }
    });
    link = made;
    return link;
  }

  function send(notebook: Notebook): void {
    const kernel = kernelOf(notebook);
    if (!kernel || !notebook.model || kernel.status === 'dead') {
      return;
    }
    const link = linkOf(kernel);
    if (!link.comm && link.skip > 0) {
      link.skip -= 1;
      return;
    }
    const changed: Record<string, string | null> = {};
    let count = 0;
    const cells = notebook.model.cells;
    for (let i = 0; i < cells.length && count < MAX_CELLS; i++) {
      const cell = cells.get(i);
      if (!cell || cell.type !== 'code') {
        continue;
      }
      let source: string | null = cell.sharedModel.getSource();
      if (typeof source !== 'string' || source.length > MAX_SOURCE) {
        source = null;
      }
      if (link.sent.has(cell.id) && link.sent.get(cell.id) === source) {
        continue;
      }
      changed[cell.id] = source;
      count += 1;
    }
    if (link.comm && !count) {
      return;
    }
    const opening = !link.comm;
    const commId =
      link.comm ?? `${NAME}-cells-${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    const message = opening
      ? KernelMessage.createMessage({
          msgType: 'comm_open',
          channel: 'shell',
          session: kernel.clientId,
          username: kernel.username,
          content: { comm_id: commId, target_name: CELLS_TARGET, data: { cells: changed } }
        })
      : KernelMessage.createMessage({
          msgType: 'comm_msg',
          channel: 'shell',
          session: kernel.clientId,
          username: kernel.username,
          content: { comm_id: commId, data: { cells: changed } }
        });
    kernel.sendShellMessage(message, false, true);
    link.comm = commId;
    Object.keys(changed).forEach(id => link.sent.set(id, changed[id]));
  }

  NotebookActions.executionScheduled.connect((_, args) => {
    try {
      send(args.notebook);
    } catch (err) {
      console.warn(`${NAME}: cell sources not sent`, err);
    }
  });
}

export const cellsPlugin: JupyterFrontEndPlugin<void> = {
  id: `${NAME}:cells`,
  description: "the current sources of a notebook's code cells for smmkit's kernel, before each run",
  autoStart: true,
  optional: [INotebookTracker],
  activate
};
