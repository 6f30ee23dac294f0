// Step 3: every annotation of the label, filtered; flip or remove each one.

import { api } from './api.js';
import { h, fmt } from './dom.js';
import { ClipGrid } from './clip-grid.js';
import { guarded } from './notify.js';

const FILTERS = [
  { id: 'all', name: 'All' },
  { id: 'positives', name: 'Positives' },
  { id: 'negatives', name: 'Negatives' },
  { id: 'disagreements', name: 'Annotators disagree' },
  { id: 'flipped', name: 'Model disagrees' },
];
const FLIP = { yes: 'no', no: 'yes', unsure: 'yes' };

export class ReviewStep {
  /** @param {import('./workspace.js').Workspace} ws */
  constructor(ws) {
    this.ws = ws;
    this.filter = 'all';
    this.filterButtons = FILTERS.map((f) => h('button', {
      type: 'button', class: 'chip', 'aria-pressed': f.id === this.filter ? 'true' : 'false', dataset: { filter: f.id },
      onclick: () => this.load(f.id),
    }, f.name));
    this.summary = h('p', { class: 'summary', role: 'status' });
    this.grid = new ClipGrid({
      onOpen: (item, source) => ws.inspect(item.key, source, () => this.grid.focusKey(item.key)),
      labeller: ws.labeller,
      name: 'Annotations under review',
      emptyText: 'No annotations match this filter.',
      source: () => ({ kind: 'review' }),
      decorate: (cell, item) => this.decorate(cell, item),
      extraKeys: (e, item) => this.reviewKey(e, item),
      minCellWidth: 230,
    });
    this.el = h('div', { class: 'step review-step' },
      h('div', { class: 'filters', role: 'group', 'aria-label': 'Show' }, this.filterButtons),
      this.summary,
      this.grid.el);
  }

  async show() {
    await this.load(this.filter);
  }

  async load(filter) {
    this.filter = filter;
    for (const b of this.filterButtons) b.setAttribute('aria-pressed', b.dataset.filter === filter ? 'true' : 'false');
    const answer = await guarded('Could not load the annotations', () => api.review(this.ws.label, filter));
    if (!answer) return;
    const items = answer.items.map((it) => ({
      key: it.annotation.key, clip: it.clip, annotation: it.annotation, modelScore: it.modelScore,
    }));
    this.grid.setItems(items, { focus: true });
    const name = FILTERS.find((f) => f.id === filter).name.toLowerCase();
    const total = answer.total ?? items.length;
    this.summary.textContent = `${total} annotation${total === 1 ? '' : 's'} (${name}). t flips, Delete removes.`;
  }

  decorate(cell, item) {
    const votes = Object.entries(item.annotation.votes ?? {}).map(([who, v]) => `${who}: ${v}`).join(', ');
    cell.querySelector('.meta').append(h('span', {
      class: 'score model-score', title: 'latest model score',
      text: typeof item.modelScore === 'number' ? `model ${fmt(item.modelScore)}` : 'no model',
    }));
    cell.append(h('div', { class: 'review-row' },
      h('span', { class: 'votes muted small', text: votes, title: votes }),
      h('span', { class: 'review-actions' },
        h('button', { type: 'button', tabindex: '-1', class: 'small-btn', 'aria-label': `Flip ${item.key}`, onclick: (e) => { e.stopPropagation(); this.flip(item); } }, 'Flip'),
        h('button', { type: 'button', tabindex: '-1', class: 'small-btn danger', 'aria-label': `Remove ${item.key}`, onclick: (e) => { e.stopPropagation(); this.remove(item); } }, 'Remove'))));
  }

  flip(item) {
    const value = this.ws.labeller.value(item.key);
    if (value) this.ws.labeller.set(item.key, FLIP[value], { kind: 'review' });
  }

  remove(item) {
    if (this.ws.labeller.value(item.key)) this.ws.labeller.set(item.key, null, { kind: 'review' });
  }

  reviewKey(event, item) {
    if (event.key === 't') this.flip(item);
    else if (event.key === 'Delete' || event.key === 'Backspace') this.remove(item);
    else return false;
    return true;
  }

  onKey(event) {
    return this.grid.onKey(event) && (this.grid.focus(), true);
  }

  dispose() {
    this.grid.dispose();
  }
}
