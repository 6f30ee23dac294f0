// The label workspace: header with the always-visible counts and export, and four steps as tabs.

import { api } from './api.js';
import { h, replace } from './dom.js';
import { Labeller } from './labeller.js';
import { Inspector } from './inspector.js';
import { SearchStep } from './search-step.js';
import { BuildStep } from './build-step.js';
import { ReviewStep } from './review-step.js';
import { TeamPanel } from './team-panel.js';
import { labelHref } from './labels-page.js';
import { guarded, showInfo } from './notify.js';
import { teamSettings } from './team-settings.js';

const STEPS = [
  { id: 'search', key: 's', name: 'Search', make: (ws) => new SearchStep(ws) },
  { id: 'build', key: 'f', name: 'Build & feeds', make: (ws) => new BuildStep(ws) },
  { id: 'review', key: 'r', name: 'Review', make: (ws) => new ReviewStep(ws) },
  { id: 'team', key: 'a', name: 'Team', make: (ws) => new TeamPanel(ws) },
];
const EXPORTS = [
  { format: 'va', name: 'VA layout (zip)' },
  { format: 'csv', name: 'CSV' },
  { format: 'labelbox', name: 'Labelbox NDJSON' },
];

export class Workspace {
  constructor(root, label, info) {
    this.root = root;
    this.label = label;
    this.info = info;
    this.labeller = new Labeller(label);
    this.inspector = new Inspector(this);
    this.steps = new Map();
    this.step = null;
  }

  /** Loads the label and its annotations; false when the label does not exist. */
  async open() {
    this.labelInfo = await guarded(`Could not open label "${this.label}"`, () => api.label(this.label));
    if (!this.labelInfo) return false;
    await guarded('Could not load the annotations', () => this.labeller.load());
    this.counts = h('div', { class: 'counts', 'aria-label': 'Annotation counts' });
    this.labeller.subscribe(() => this.paintCounts());
    this.paintCounts();
    this.tabs = STEPS.map((s, i) => h('a', {
      role: 'tab', id: `step-tab-${s.id}`, href: labelHref(this.label, s.id), 'aria-selected': 'false',
      'aria-controls': 'step-panel', 'aria-keyshortcuts': s.key, class: 'step-tab',
    }, h('span', { class: 'step-no', text: String(i + 1) }), ` ${s.name} `, h('kbd', { text: s.key })));
    this.panel = h('div', { role: 'tabpanel', id: 'step-panel', class: 'step-panel' });
    this.status = h('span', { class: 'export-status muted small', role: 'status' });
    replace(this.root,
      h('section', { class: 'page workspace', 'aria-labelledby': 'label-title' },
        h('div', { class: 'ws-head' },
          h('div', { class: 'ws-title' },
            h('a', { href: '#/', class: 'back', 'aria-label': 'All labels (g)', text: '← Labels' }),
            h('h1', { id: 'label-title', text: this.label }),
            h('p', { class: 'description', text: this.labelInfo.description || '' }),
            teamSettings(this),
            // With accounts only an admin deletes a label: others do not get the control (the server refuses them too).
            this.info?.user && this.info.user.role !== 'admin' ? null : h('button', {
              type: 'button', id: 'delete-label', class: 'small-btn danger', onclick: () => this.deleteLabel(),
            }, 'Delete label…')),
          this.counts,
          h('div', { class: 'exports', role: 'group', 'aria-label': 'Export' },
            h('span', { class: 'muted small', text: 'Export' }),
            EXPORTS.map((e) => h('button', {
              type: 'button', class: 'small-btn', dataset: { format: e.format }, 'aria-label': `Export as ${e.name}`,
              onclick: () => this.export(e.format),
            }, e.format === 'va' ? 'VA' : e.format === 'csv' ? 'CSV' : 'Labelbox')),
            this.status)),
        h('nav', { class: 'steps', role: 'tablist', 'aria-label': 'Steps' }, this.tabs),
        this.panel));
    return true;
  }

  paintCounts() {
    if (!this.countNumbers) {
      this.countNumbers = {};
      replace(this.counts, ['yes', 'no', 'unsure'].map((value) => {
        this.countNumbers[value] = h('b');
        return h('span', { class: `count ${value}`, id: `count-${value}`, title: value },
          `${{ yes: '✓', no: '✗', unsure: '?' }[value]} `, this.countNumbers[value], ` ${value}`);
      }));
    }
    for (const [value, el] of Object.entries(this.countNumbers)) {
      el.textContent = String(this.labeller.counts[value] ?? 0);
    }
  }

  /** Shows one step (search, build or review), creating it on first use. */
  async showStep(id) {
    const def = STEPS.find((s) => s.id === id) ?? STEPS[0];
    if (this.currentStep === def.id) return;
    this.currentStep = def.id;
    if (!this.steps.has(def.id)) this.steps.set(def.id, def.make(this));
    this.step = this.steps.get(def.id);
    for (const tab of this.tabs) {
      const on = tab.id === `step-tab-${def.id}`;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      if (on) this.panel.setAttribute('aria-labelledby', tab.id);
    }
    replace(this.panel, this.step.el);
    document.title = `${this.label} · ${def.name} · Video Annotator`;
    await this.step.show();
  }

  /** A build finished: the label's summary now has a model. */
  builtModel(build) {
    this.labelInfo = { ...this.labelInfo, latestBuild: build };
  }

  async deleteLabel() {
    if (!confirm(`Delete the label "${this.label}"? Its annotations stay in the log; creating the name again brings them back.`)) return;
    const done = await guarded(`Could not delete "${this.label}"`, () => api.deleteLabel(this.label));
    if (!done) return;
    showInfo(`Deleted the label "${this.label}".`);
    location.hash = '#/';
  }

  async export(format) {
    // Before the download: how many clips the model's predictions will call "yes".
    const decision = this.labelInfo?.latestBuild?.quality?.decision;
    this.status.textContent = format === 'labelbox' && decision
      ? `Exporting labelbox: ${decision.yesClips} of ${decision.corpusClips} clips will be "yes" (score ≥ ${decision.threshold.toFixed(3)})…`
      : `Exporting ${format}…`;
    const response = await guarded(`Could not export as ${format}`, () => api.exportFile(this.label, format));
    if (!response) {
      this.status.textContent = '';
      return;
    }
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    const fileName = name ? decodeURIComponent(name) : `${this.label}.${format === 'va' ? 'zip' : format === 'csv' ? 'csv' : 'ndjson'}`;
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    this.status.textContent = `Saved ${fileName} (${Math.max(1, Math.round(blob.size / 1024))} kB)`
      + (format === 'labelbox' && decision ? `: ${decision.yesClips} of ${decision.corpusClips} clips "yes"` : '');
    showInfo(`Exported ${fileName}.`);
  }

  onKey(event) {
    const step = STEPS.find((s) => s.key === event.key);
    if (step) {
      location.hash = labelHref(this.label, step.id);
      return true;
    }
    if (event.key === 'b') {
      this.showStep('build').then(() => this.steps.get('build').build());
      location.hash = labelHref(this.label, 'build');
      return true;
    }
    if (event.key === 'z') {
      this.undo();
      return true;
    }
    return this.step?.onKey(event) ?? false;
  }

  async undo() {
    const key = await this.labeller.undo();
    if (key) this.step?.grid?.focusKey(key);
    else showInfo('Nothing to undo.');
  }

  /** Opens clip {@code key} in the inspector; {@code onClosed} runs when it closes. */
  inspect(key, source, onClosed) {
    return this.inspector.open(key, source, onClosed);
  }

  dispose() {
    this.inspector.dispose();
    for (const step of this.steps.values()) step.dispose();
  }
}
