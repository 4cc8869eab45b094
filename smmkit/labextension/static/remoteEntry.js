/* smmkit: nbgrader's student panel in the language of JupyterLab (no build step; read it as it is).
 *
 * nbgrader 0.9's lab extension writes its English texts straight into the page and uses no
 * translator, so the language pack cannot reach them. This plugin takes its Dutch from JupyterLab's
 * own translator, domain "nbgrader" (smmkit/messages/nl/jupyterlab/nbgrader.json, served with the
 * language pack; kit.py merges it), and applies it only to what nbgrader owns:
 *   - the title of nbgrader's menu, the label of its "Assignment List" command, the tab title;
 *   - text and tooltips inside the Assignment List widget (#nbgrader-assignment-list), also those
 *     nbgrader writes later (lists, buttons, messages), watched with a MutationObserver on that node;
 *   - nbgrader's dialogs "Invalid Submission" and "Validation Results" (recognised by their
 *     #submission-message / #validation-message body).
 * A text is replaced only when it is exactly one of nbgrader's message ids (spaces around it kept);
 * anything else (assignment names, cell sources) stays as it is. In an English Lab nothing changes.
 *
 * Texts of nbgrader's server (a failed fetch, submit, validate or list; see SERVER_ERRORS) are English
 * exchange errors or whole Python tracebacks, which nbgrader shows as they are. They get a short
 * Dutch explanation with what to do (the first pattern that matches picks its message id, else
 * "smmkit.error.other"), and the original text stays below it, collapsed in a <details>. (A failed
 * fetch reaches the lists' error line only through the kit's server extension smmkit.nbgrader_fetch:
 * nbgrader's own server drops its reason.)
 *
 * A second plugin (":cells") tells the kernel what the notebook's code cells hold right before a run,
 * so that smmkit.check never judges an answer cell that was edited but not run again (the safety net,
 * smmkit/safetynet.py, compares the source a cell last ran with). Lab emits
 * NotebookActions.executionScheduled synchronously just before CodeCell.execute sends the cell's
 * execute_request; the plugin then sends the sources that changed since its last message (cell id →
 * source; a source longer than MAX_SOURCE as null, so the kernel falls back to the saved file) in a
 * comm "smmkit.cells" on the main shell channel. It builds those comm messages itself: Lab's own
 * comm objects go over a kernel subshell when the kernel supports subshells (Lab 4.6's default
 * "commsOverSubshells": "perCommTarget", ipykernel 7), which the kernel handles in another thread,
 * not in order with the execute_request. A kernel without the target (no safety net) closes the comm:
 * the plugin tries again later, less and less often. Nothing here may disturb a run: every error is
 * caught and logged to the browser console only.
 *
 * A third plugin (":widgets") puts into Dutch the few texts that the widget manager
 * (@jupyter-widgets/jupyterlab-manager) writes as plain English into an output, with no translator:
 * "Loading widget...", "Error displaying widget" and "Error displaying widget: model not found" (a
 * widget whose kernel side is gone and whose saved state is missing). Domain "jupyterlab_widgets"
 * (smmkit/messages/nl/jupyterlab/jupyterlab_widgets.json); the English text stays in the tooltip.
 * An output that says "model not found" is rendered again a few times, later and later: in a
 * reopened notebook on a slow machine the saved models often arrive after the 2 s an output waits.
 *
 * A fourth plugin (":a11y") gives the kit's widgets what ipywidgets 8 cannot say from Python (it has
 * no way to set a role or an aria attribute; issue #22, WCAG 2.2 AA), only inside the kit's widget
 * roots (.smmkit-widget, .smmkit-quiz): a polite live region on every ".smmkit-live" HTML widget
 * (errors, "Klaar: …", quiz feedback; the element stays, only its content changes), a name on each
 * slider handle (the slider's tooltip, "LinkedIn – Competentie", else its label), aria-pressed on
 * toggle buttons and a named group around them, a radiogroup named after the quiz question (its
 * radios one native group, so the arrow keys choose), the
 * chart's text alternative (".smmkit-chart-alt", made in Python from the chart's data) as the alt of
 * the chart image before it, the alt of a chart that a cell shows as output (smmkit.plots puts its
 * text alternative in the output's metadata, {"image/png": {"alt": …}}, which nbconvert reads but
 * Lab's image renderer ignores), and a visible focus outline (#005A8C, 7.4:1 on white) plus wrapping
 * rows for 200 % zoom, and data-lm-suppress-shortcuts on each root (quizzes too) and on each of its
 * controls, so arrows and letters typed in a widget are not notebook shortcuts. It watches the notebook with a MutationObserver, batched per animation frame,
 * and sets an attribute only when it differs, so its own changes do not wake it up again.
 *
 * This file is a module-federation container as JupyterLab loads it (window._JUPYTERLAB[name] with
 * init/get); ITranslator, IMainMenu, NotebookActions/INotebookTracker and KernelMessage come from the
 * shared scope that Lab passes to init (all but ITranslator optional: without them that part is off).
 */
(function () {
  "use strict";
  var NAME = "@smmkit/nbgrader-nl";
  var DOMAIN = "nbgrader";
  var PANEL = "nbgrader-assignment-list";
  var MENU = "jp-mainmenu-nbgrader";
  var COMMANDS = ["nbgrader:open-assignment-list"];
  var shareScope = null;

  // What nbgrader 0.9's server sends back when something fails (nbgrader/exchange/default/*.py,
  // server_extensions/*/handlers.py): the exchange's message, usually as the last line of a traceback.
  // First match wins; the id is a message of the domain. Order: the specific before the general.
  var SERVER_ERRORS = [
    [/The exchange directory does not exist|Unwritable directory, please contact your instructor/, "smmkit.error.exchange"],
    [/You already have a copy of the assignment/, "smmkit.error.already_fetched"],
    [/There are missing notebooks for the submission/, "smmkit.error.missing_notebooks"],
    [/Assignment not found/, "smmkit.error.not_found"],
    [/Inbound directory doesn't exist/, "smmkit.error.inbound"],
    [/You do not have access to this course/, "smmkit.error.no_access"],
    [/You don't have (read|write|execute) permissions|You don't own the directory|PermissionError/, "smmkit.error.permission"],
    [/Directory size is too big/, "smmkit.error.too_big"],
    [/version of the nbgrader metadata format|SchemaTooOldError|SchemaTooNewError/, "smmkit.error.metadata"],
    [/labextension does not match\s+the server extension/, "smmkit.error.version"],
    [/FileNotFoundError|No such file or directory/, "smmkit.error.file_missing"]
  ];
  var OTHER_ERROR = "smmkit.error.other";
  var EXPLAINED = "smmkit-nbgrader-error";
  // where nbgrader writes a server text: the <pre> of its dialogs, the error line of each list and
  // the version warning of the panel
  var DIALOG_ERRORS = "#submission-message > pre, #validation-message > pre";
  var PANEL_ERRORS = ".list_error, .version_error";

  function newest(versions) {
    var parse = function (v) { return v.split(/[.+-]/).map(function (p) { return parseInt(p, 10) || 0; }); };
    return Object.keys(versions).sort(function (a, b) {
      var x = parse(a), y = parse(b);
      for (var i = 0; i < Math.max(x.length, y.length); i++) {
        if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) - (y[i] || 0);
      }
      return 0;
    }).pop();
  }

  function shared(name) {
    var versions = shareScope && shareScope[name];
    if (!versions) return Promise.reject(new Error(NAME + ": " + name + " is not shared by JupyterLab"));
    return Promise.resolve(versions[newest(versions)].get()).then(function (factory) { return factory(); });
  }

  function textNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), found = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) found.push(node);
    return found;
  }

  function makePlugin(ITranslator, IMainMenu) {
    return {
      id: NAME + ":plugin",
      description: "nbgrader's Assignment List, menu and command in the language of JupyterLab",
      autoStart: true,
      requires: [ITranslator],
      optional: IMainMenu ? [IMainMenu] : [],
      activate: function (app, translator, mainMenu) {
        var trans = translator.load(DOMAIN);

        function translated(text) {
          var id = text.trim();
          if (!id) return text;
          var dutch = trans.__(id);
          return dutch === id ? text : text.replace(id, dutch);
        }

        function translateText(node) {
          var value = translated(node.nodeValue);
          if (value !== node.nodeValue) node.nodeValue = value;
        }

        function translateTree(root) {
          if (root.nodeType === Node.TEXT_NODE) { translateText(root); return; }
          if (root.nodeType !== Node.ELEMENT_NODE) return;
          textNodes(root).forEach(translateText);
          var elements = [root].concat(Array.prototype.slice.call(root.querySelectorAll("[title], [aria-label]")));
          elements.forEach(function (el) {
            ["title", "aria-label"].forEach(function (attr) {
              var value = el.getAttribute(attr);
              if (value && translated(value) !== value) el.setAttribute(attr, translated(value));
            });
          });
        }

        // the text as nbgrader wrote it (innerText= turns line breaks into <br>)
        function plainText(node) {
          var text = "";
          node.childNodes.forEach(function (child) {
            if (child.nodeType === Node.TEXT_NODE) text += child.nodeValue;
            else if (child.nodeName === "BR") text += "\n";
            else if (child.nodeType === Node.ELEMENT_NODE) text += plainText(child);
          });
          return text;
        }

        function explanation(original) {
          var id = OTHER_ERROR;
          for (var i = 0; i < SERVER_ERRORS.length; i++) {
            if (SERVER_ERRORS[i][0].test(original)) { id = SERVER_ERRORS[i][1]; break; }
          }
          var dutch = trans.__(id);
          if (dutch === id) return null;  // no text in this language: nbgrader's own stays
          var box = document.createElement("div");
          box.className = EXPLAINED;
          var said = document.createElement("p");
          said.textContent = dutch;
          var details = document.createElement("details");
          var summary = document.createElement("summary");
          summary.textContent = trans.__("smmkit.error.original");
          var pre = document.createElement("pre");
          pre.textContent = original;
          details.append(summary, pre);
          box.append(said, details);
          return box;
        }

        // a server text in nbgrader's list or panel (plain DOM that nbgrader rewrites): replace it
        function explainPanelError(place) {
          if (place.querySelector("." + EXPLAINED)) return;
          var original = plainText(place).trim();
          var box = original && explanation(original);
          if (!box) return;
          place.textContent = "";
          place.appendChild(box);
        }

        // a server text in a dialog (React renders the <pre>): hide it and put the explanation after it
        function explainDialogError(pre) {
          if (pre.hidden || (pre.nextSibling && pre.nextSibling.classList &&
                             pre.nextSibling.classList.contains(EXPLAINED))) return;
          var original = pre.textContent.trim();
          var box = original && explanation(original);
          if (!box) return;
          pre.hidden = true;
          pre.after(box);
        }

        function safely(f) {
          return function () {
            try { return f.apply(this, arguments); } catch (err) { console.error(NAME, err); }
          };
        }

        function watch(node) {
          translateTree(node);
          new MutationObserver(safely(function (records) {
            records.forEach(function (record) {
              if (record.type === "characterData") translateText(record.target);
              else if (record.type === "attributes") translateTree(record.target);
              else record.addedNodes.forEach(translateTree);
            });
            node.querySelectorAll(PANEL_ERRORS).forEach(explainPanelError);
          })).observe(node, { subtree: true, childList: true, characterData: true,
                              attributes: true, attributeFilter: ["title", "aria-label"] });
        }

        var watched = new WeakSet();
        function findPanel() {
          var iterator = app.shell.widgets("main");
          for (var step = iterator.next(); !step.done; step = iterator.next()) {
            var widget = step.value;
            if (widget.id === PANEL && !watched.has(widget)) {
              watched.add(widget);
              widget.title.label = translated(widget.title.label);
              watch(widget.node);
            }
          }
        }

        // nbgrader's dialogs (a refused submission, validation results) are added to <body>, outside
        // the panel; Lab renders their React parts a moment later, so each new dialog is watched
        function translateDialog(dialog) {
          if (!dialog.querySelector("#submission-message, #validation-message")) return;
          translateTree(dialog);
          dialog.querySelectorAll(DIALOG_ERRORS).forEach(explainDialogError);
        }
        new MutationObserver(safely(function (records) {
          records.forEach(function (record) {
            record.addedNodes.forEach(function (node) {
              if (node.nodeType !== Node.ELEMENT_NODE || !node.classList.contains("jp-Dialog")) return;
              translateDialog(node);
              new MutationObserver(safely(function () { translateDialog(node); }))
                .observe(node, { subtree: true, childList: true, characterData: true });
            });
          });
        })).observe(document.body, { childList: true });

        app.restored.then(function () {
          // nbgrader's plugins have all been activated by now
          if (mainMenu) {
            mainMenu.menus.forEach(function (menu) {
              if (menu.id === MENU) menu.title.label = translated(menu.title.label);
            });
          }
          // Lumino has no public way to relabel another extension's command; its registry keeps
          // each command's options in _commands, and notifyCommandChanged redraws menus and palette
          var registry = app.commands._commands;
          COMMANDS.forEach(function (id) {
            var command = registry && registry.get(id);
            if (!command || typeof command.label !== "function") return;
            var label = command.label;
            command.label = function (args) { return translated(label.call(command, args)); };
            app.commands.notifyCommandChanged(id);
          });
          findPanel();
          app.shell.layoutModified.connect(findPanel);
          if (app.shell.currentChanged) app.shell.currentChanged.connect(findPanel);
        });
      }
    };
  }

  var CELLS_TARGET = "smmkit.cells";
  var MAX_SOURCE = 100000;  // characters of one cell (longer: null, the kernel reads the saved file)
  var MAX_CELLS = 2000;     // cells per message (the rest follows with the next run)

  function makeCellsPlugin(NotebookActions, INotebookTracker, KernelMessage) {
    return {
      id: NAME + ":cells",
      description: "the current sources of a notebook's code cells for smmkit's kernel, before each run",
      autoStart: true,
      requires: [],
      optional: INotebookTracker ? [INotebookTracker] : [],
      activate: function (app, tracker) {
        var links = new WeakMap();  // kernel connection → what this kernel has been told

        function kernelOf(notebook) {
          var panel = tracker && tracker.find(function (p) { return p.content === notebook; });
          var context = (panel || notebook.parent || {}).sessionContext;
          return context && context.session ? context.session.kernel : null;
        }

        function linkOf(kernel) {
          var link = links.get(kernel);
          if (link) return link;
          link = { comm: null, sent: new Map(), refusals: 0, skip: 0 };
          links.set(kernel, link);
          kernel.statusChanged.connect(function (_, status) {
            // a restarted kernel has forgotten the comm and everything it was told
            if (status === "restarting" || status === "autorestarting" || status === "dead") {
              link.comm = null;
              link.sent = new Map();
            }
          });
          kernel.iopubMessage.connect(function (_, message) {
            if (message.header.msg_type === "comm_close" && link.comm && message.content.comm_id === link.comm) {
              link.comm = null;  // no such target (yet): ask again after 2, 4, … 64 runs
              link.sent = new Map();
              link.refusals += 1;
              link.skip = Math.min(64, Math.pow(2, link.refusals));
            }
          });
          return link;
        }

        function send(notebook) {
          var kernel = kernelOf(notebook);
          if (!kernel || !notebook.model || kernel.status === "dead") return;
          var link = linkOf(kernel);
          if (!link.comm && link.skip > 0) { link.skip -= 1; return; }
          var changed = {}, count = 0, cells = notebook.model.cells;
          for (var i = 0; i < cells.length && count < MAX_CELLS; i++) {
            var cell = cells.get(i);
            if (!cell || cell.type !== "code") continue;
            var source = cell.sharedModel.getSource();
            if (typeof source !== "string" || source.length > MAX_SOURCE) source = null;
            if (link.sent.has(cell.id) && link.sent.get(cell.id) === source) continue;
            changed[cell.id] = source;
            count += 1;
          }
          if (link.comm && !count) return;
          var opening = !link.comm;
          var commId = link.comm || (NAME + "-cells-" + Date.now().toString(36) + Math.random().toString(36).slice(2));
          var content = opening ? { comm_id: commId, target_name: CELLS_TARGET, data: { cells: changed } }
                                : { comm_id: commId, data: { cells: changed } };
          kernel.sendShellMessage(KernelMessage.createMessage({
            msgType: opening ? "comm_open" : "comm_msg", channel: "shell", session: kernel.clientId,
            username: kernel.username, content: content
          }), false, true);
          link.comm = commId;
          Object.keys(changed).forEach(function (id) { link.sent.set(id, changed[id]); });
        }

        NotebookActions.executionScheduled.connect(function (_, args) {
          try { send(args.notebook); } catch (err) { console.warn(NAME + ": cell sources not sent", err); }
        });
      }
    };
  }

  var WIDGETS_DOMAIN = "jupyterlab_widgets";
  var WIDGET_TEXTS = ["Loading widget...", "Error displaying widget", "Error displaying widget: model not found"];

  var NOT_FOUND = "Error displaying widget: model not found";
  var VIEW_MIME = "application/vnd.jupyter.widget-view+json";
  var RETRY_SECONDS = [1, 2, 4, 8, 8, 8];  // then the (Dutch) text stays: the model is really gone

  function makeWidgetsPlugin(ITranslator, INotebookTracker) {
    return {
      id: NAME + ":widgets",
      description: "the widget manager's loading and error texts in outputs in the language of JupyterLab",
      autoStart: true,
      requires: [ITranslator],
      optional: INotebookTracker ? [INotebookTracker] : [],
      activate: function (app, translator, tracker) {
        var trans = translator.load(WIDGETS_DOMAIN);
        var attempts = {};  // model id -> renders asked for

        // The manager reads a reopened notebook's saved widgets (_loadFromNotebook) while it also
        // restores from the new kernel; the kernel part may finish first and mark the manager
        // restored, and an output that asks for its model then waits only 2 s for it. On a slow
        // machine the saved models come later, and the output says "model not found" for a model
        // that exists a moment after. Such an output is rendered again (Lab's OutputArea calls the
        // same renderer's renderModel when an output is set anew), a few times, later and later.
        function renderAgain(node) {
          if (!tracker) return;
          tracker.forEach(function (panel) {
            panel.content.widgets.forEach(function (cell) {
              var area = cell.outputArea;
              if (!area || !area.node.contains(node)) return;
              for (var i = 0; i < area.widgets.length && i < area.model.length; i++) {
                if (!area.widgets[i].node.contains(node)) continue;
                var output = area.model.get(i), view = output.data && output.data[VIEW_MIME];
                var id = view && view.model_id;
                if (!id) return;
                var done = attempts[id] || 0;
                if (done >= RETRY_SECONDS.length) return;
                attempts[id] = done + 1;
                var index = i, model = area.model;
                setTimeout(function () {
                  try {
                    if (index < model.length && model.get(index) === output) model.set(index, output.toJSON());
                  } catch (err) { console.warn(NAME + ": widget not rendered again", err); }
                }, RETRY_SECONDS[done] * 1000);
                return;
              }
            });
          });
        }
        // the renderer sets node.textContent (one text node that is exactly one of the texts), often
        // before its output is attached: then the added node is an ancestor, searched as a whole
        function translate(node) {
          if (node.nodeType === Node.ELEMENT_NODE) {
            if (node.textContent.indexOf("widget") < 0) return;
            textNodes(node).forEach(translate);
            return;
          }
          if (node.nodeType !== Node.TEXT_NODE || WIDGET_TEXTS.indexOf(node.nodeValue) < 0) return;
          var parent = node.parentNode;
          if (!parent || !parent.closest || !parent.closest(".jp-OutputArea-output")) return;
          var dutch = trans.__(node.nodeValue);
          if (dutch === node.nodeValue) return;
          var english = node.nodeValue;
          parent.setAttribute("title", english);
          node.nodeValue = dutch;
          if (english === NOT_FOUND) {
            try { renderAgain(parent); } catch (err) { console.warn(NAME + ": widget not rendered again", err); }
          }
        }
        try {
          new MutationObserver(function (records) {
            records.forEach(function (record) { record.addedNodes.forEach(translate); });
          }).observe(app.shell.node, { subtree: true, childList: true });
        } catch (err) { console.warn(NAME + ": widget texts not translated", err); }
      }
    };
  }

  var KIT_ROOTS = ".smmkit-widget, .smmkit-quiz";
  var A11Y_CSS = [
    ".smmkit-widget :focus-visible, .smmkit-quiz :focus-visible {",
    "  outline: 3px solid #005A8C !important; outline-offset: 1px !important; }",
    ".smmkit-widget .widget-hbox, .smmkit-quiz .widget-hbox { flex-wrap: wrap; max-width: 100%; }",
    ".smmkit-widget .widget-toggle-buttons > div { display: flex; flex-wrap: wrap; }",
    ".smmkit-widget img.widget-image { max-width: 100%; height: auto; }",
    ".smmkit-widget .widget-inline-hbox { max-width: 100%; }",
    // links in the chapters' text: not by colour alone (#0d47a1 in #212121 text is 1.9:1; WCAG 1.4.1)
    ".jp-RenderedHTMLCommon a:not(.jp-InternalAnchorLink) { text-decoration: underline; }"
  ].join("\n");
  var uniqueId = 0;

  function setAttr(el, name, value) {
    if (value === null) { if (el.hasAttribute(name)) el.removeAttribute(name); return; }
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  function idOf(el) {
    if (!el.id) el.id = "smmkit-a11y-" + (++uniqueId);
    return el.id;
  }

  // ipywidgets writes the string "null" as title when a widget has no tooltip
  function tooltipOf(el) {
    var title = el && el.getAttribute("title");
    return title && title !== "null" ? title.trim() : "";
  }

  function fixRoot(root) {
    // keys typed in a widget or a quiz are the widget's, not notebook shortcuts (arrows, letters);
    // Lumino stops looking for a shortcut at this attribute
    // Lumino checks the attribute from the focused element upwards and Lab's notebook bindings end in
    // ":focus", which the control itself matches: so every control carries it, not only the root
    setAttr(root, "data-lm-suppress-shortcuts", "true");
    root.querySelectorAll("input, select, textarea, button, [tabindex], [contenteditable]").forEach(function (el) {
      setAttr(el, "data-lm-suppress-shortcuts", "true");
    });
    root.querySelectorAll(".smmkit-live").forEach(function (el) {
      setAttr(el, "role", "status");
      setAttr(el, "aria-live", "polite");
      setAttr(el, "aria-atomic", "true");
    });
    root.querySelectorAll(".widget-slider").forEach(function (slider) {
      var label = slider.querySelector(":scope > .widget-label");
      var handle = slider.querySelector("[role=slider]");
      if (!label || !handle) return;
      var name = tooltipOf(label) || label.textContent.trim();
      if (name) setAttr(handle, "aria-label", name);
    });
    root.querySelectorAll(".widget-toggle-buttons").forEach(function (box) {
      var label = box.querySelector(":scope > .widget-label");
      var group = box.querySelector(":scope > div");
      if (!group) return;
      setAttr(group, "role", "group");
      if (label && label.textContent.trim()) setAttr(group, "aria-labelledby", idOf(label));
    });
    root.querySelectorAll("button.widget-toggle-button").forEach(function (button) {
      setAttr(button, "aria-pressed", button.classList.contains("mod-active") ? "true" : "false");
    });
    root.querySelectorAll(".widget-radio").forEach(function (radio) {
      var box = radio.querySelector(".widget-radio-box");
      if (!box) return;
      setAttr(box, "role", "radiogroup");
      // one name for the group's radios: a native group, so the arrow keys move the choice (and
      // click, which ipywidgets listens to) and Tab stops once at the group
      var groupName = "smmkit-radio-" + idOf(box);
      box.querySelectorAll("input[type=radio]").forEach(function (input) { setAttr(input, "name", groupName); });
      var quiz = radio.closest(".smmkit-quiz");
      var question = quiz && quiz.querySelector(".smmkit-quiz-question");
      var label = radio.querySelector(":scope > .widget-label");
      if (question) setAttr(box, "aria-labelledby", idOf(question));
      else if (label && label.textContent.trim()) setAttr(box, "aria-labelledby", idOf(label));
    });
    root.querySelectorAll(".smmkit-quiz").forEach(function (quiz) {
      var question = quiz.querySelector(".smmkit-quiz-question");
      if (!question) return;
      quiz.querySelectorAll("input[type=text]").forEach(function (input) {
        setAttr(input, "aria-describedby", idOf(question));
      });
    });
    root.querySelectorAll(".smmkit-chart-alt").forEach(function (alt) {
      var image = alt.previousElementSibling;
      if (!image || image.tagName !== "IMG") return;
      var text = alt.querySelector("p");
      setAttr(image, "alt", text ? text.textContent.trim() : "");
    });
  }

  // the alt in an image output's metadata (Lab's image renderer does not use it)
  function outputAlts(tracker) {
    tracker.forEach(function (panel) {
      panel.content.widgets.forEach(function (cell) {
        var area = cell.outputArea;
        if (!area || !area.model) return;
        for (var i = 0; i < area.widgets.length && i < area.model.length; i++) {
          var metadata = area.model.get(i).metadata || {};
          var alt = metadata["image/png"] && metadata["image/png"].alt;
          if (typeof alt !== "string" || !alt) continue;
          area.widgets[i].node.querySelectorAll("img").forEach(function (img) { setAttr(img, "alt", alt); });
        }
      });
    });
  }

  function makeA11yPlugin(INotebookTracker) {
    return {
      id: NAME + ":a11y",
      description: "roles, names, live regions, chart alternatives and focus for the kit's widgets",
      autoStart: true,
      optional: INotebookTracker ? [INotebookTracker] : [],
      activate: function (app, tracker) {
        try {
          var style = document.createElement("style");
          style.id = "smmkit-a11y-style";
          style.textContent = A11Y_CSS;
          document.head.appendChild(style);
        } catch (err) { console.warn(NAME + ": no focus style", err); }
        var queued = false;
        function run() {
          queued = false;
          try {
            document.querySelectorAll(KIT_ROOTS).forEach(function (root) {
              if (!root.parentElement || !root.parentElement.closest(KIT_ROOTS)) fixRoot(root);
            });
            if (tracker) outputAlts(tracker);
          } catch (err) { console.warn(NAME + ": accessibility attributes not set", err); }
        }
        function queue() {
          if (queued) return;
          queued = true;
          window.requestAnimationFrame(run);
        }
        try {
          new MutationObserver(queue).observe(app.shell.node, {
            subtree: true, childList: true, characterData: true,
            attributes: true, attributeFilter: ["class", "title"]
          });
        } catch (err) { console.warn(NAME + ": accessibility attributes not set", err); }
        queue();
      }
    };
  }

  var container = {
    init: function (scope) { shareScope = scope; return Promise.resolve(); },
    get: function (module) {
      if (module !== "./extension") return Promise.reject(new Error(NAME + " has no module " + module));
      var optional = function (name) { return shared(name).catch(function () { return {}; }); };
      return Promise.all([
        shared("@jupyterlab/translation"),
        optional("@jupyterlab/mainmenu"),
        optional("@jupyterlab/notebook"),
        optional("@jupyterlab/services")
      ]).then(function (modules) {
        var plugins = [makePlugin(modules[0].ITranslator, modules[1].IMainMenu),
                       makeWidgetsPlugin(modules[0].ITranslator, modules[2].INotebookTracker),
                       makeA11yPlugin(modules[2].INotebookTracker)];
        var notebook = modules[2], services = modules[3];
        if (notebook.NotebookActions && notebook.NotebookActions.executionScheduled &&
            services.KernelMessage && services.KernelMessage.createMessage) {
          plugins.push(makeCellsPlugin(notebook.NotebookActions, notebook.INotebookTracker, services.KernelMessage));
        }
        return function () { return { __esModule: true, default: plugins }; };
      });
    }
  };
  var registry = (window._JUPYTERLAB = window._JUPYTERLAB || {});
  registry[NAME] = container;
})();
