// Step 3: every annotation of the label, filtered; flip or remove each one.

import { annotator, api } from './api.js';
import { h, fmt } from './dom.js';
import { ClipGrid } from './clip-grid.js';
import { guarded, showError, showInfo } from './notify.js';

const FILTERS = [
  { id: 'all', name: 'All' },
  { id: 'positives', name: 'Positives' },
  { id: 'negatives', name: 'Negatives' },
  { id: 'disagreements', name: 'Annotators disagree' },
  { id: 'flipped', name: 'Model disagrees' },
  // With an overlap above 1: clips teammates voted on that still need this annotator's vote.
  { id: 'needs-vote', name: 'Needs my vote' },
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
    const keys = filter === 'needs-vote' ? 'y / n votes.' : 't flips, Delete removes.';
    this.summary.textContent = `${total} annotation${total === 1 ? '' : 's'} (${name}). ${keys}`;
  }

  /** Whether this browser may remove who's vote: anyone's without accounts, else one's own or an admin. */
  mayRemove(who) {
    const user = this.ws.info?.user;
    return !user || user.role === 'admin' || user.name === who;
  }

  decorate(cell, item) {
    const entries = Object.entries(item.annotation.votes ?? {});
    const votes = entries.map(([who, v]) => `${who}: ${v}`).join(', ');
    const voteChips = entries.map(([who, v], i) => h('span', { class: 'vote' },
      i > 0 ? ', ' : '', `${who}: ${v}`,
      this.mayRemove(who) && entries.length > 1 ? h('button', {
        type: 'button', tabindex: '-1', class: 'vote-remove', text: '×', title: `Remove ${who}'s vote`,
        'aria-label': `Remove ${who}'s vote on ${item.key}`, dataset: { annotator: who },
        onclick: (e) => { e.stopPropagation(); this.remove(item, who); },
      }) : null));
    cell.querySelector('.meta').append(h('span', {
      class: 'score model-score', title: 'latest model score',
      text: typeof item.modelScore === 'number' ? `model ${fmt(item.modelScore)}` : 'no model',
    }));
    cell.append(h('div', { class: 'review-row' },
      h('span', { class: 'votes muted small', title: votes }, voteChips),
      h('span', { class: 'review-actions' },
        h('button', { type: 'button', tabindex: '-1', class: 'small-btn', 'aria-label': `Flip ${item.key}`, onclick: (e) => { e.stopPropagation(); this.flip(item); } }, 'Flip'),
        h('button', { type: 'button', tabindex: '-1', class: 'small-btn danger', 'aria-label': `Remove ${item.key}`, onclick: (e) => { e.stopPropagation(); this.remove(item); } }, 'Remove'))));
  }

  flip(item) {
    const value = this.ws.labeller.value(item.key);
    if (value) this.ws.labeller.set(item.key, FLIP[value], { kind: 'review' });
  }

  /**
   * Removes one vote on the clip: who's, else this browser's own, else the only one there is (an
   * admin removing another annotator's vote; the API allows it). Several votes and none of them
   * this browser's: it asks which (the × beside each name).
   */
  async remove(item, who) {
    const voters = Object.keys(item.annotation.votes ?? {});
    const me = annotator();
    const target = who ?? (voters.includes(me) ? me : voters.length === 1 ? voters[0] : null);
    if (!target) {
      showError(`${voters.length} annotators voted on clip ${item.key}: remove one vote with the × beside its name.`, 'Remove');
      return;
    }
    if (!this.mayRemove(target)) {
      showError(`only an admin may remove ${target}'s vote`, 'Remove');
      return;
    }
    if (target === me && voters.length <= 1) {
      // One's own only vote: optimistic, and z undoes it.
      if (this.ws.labeller.value(item.key)) this.ws.labeller.set(item.key, null, { kind: 'review' });
      return;
    }
    const removed = await guarded(`Could not remove ${target}'s vote on clip ${item.key}`,
      () => api.unannotate(this.ws.label, item.key, target));
    if (!removed) return;
    showInfo(`Removed ${target}'s vote on clip ${item.key}.`);
    await guarded('Could not reload the annotations', () => this.ws.labeller.load());
    await this.load(this.filter);
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
