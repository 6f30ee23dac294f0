// Step 1: find examples by text, by words, or "more like these", and label them.

import { api } from './api.js';
import { h } from './dom.js';
import { ClipGrid } from './clip-grid.js';
import { guarded } from './notify.js';

const PAGE = 30;

export class SearchStep {
  /** @param {import('./workspace.js').Workspace} ws */
  constructor(ws) {
    this.ws = ws;
    this.request = null; // the last search: {mode, value, offset}
    this.input = h('input', {
      type: 'search', id: 'search-text', name: 'q', 'aria-label': 'Search clips', autocomplete: 'off',
      placeholder: ws.info?.textSearch ? 'Describe what you look for, e.g. "car chase at night"' : 'Words in titles and descriptions',
      'aria-keyshortcuts': '/',
    });
    this.mode = h('select', { id: 'search-mode', 'aria-label': 'Search by' },
      h('option', { value: 'text', text: ws.info?.textSearch ? 'Meaning (text to video)' : 'Text' }),
      h('option', { value: 'words', text: 'Exact words' }));
    this.unlabelled = h('input', { type: 'checkbox', id: 'search-unlabelled', checked: true });
    this.likeButton = h('button', {
      type: 'button', id: 'more-like', disabled: true, 'aria-keyshortcuts': 'm',
      onclick: () => this.searchLike(),
    }, 'More like selected (0)');
    this.summary = h('p', { class: 'summary', role: 'status' });
    this.more = h('button', { type: 'button', class: 'ghost', hidden: true, onclick: () => this.loadMore() }, 'More results');
    this.grid = new ClipGrid({
      labeller: ws.labeller,
      name: 'Search results',
      emptyText: 'Type what you are looking for and press Enter, then label with y / n / u. '
        + 'With a few yes and a few no, press b to build a model, and keep labelling the clips it shows you.',
      source: () => ({ kind: 'search', query: this.describe() }),
      onSelection: (keys) => {
        this.likeButton.disabled = keys.length === 0;
        this.likeButton.textContent = `More like selected (${keys.length})`;
      },
      extraKeys: (e) => {
        if (e.key !== 'm') return false;
        this.searchLike();
        return true;
      },
      onEnd: () => this.loadMore(),
    });
    this.el = h('div', { class: 'step search-step' },
      h('form', { class: 'search-bar', role: 'search', onsubmit: (e) => { e.preventDefault(); this.searchText(); } },
        this.mode, this.input,
        h('label', { class: 'check' }, this.unlabelled, 'Unlabelled only'),
        h('button', { type: 'submit', class: 'primary' }, 'Search'),
        this.likeButton),
      this.summary,
      this.grid.el,
      this.more);
    if (!this.input.value) this.input.value = ws.labelInfo?.keywords?.slice(0, 3).join(' ') || ws.label;
  }

  describe() {
    if (!this.request) return '';
    return this.request.mode === 'like' ? `like:${this.request.value}` : this.request.value;
  }

  searchText() {
    const value = this.input.value.trim();
    if (!value) return;
    this.run({ mode: this.mode.value, value, offset: 0 });
  }

  searchLike() {
    const keys = [...this.grid.selected];
    if (!keys.length) return;
    this.run({ mode: 'like', value: keys.join(','), offset: 0 });
    this.grid.clearSelection();
  }

  async run(request) {
    this.request = request;
    this.summary.textContent = 'Searching…';
    const answer = await guarded('Search failed', () => this.fetch(request));
    if (!answer) {
      this.summary.textContent = '';
      return;
    }
    this.grid.setEmptyText(`No clips match ${request.mode === 'like' ? 'the selected clips' : `“${request.value}”`}${this.unlabelled.checked ? ' among the unlabelled ones' : ''}. Try other words.`);
    this.grid.setItems(answer.hits, { focus: true });
    this.more.hidden = answer.hits.length < PAGE;
    this.summary.textContent = answer.hits.length
      ? `${answer.hits.length} clips for ${request.mode === 'like' ? 'more like the selected clips' : `“${request.value}”`} (${answer.mode}). Label with y / n / u.`
      : 'Nothing found. Try other words.';
  }

  fetch(request) {
    return api.search(request.mode, request.value, {
      k: PAGE, offset: request.offset, labelName: this.ws.label, unlabelled: this.unlabelled.checked,
    });
  }

  async loadMore() {
    if (!this.request || this.more.hidden) return;
    // With "unlabelled only" the clips just labelled drop out of the ranking, so the next page
    // starts after the ones still unlabelled on screen.
    const unlabelledShown = this.grid.items.filter((it) => !this.ws.labeller.value(it.key)).length;
    const offset = this.unlabelled.checked ? unlabelledShown : this.grid.items.length;
    this.request = { ...this.request, offset };
    const answer = await guarded('Could not load more results', () => this.fetch(this.request));
    if (!answer) return;
    const before = this.grid.items.length;
    const added = this.grid.appendItems(answer.hits);
    this.more.hidden = answer.hits.length < PAGE;
    if (added) this.grid.focusIndex(before);
    this.summary.textContent = `${this.grid.items.length} clips shown.`;
  }

  focusSearch() {
    this.input.focus();
    this.input.select();
  }

  show() {
    if (!this.request) this.focusSearch();
    else this.grid.focus();
  }

  onKey(event) {
    if (event.key === '/') {
      this.focusSearch();
      return true;
    }
    if (event.key === 'm') {
      this.searchLike();
      return true;
    }
    return this.grid.onKey(event) && (this.grid.focus(), true);
  }

  dispose() {
    this.grid.dispose();
  }
}
