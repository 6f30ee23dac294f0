// Step 1: find examples by text, by words, or "more like these", and label them.

import { api } from './api.js';
import { h } from './dom.js';
import { ClipGrid } from './clip-grid.js';
import { guarded } from './notify.js';

const PAGE = 30;

/** Duration filters of the browse mode, in seconds. */
const DURATIONS = [
  { id: 'any', text: 'Any length', min: undefined, max: undefined },
  { id: 'short', text: 'Short (< 2 s)', min: undefined, max: 2 },
  { id: 'medium', text: '2–6 s', min: 2, max: 6 },
  { id: 'long', text: 'Long (> 6 s)', min: 6, max: undefined },
];

/** What a search mode looks at and how to read its scores (one source for the summary line). */
const SCORE_HINTS = {
  text: (info) => (info?.textSearch
    ? 'score: cosine similarity of the clip to your words through the CLIP model (about 0.2–0.35 is a good match)'
    : 'no text model: words are matched against captions and file names (score: word relevance, comparable within this search only)'),
  words: () => 'score: word relevance in captions and file names (BM25; comparable within this search only)',
  like: () => 'score: visual similarity (cosine, −1 to 1) to the clips you selected',
  browse: () => 'every clip, video by video in timeline order',
};

function describeRequest(request) {
  if (request.mode === 'like') return 'more like the selected clips';
  if (request.mode === 'browse') return request.value ? `videos named like “${request.value}”` : 'every video';
  return `“${request.value}”`;
}

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
    this.mode = h('select', {
      id: 'search-mode', 'aria-label': 'Search by', onchange: () => this.modeChanged(),
    },
      h('option', { value: 'text', text: ws.info?.textSearch ? 'Meaning (CLIP, text to video)' : 'Captions and file names' }),
      h('option', { value: 'words', text: 'Exact words (captions, file names)' }),
      h('option', { value: 'browse', text: 'Browse all clips, by video' }));
    this.duration = h('select', { id: 'browse-duration', 'aria-label': 'Clip duration', hidden: true },
      ...DURATIONS.map((d) => h('option', { value: d.id, text: d.text })));
    this.unlabelled = h('input', { type: 'checkbox', id: 'search-unlabelled', checked: true });
    this.likeButton = h('button', {
      type: 'button', id: 'more-like', disabled: true, 'aria-keyshortcuts': 'm',
      onclick: () => this.searchLike(),
    }, 'More like selected (0)');
    this.summary = h('p', { class: 'summary', role: 'status' });
    this.more = h('button', { type: 'button', class: 'ghost', hidden: true, onclick: () => this.loadMore() }, 'More results');
    this.grid = new ClipGrid({
      onOpen: (item, source) => ws.inspect(item.key, source, () => this.grid.focusKey(item.key)),
      labeller: ws.labeller,
      name: 'Search results',
      emptyText: 'Type what you are looking for and press Enter, then label with y / n / u. '
        + 'With a few yes and a few no, press b to build a model, and keep labelling the clips it shows you.',
      source: () => (this.request?.mode === 'browse' ? { kind: 'browse' } : { kind: 'search', query: this.describe() }),
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
        this.mode, this.input, this.duration,
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
    if (this.request.mode === 'browse') return `browse:${this.request.value}`;
    return this.request.mode === 'like' ? `like:${this.request.value}` : this.request.value;
  }

  searchText() {
    const value = this.input.value.trim();
    if (this.mode.value === 'browse') {
      this.run({ mode: 'browse', value, duration: this.duration.value, offset: 0 });
      return;
    }
    if (!value) return;
    this.run({ mode: this.mode.value, value, offset: 0 });
  }

  /** Browse takes part of a file name (or nothing) and a duration; the searches take words. */
  modeChanged() {
    const browse = this.mode.value === 'browse';
    this.duration.hidden = !browse;
    this.input.placeholder = browse ? 'Part of a file name (empty: every video)'
      : this.ws.info?.textSearch ? 'Describe what you look for, e.g. "car chase at night"' : 'Words in captions and file names';
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
    this.grid.setEmptyText(`No clips match ${describeRequest(request)}${this.unlabelled.checked ? ' among the unlabelled ones' : ''}. Try other words.`);
    this.grid.setItems(answer.hits, { focus: true });
    this.more.hidden = answer.hits.length < PAGE;
    const hint = SCORE_HINTS[request.mode]?.(this.ws.info) ?? '';
    this.summary.textContent = answer.hits.length
      ? `${request.mode === 'browse' ? `${answer.hits.length} of ${answer.total}` : answer.hits.length} clips for `
        + `${describeRequest(request)}; ${hint}. Label with y / n / u.`
      : 'Nothing found. Try other words.';
  }

  fetch(request) {
    if (request.mode === 'browse') {
      const d = DURATIONS.find((x) => x.id === request.duration) ?? DURATIONS[0];
      return api.browse({
        video: request.value, minSeconds: d.min, maxSeconds: d.max, k: PAGE, offset: request.offset,
        labelName: this.ws.label, unlabelled: this.unlabelled.checked,
      });
    }
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
