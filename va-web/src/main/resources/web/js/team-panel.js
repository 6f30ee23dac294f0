// Step 4, Team: how well the label's annotators agree (figures, a matrix of annotator pairs, each
// annotator against the consensus and the model) and the adjudication queue, where a reviewer
// settles each clip whose votes disagree (y / n, with an optional note) or undoes a settlement.

import { api } from './api.js';
import { h, fmt, replace } from './dom.js';
import { guarded, showInfo } from './notify.js';
import { clipTitle } from './clip-grid.js';

const STATES = [
  { id: 'open', name: 'To settle' },
  { id: 'settled', name: 'Settled' },
];

const PAGE = 200;
const MAX_ROWS = 10000; // the server's largest k

const pct = (figure) => (figure && typeof figure.value === 'number' ? `${Math.round(figure.value * 100)} %` : '—');
const val = (figure) => (figure && typeof figure.value === 'number' ? fmt(figure.value) : '—');
const clips = (figure) => (figure ? `${figure.clips} clip${figure.clips === 1 ? '' : 's'}` : '');

/** A figure as a small card: name, value, and the clips it rests on. */
function card(name, text, figure, hint) {
  return h('div', { class: 'team-figure', title: hint },
    h('span', { class: 'muted small', text: name }),
    h('b', { text }),
    h('span', { class: 'muted small', text: clips(figure) }));
}

/** Background of a matrix cell: green for high kappa, red for low, none when undefined. */
function kappaColour(figure) {
  if (!figure || typeof figure.value !== 'number') return '';
  const k = Math.max(-1, Math.min(1, figure.value));
  const hue = Math.round(Math.max(0, k) * 120); // 0 red .. 120 green
  return `background: hsl(${hue} 60% 90%)`;
}

export class TeamPanel {
  /** @param {import('./workspace.js').Workspace} ws */
  constructor(ws) {
    this.ws = ws;
    this.state = 'open';
    this.items = [];
    this.active = 0;
    this.figures = h('div', { class: 'team-figures', role: 'group', 'aria-label': 'Agreement' });
    this.matrix = h('div', { class: 'team-matrix' });
    this.members = h('div', { class: 'team-members' });
    this.stateButtons = STATES.map((s) => h('button', {
      type: 'button', class: 'chip', dataset: { state: s.id }, 'aria-pressed': s.id === this.state ? 'true' : 'false',
      onclick: () => this.loadQueue(s.id),
    }, s.name));
    this.queueSummary = h('p', { class: 'summary', role: 'status' });
    // A long queue comes a page at a time: settling empties the open list from the top anyway.
    this.moreButton = h('button', { type: 'button', id: 'queue-more', class: 'ghost small-btn', hidden: true, onclick: () => this.more() },
      `Show ${PAGE} more`);
    this.queue = h('ol', {
      class: 'adjudication', 'aria-label': 'Clips whose votes disagree', onkeydown: (e) => this.onQueueKey(e),
    });
    this.el = h('div', { class: 'step team-step' },
      h('section', { class: 'team-agreement', 'aria-labelledby': 'team-agreement-title' },
        h('h2', { id: 'team-agreement-title', text: 'Agreement' }),
        this.figures,
        h('div', { class: 'team-tables' }, this.matrix, this.members)),
      h('section', { class: 'team-queue', 'aria-labelledby': 'team-queue-title' },
        h('h2', { id: 'team-queue-title', text: 'Adjudication' }),
        h('div', { class: 'filters', role: 'group', 'aria-label': 'Show' }, this.stateButtons),
        this.queueSummary,
        this.queue,
        this.moreButton));
  }

  async show() {
    await Promise.all([this.loadAgreement(), this.loadQueue(this.state)]);
  }

  async loadAgreement() {
    const a = await guarded('Could not load the agreement', () => api.agreement(this.ws.label));
    if (!a) return;
    replace(this.figures,
      card('All agree', pct(a.unanimity), a.unanimity, 'Share of clips with two or more votes on which every vote is the same (the VA paper\'s agreement)'),
      card('Pairs agree', pct(a.pairwise), a.pairwise, 'Share of agreeing pairs of votes on the same clip'),
      card('Fleiss\' κ', val(a.fleissKappa), a.fleissKappa, `Over the clips with ${a.fleissRaters} votes`),
      card('Krippendorff\'s α', val(a.krippendorffAlpha), a.krippendorffAlpha, 'Nominal, over every clip with two or more votes; missing votes allowed'),
      card('Disputed', String(a.disputed), null, 'Clips with both a yes and a no vote'),
      card('Settled', String(a.settled), null, 'Clips whose answer an adjudicator settled'));
    this.paintMatrix(a);
    this.paintMembers(a);
  }

  /** Annotators by annotators: percent agreement and Cohen's kappa of each pair, coloured by kappa. */
  paintMatrix(a) {
    const names = a.members.map((m) => m.annotator);
    const pairOf = (x, y) => a.pairs.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x));
    if (names.length < 2) {
      replace(this.matrix, h('p', { class: 'muted', text: 'Agreement between annotators needs two of them voting on the same clips.' }));
      return;
    }
    replace(this.matrix, h('table', { class: 'pair-matrix' },
      h('caption', { class: 'muted small', text: 'Pairs: percent agreement, Cohen\'s κ, clips both voted on' }),
      h('thead', {}, h('tr', {}, h('td'), names.map((n) => h('th', { scope: 'col', text: n })))),
      h('tbody', {}, names.map((row) => h('tr', {},
        h('th', { scope: 'row', text: row }),
        names.map((col) => {
          if (row === col) return h('td', { class: 'self', text: '·' });
          const p = pairOf(row, col);
          if (!p) return h('td', { class: 'muted', text: '—', title: 'no clip voted on by both' });
          return h('td', { style: kappaColour(p.cohenKappa), title: `${row} and ${col}: ${clips(p.percent)} both voted on` },
            h('b', { text: pct(p.percent) }), h('br'), h('span', { class: 'small', text: `κ ${val(p.cohenKappa)}` }),
            h('br'), h('span', { class: 'muted small', text: String(p.percent.clips) }));
        }))))));
  }

  paintMembers(a) {
    const model = a.model ? `model v${a.model.version}` : 'model (none yet)';
    replace(this.members, h('table', { class: 'member-table' },
      h('thead', {}, h('tr', {}, ['Annotator', 'Votes', 'Yes / no / unsure', 'With consensus', `With ${model}`]
        .map((t) => h('th', { scope: 'col', text: t })))),
      h('tbody', {}, a.members.map((m) => h('tr', {},
        h('th', { scope: 'row', text: m.annotator }),
        h('td', { text: String(m.votes) }),
        h('td', { class: 'muted', text: `${m.yes} / ${m.no} / ${m.unsure}` }),
        h('td', { title: clips(m.consensus), text: pct(m.consensus) }),
        h('td', { title: clips(m.model), text: m.model ? pct(m.model) : '—' }))))));
  }

  async loadQueue(state, count = PAGE) {
    this.state = state;
    for (const b of this.stateButtons) b.setAttribute('aria-pressed', b.dataset.state === state ? 'true' : 'false');
    const q = await guarded('Could not load the adjudication queue', () => api.adjudication(this.ws.label, state, count));
    if (!q) return;
    this.items = q.items;
    this.active = Math.min(this.active, Math.max(0, this.items.length - 1));
    this.paintQueue(q);
    this.focusRow(this.active, false);
  }

  /** The next page of the queue, after the rows shown. */
  async more() {
    const q = await guarded('Could not load more of the queue',
      () => api.adjudication(this.ws.label, this.state, PAGE, this.items.length));
    if (!q) return;
    const first = this.items.length;
    this.items = [...this.items, ...q.items];
    this.paintQueue(q);
    this.focusRow(first, true);
  }

  paintQueue(q) {
    const total = this.state === 'open' ? q.open : q.settled;
    this.queueSummary.textContent = `${q.open} to settle, ${q.settled} settled`
      + (this.items.length < total ? ` (showing the first ${this.items.length}). ` : '. ')
      + (this.state === 'open' ? 'y / n settles the focused clip (with its note), e edits the note, j / k move.'
        : 'Delete undoes the focused settlement, j / k move.');
    this.moreButton.hidden = this.items.length >= total;
    replace(this.queue, this.items.length
      ? this.items.map((item, i) => this.row(item, i))
      : h('li', { class: 'empty', text: this.state === 'open' ? 'No disagreements to settle.' : 'Nothing settled yet.' }));
  }

  row(item, i) {
    const a = item.annotation;
    const votes = Object.entries(a.votes ?? {}).sort(([x], [y]) => x.localeCompare(y)).map(([who, v]) => h('span', { class: `vote ${v}`, text: `${who}: ${v}` }));
    const note = h('input', {
      class: 'note', type: 'text', maxlength: '1000', placeholder: 'note (optional)', 'aria-label': `Note on ${a.key}`,
      value: a.settlement?.note ?? '',
      onkeydown: (e) => {
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          this.focusRow(i, true);
        }
      },
    });
    const settled = a.settlement
      ? h('span', { class: `settled ${a.settlement.value}`, text: `settled ${a.settlement.value} by ${a.settlement.by}` })
      : h('span', { class: 'muted small', text: `majority: ${item.majority}` });
    const actions = a.settlement
      ? [h('button', { type: 'button', class: 'small-btn', tabindex: '-1', onclick: () => this.undo(i) }, 'Undo ', h('kbd', { text: 'Del' }))]
      : [h('button', { type: 'button', class: 'small-btn yes', tabindex: '-1', onclick: () => this.settle(i, 'yes') }, 'Yes ', h('kbd', { text: 'y' })),
        h('button', { type: 'button', class: 'small-btn no', tabindex: '-1', onclick: () => this.settle(i, 'no') }, 'No ', h('kbd', { text: 'n' }))];
    const thumb = item.clip?.thumbnail
      ? h('img', { src: item.clip.thumbnail, alt: '', loading: 'lazy', width: '96' }) : h('span', { class: 'no-thumb' });
    return h('li', { class: 'adjudication-row', tabindex: '-1', dataset: { key: a.key, index: String(i) }, onfocus: () => { this.active = i; } },
      thumb,
      h('div', { class: 'adj-main' },
        h('div', { class: 'adj-title', text: item.clip ? clipTitle(item.clip) : a.key, title: a.key }),
        h('div', { class: 'adj-votes' }, votes, settled)),
      note,
      h('div', { class: 'adj-actions' }, actions));
  }

  rows() {
    return [...this.queue.querySelectorAll('.adjudication-row')];
  }

  focusRow(i, focus = true) {
    const rows = this.rows();
    if (!rows.length) return;
    this.active = Math.max(0, Math.min(i, rows.length - 1));
    rows.forEach((r, j) => r.setAttribute('tabindex', j === this.active ? '0' : '-1'));
    if (focus) rows[this.active].focus();
  }

  async settle(i, value) {
    const item = this.items[i];
    if (!item || item.annotation.settlement) return;
    const note = this.rows()[i]?.querySelector('.note')?.value ?? '';
    const done = await guarded(`Could not settle ${item.annotation.key}`,
      () => api.settle(this.ws.label, item.annotation.key, value, note));
    if (done) await this.afterChange(`Settled: ${value}.`, i);
  }

  async undo(i) {
    const item = this.items[i];
    if (!item?.annotation.settlement) return;
    const done = await guarded(`Could not undo the settlement of ${item.annotation.key}`,
      () => api.unsettle(this.ws.label, item.annotation.key));
    if (done) await this.afterChange('Settlement undone: the majority counts again.', i);
  }

  /** Reloads the queue (the row leaves it), the figures and the header's counts; focus stays in place. */
  async afterChange(message, i) {
    showInfo(message);
    const shown = Math.min(MAX_ROWS, Math.max(PAGE, this.items.length));
    await Promise.all([this.loadQueue(this.state, shown), this.loadAgreement(), this.ws.labeller.load()]);
    this.focusRow(i, true);
  }

  onQueueKey(event) {
    if (event.target instanceof HTMLInputElement) return;
    if (this.handleQueueKey(event)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  handleQueueKey(event) {
    const i = this.active;
    switch (event.key) {
      case 'j': case 'ArrowDown': this.focusRow(i + 1); return true;
      case 'k': case 'ArrowUp': this.focusRow(i - 1); return true;
      case 'y': this.settle(i, 'yes'); return true;
      case 'n': this.settle(i, 'no'); return true;
      case 'e': this.rows()[i]?.querySelector('.note')?.focus(); return true;
      case 'Delete': case 'Backspace': this.undo(i); return true;
      default: return false;
    }
  }

  /** Keys from outside the queue (the workspace): j / k bring the focus into it. */
  onKey(event) {
    if (['j', 'k', 'ArrowDown', 'ArrowUp'].includes(event.key) && this.rows().length) {
      this.focusRow(this.active);
      return true;
    }
    return false;
  }

  dispose() {}
}
