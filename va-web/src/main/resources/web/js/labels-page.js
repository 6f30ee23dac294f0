// The labels page: every label with its counts, latest model quality and data diversity, a
// "New label" dialog and the ontology import.

import { api } from './api.js';
import { formatTime, h, fmt, replace } from './dom.js';
import { guarded, showError, showInfo } from './notify.js';

export function labelHref(name, step = 'search') {
  return `#/label/${encodeURIComponent(name)}/${step}`;
}

/** AP as "0.81 ± 0.05". */
export function formatQuality(quality) {
  if (!quality || typeof quality.apMean !== 'number') return '—';
  return typeof quality.apStd === 'number' ? `${fmt(quality.apMean)} ± ${fmt(quality.apStd)}` : fmt(quality.apMean);
}

/** A bar and a number for a score in [0, 1]. */
export function meter(value, name) {
  if (typeof value !== 'number') return h('span', { class: 'muted', text: '—' });
  return h('span', { class: 'meter-wrap' },
    h('meter', { min: '0', max: '1', value: String(value), 'aria-label': name }),
    h('span', { text: fmt(value) }));
}

export class LabelsPage {
  constructor(root) {
    this.root = root;
    this.rows = [];
  }

  async show() {
    this.body = h('tbody');
    this.dialog = this.newLabelDialog();
    const importInput = h('input', {
      type: 'file', id: 'ontology-file', accept: '.json,application/json', class: 'visually-hidden', tabindex: '-1',
      'aria-label': 'Ontology file (task_descriptions.json)',
      onchange: (e) => this.importOntology(e.target),
    });
    replace(this.root,
      h('section', { class: 'page labels-page', 'aria-labelledby': 'labels-title' },
        h('div', { class: 'page-head' },
          h('h1', { id: 'labels-title', text: 'Labels' }),
          h('div', { class: 'toolbar' },
            h('button', { type: 'button', class: 'primary', id: 'new-label', 'aria-keyshortcuts': 'n', onclick: () => this.openDialog() },
              'New label ', h('kbd', { text: 'n' })),
            h('button', { type: 'button', id: 'import-ontology', onclick: () => importInput.click() }, 'Import ontology…'),
            importInput)),
        h('p', { class: 'lead', text: 'Pick a label to annotate, or create one: search for a few examples, label them, build, and keep labelling what the model shows you.' }),
        h('table', { class: 'labels', 'aria-labelledby': 'labels-title' },
          h('thead', {}, h('tr', {},
            ['Label', 'Description', 'Yes', 'No', 'Unsure', 'Model AP', 'Diversity', 'Last build']
              .map((t, i) => h('th', { scope: 'col', class: i >= 2 && i <= 5 ? 'num' : null, text: t })))),
          this.body)),
      this.dialog);
    await this.reload();
  }

  async reload() {
    const labels = await guarded('Could not list the labels', () => api.labels());
    if (!labels) return;
    this.rows = labels.map((label) => this.row(label));
    replace(this.body, this.rows.length ? this.rows : h('tr', {},
      h('td', { colspan: '8', class: 'empty', text: 'No labels yet: press n to create one, or import the ontology.' })));
    this.rows[0]?.querySelector('a')?.focus();
  }

  row(label) {
    const build = label.latestBuild;
    const counts = label.counts ?? {};
    return h('tr', { dataset: { label: label.name } },
      h('th', { scope: 'row' }, h('a', { href: labelHref(label.name), class: 'label-link', text: label.name })),
      h('td', { class: 'description', text: label.description || '', title: (label.keywords ?? []).join(', ') }),
      h('td', { class: 'num yes', text: String(counts.yes ?? 0) }),
      h('td', { class: 'num no', text: String(counts.no ?? 0) }),
      h('td', { class: 'num unsure', text: String(counts.unsure ?? 0) }),
      h('td', { class: 'num', text: formatQuality(build?.quality) }),
      h('td', {}, meter(build?.diversity, `data diversity of ${label.name}`)),
      h('td', { class: 'muted', text: build ? `v${build.modelVersion ?? '?'} · ${formatTime(build.finished)}` : 'never' }));
  }

  newLabelDialog() {
    const error = h('p', { class: 'form-error', role: 'alert' });
    const form = h('form', { method: 'dialog', onsubmit: (e) => this.create(e, form, error) },
      h('h2', { id: 'new-label-title', text: 'New label' }),
      h('label', {}, 'Name', h('input', { name: 'name', required: true, maxlength: '100', autocomplete: 'off', placeholder: 'e.g. car-chase' })),
      h('label', {}, 'Description', h('textarea', { name: 'description', rows: '2', placeholder: 'What a yes looks like' })),
      h('label', {}, 'Keywords', h('input', { name: 'keywords', autocomplete: 'off', placeholder: 'comma, separated, words' })),
      error,
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', onclick: () => this.dialog.close() }, 'Cancel'),
        h('button', { type: 'submit', class: 'primary' }, 'Create')));
    return h('dialog', { class: 'new-label', 'aria-labelledby': 'new-label-title' }, form);
  }

  openDialog() {
    this.dialog.querySelector('form').reset();
    this.dialog.querySelector('.form-error').textContent = '';
    this.dialog.showModal();
    this.dialog.querySelector('input[name=name]').focus();
  }

  async create(event, form, error) {
    event.preventDefault();
    const data = new FormData(form);
    const keywords = String(data.get('keywords') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
    try {
      const label = await api.createLabel(String(data.get('name')).trim(), String(data.get('description') ?? '').trim(), keywords);
      this.dialog.close();
      location.hash = labelHref(label.name);
    } catch (e) {
      error.textContent = e.message; // the server names the field and what to do
    }
  }

  async importOntology(input) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let ontology;
    try {
      ontology = JSON.parse(await file.text());
    } catch (e) {
      showError(`${file.name} is not JSON (${e.message}); pick the released task_descriptions.json`);
      return;
    }
    const answer = await guarded(`Could not import ${file.name}`, () => api.importOntology(ontology));
    if (!answer) return;
    showInfo(`Imported ${answer.created.length} labels (${answer.existing.length} already existed).`);
    await this.reload();
  }

  onKey(event) {
    if (event.key === 'n') {
      this.openDialog();
      return true;
    }
    const moves = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };
    if (moves[event.key] && this.rows.length) {
      const links = this.rows.map((r) => r.querySelector('a'));
      const at = links.indexOf(document.activeElement);
      links[Math.max(0, Math.min(links.length - 1, at + moves[event.key]))].focus();
      return true;
    }
    return false;
  }
}
