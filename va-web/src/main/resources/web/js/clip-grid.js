// A keyboard-first grid of clips: thumbnails that play their preview on hover and on focus,
// labelled with one key press (y / n / u) or a click. Used by search, feeds and review.

import { h, fmt, replace } from './dom.js';
import { FEEDS } from './feed-pager.js';

const feedName = (id) => FEEDS.find((f) => f.id === id)?.name ?? id;

const CELL_MIN_WIDTH = 170; // px: five columns beside the model panel, seven without it, on a 1366 px screen
const GAP = 10;

const VERDICT_TEXT = { yes: 'Yes', no: 'No', unsure: 'Unsure' };
const VERDICT_MARK = { yes: '✓', no: '✗', unsure: '?' };
const VALUE_BY_KEY = { y: 'yes', n: 'no', u: 'unsure' };
const MOVES = {
  ArrowLeft: 'left', h: 'left', ArrowRight: 'right', l: 'right',
  ArrowUp: 'up', k: 'up', ArrowDown: 'down', j: 'down', Home: 'first', End: 'last',
};

/**
 * A clip's short description: its title (or video, or key) and where it starts, so that cards of
 * one video, which share its file name as title, can be told apart.
 */
export function clipTitle(clip) {
  const name = clip.title || clip.video || clip.key;
  if (!(clip.end > 0)) return name;
  const tenths = Math.round(clip.start * 10);
  const m = Math.floor(tenths / 600);
  const s = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${m}:${s} · ${name}`; // time first: long file names are cut at the end
}

function clipTimes(clip) {
  return clip.end > 0 ? `${clip.start.toFixed(1)}–${clip.end.toFixed(1)} s` : '';
}

export class ClipGrid {
  /**
   * @param {object} options
   * @param {import('./labeller.js').Labeller} options.labeller the label being annotated
   * @param {string} options.name accessible name of the grid
   * @param {(item) => object} options.source where a clip was shown (annotation "source")
   * @param {string} [options.emptyText] shown when there are no clips
   * @param {() => void} [options.onEnd] called when labelling moves past the last clip
   * @param {(event, item) => boolean} [options.extraKeys] more keys; true when handled
   * @param {(cell, item) => void} [options.decorate] adds more to a cell (review)
   * @param {(keys: string[]) => void} [options.onSelection] selection for "more like these" changed
   * @param {number} [options.minCellWidth] narrowest cell in px (wider cells fit more per clip)
   * @param {(item, source) => void} [options.onOpen] opens a clip in the inspector (Enter, or a click on its picture)
   */
  constructor(options) {
    this.options = options;
    this.labeller = options.labeller;
    this.items = [];
    this.cells = [];
    this.active = 0;
    this.columns = 0;
    this.selected = new Set();
    this.playing = null;
    this.el = h('div', { class: 'grid-wrap' });
    this.grid = h('div', {
      role: 'grid', class: 'clip-grid', 'aria-label': options.name, 'aria-multiselectable': 'true',
      onkeydown: (e) => this.onKey(e),
      onfocusin: (e) => this.onFocus(e),
    });
    this.empty = h('p', { class: 'empty', text: options.emptyText ?? 'No clips.' });
    this.el.append(this.grid, this.empty);
    this.unsubscribe = this.labeller.subscribe((key) => this.refresh(key));
    this.resize = new ResizeObserver(() => {
      if (this.columnCount() !== this.columns) this.layout();
    });
    this.resize.observe(this.el);
    this.setItems([]);
  }

  /** Stops listening to the labeller and to size changes. */
  dispose() {
    this.unsubscribe();
    this.resize.disconnect();
    this.stopPreview();
  }

  /** The sentence shown instead of the grid when it has no clips. */
  setEmptyText(text) {
    this.empty.textContent = text;
  }

  /** Shows these items ({key, clip, score?, ...}); focus goes back to the first. */
  setItems(items, { focus = false } = {}) {
    this.stopPreview();
    this.items = [...items]; // a copy: appendItems must not grow the caller's array (a feed page)
    this.cells = items.map((item, i) => this.cell(item, i));
    this.active = 0;
    this.layout();
    this.empty.hidden = items.length > 0;
    this.grid.hidden = items.length === 0;
    if (focus && items.length) this.focusIndex(0);
  }

  /** Adds items after the current ones (keys already shown are skipped). */
  appendItems(items) {
    const shown = new Set(this.items.map((it) => it.key));
    const fresh = items.filter((it) => !shown.has(it.key));
    for (const item of fresh) {
      this.cells.push(this.cell(item, this.items.length));
      this.items.push(item);
    }
    this.layout();
    this.empty.hidden = this.items.length > 0;
    this.grid.hidden = this.items.length === 0;
    return fresh.length;
  }

  /**
   * Takes these clips off the grid (a teammate labelled them, team-watch.js), keeping focus on the
   * clip that had it, or on the one that took its place.
   */
  removeKeys(keys) {
    const gone = new Set(keys);
    if (!this.items.some((it) => gone.has(it.key))) return 0;
    const focused = this.grid.contains(document.activeElement);
    const activeKey = this.items[this.active]?.key;
    const kept = this.items.filter((it) => !gone.has(it.key));
    const removed = this.items.length - kept.length;
    const before = this.items.slice(0, this.active).filter((it) => gone.has(it.key)).length;
    this.setItems(kept);
    const at = kept.findIndex((it) => it.key === activeKey);
    this.active = Math.min(Math.max(0, at >= 0 ? at : this.active - before), Math.max(0, kept.length - 1));
    this.layout();
    if (focused && kept.length) this.focusIndex(this.active);
    return removed;
  }

  columnCount() {
    const width = this.el.clientWidth || 1000;
    const cell = this.options.minCellWidth ?? CELL_MIN_WIDTH;
    return Math.max(1, Math.floor((width + GAP) / (cell + GAP)));
  }

  // Real rows (role=row) that match the visual rows, so screen readers and arrow keys agree.
  layout() {
    const hadFocus = this.grid.contains(document.activeElement);
    this.columns = this.columnCount();
    this.grid.style.gridTemplateColumns = `repeat(${this.columns}, minmax(0, 1fr))`;
    const rows = [];
    for (let i = 0; i < this.cells.length; i += this.columns) {
      rows.push(h('div', { role: 'row', class: 'clip-row' }, this.cells.slice(i, i + this.columns)));
    }
    replace(this.grid, rows);
    this.grid.setAttribute('aria-rowcount', String(rows.length));
    this.cells.forEach((c, i) => c.setAttribute('tabindex', i === this.active ? '0' : '-1'));
    if (hadFocus) this.focusIndex(this.active);
  }

  cell(item, index) {
    const clip = item.clip ?? { key: item.key };
    const media = h('div', {
      class: 'media',
      onclick: (e) => { e.stopPropagation(); this.focusIndex(index); this.open(); },
    });
    if (clip.hasThumbnail !== false && clip.thumbnail) {
      media.append(h('img', { src: clip.thumbnail, alt: '', loading: 'lazy', decoding: 'async', draggable: 'false' }));
    } else {
      media.append(h('div', { class: 'no-thumb', text: clip.video || clip.key }));
    }
    media.append(h('span', { class: 'verdict', 'aria-hidden': 'true' }));
    const button = (value) => h('button', {
      type: 'button', tabindex: '-1', class: `mark mark-${value}`,
      'aria-label': `${VERDICT_TEXT[value]}: ${clipTitle(clip)}`, title: `${VERDICT_TEXT[value]} (${value[0]})`,
      text: VERDICT_MARK[value],
      onclick: (e) => { e.stopPropagation(); this.focusIndex(index); this.mark(value); },
    });
    const cell = h('div', {
      role: 'gridcell', class: 'clip', tabindex: '-1', dataset: { key: item.key, index: String(index) },
      onmouseenter: () => this.startPreview(index),
      onmouseleave: () => this.stopPreview(),
      onclick: () => this.focusIndex(index),
    },
    media,
    h('div', { class: 'meta' },
      h('span', { class: 'title', text: clipTitle(clip), title: clip.text || clip.key }),
      // Three decimals: a weakly trained model's probabilities differ only there.
      typeof item.score === 'number' ? h('span', { class: 'score', title: 'score', text: fmt(item.score, 3) }) : null),
    clip.text ? h('div', { class: 'words', text: clip.text, title: clip.text }) : null,
    // The random feed samples every unlabelled clip, so it may repeat a clip another feed offers.
    item.alsoIn?.length ? h('div', { class: 'also-in', text: `also in ${item.alsoIn.map(feedName).join(', ')}` }) : null,
    h('div', { class: 'sub' },
      h('span', { text: clipTimes(clip) }),
      h('span', { class: 'actions' }, button('yes'), button('no'), button('unsure'))));
    this.options.decorate?.(cell, item);
    this.paint(cell, item);
    return cell;
  }

  paint(cell, item) {
    const value = this.labeller.value(item.key);
    cell.dataset.value = value ?? 'none';
    cell.querySelector('.verdict').textContent = value ? `${VERDICT_MARK[value]} ${VERDICT_TEXT[value]}` : '';
    const selected = this.selected.has(item.key);
    cell.setAttribute('aria-selected', selected ? 'true' : 'false');
    const clip = item.clip ?? { key: item.key };
    const parts = [clipTitle(clip), clipTimes(clip)];
    if (typeof item.score === 'number') parts.push(`score ${fmt(item.score, 3)}`);
    if (item.alsoIn?.length) parts.push(`also in ${item.alsoIn.map(feedName).join(', ')}`);
    parts.push(value ? `labelled ${VERDICT_TEXT[value]}` : 'not labelled');
    if (selected) parts.push('selected');
    cell.setAttribute('aria-label', parts.filter(Boolean).join(', '));
  }

  /** Repaints the cell of one key (or all when key is null). */
  refresh(key) {
    this.items.forEach((item, i) => {
      if (key == null || item.key === key) this.paint(this.cells[i], item);
    });
  }

  focusIndex(index) {
    if (!this.cells.length) return;
    const i = Math.max(0, Math.min(this.cells.length - 1, index));
    this.cells[this.active]?.setAttribute('tabindex', '-1');
    this.active = i;
    const cell = this.cells[i];
    cell.setAttribute('tabindex', '0');
    cell.focus({ preventScroll: true });
    cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Focuses the grid at its current clip (for keys typed while focus was elsewhere). */
  focus() {
    this.focusIndex(this.active);
  }

  focusKey(key) {
    const i = this.items.findIndex((it) => it.key === key);
    if (i >= 0) this.focusIndex(i);
  }

  activeItem() {
    return this.items[this.active];
  }

  onFocus(event) {
    const cell = event.target.closest?.('[role=gridcell]');
    if (!cell) return;
    const i = Number(cell.dataset.index);
    if (i !== this.active) {
      this.cells[this.active]?.setAttribute('tabindex', '-1');
      this.active = i;
      cell.setAttribute('tabindex', '0');
    }
    this.startPreview(i);
  }

  /** Handles a grid key; true when it was one. */
  onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey || !this.items.length) return false;
    const handled = this.handleKey(event);
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
    return handled;
  }

  handleKey(event) {
    const key = event.key;
    const item = this.activeItem();
    if (this.options.extraKeys?.(event, item)) return true;
    if (VALUE_BY_KEY[key]) {
      this.mark(VALUE_BY_KEY[key]);
      return true;
    }
    if (MOVES[key]) {
      this.move(MOVES[key]);
      return true;
    }
    if (key === 'x') {
      this.toggleSelected(item);
      return true;
    }
    if (key === 'Enter' && this.options.onOpen) {
      this.open();
      return true;
    }
    if (key === 'p') {
      if (this.playing === this.active) this.stopPreview();
      else this.startPreview(this.active);
      return true;
    }
    return false;
  }

  move(direction) {
    const steps = { left: -1, right: 1, up: -this.columns, down: this.columns };
    if (direction === 'first') this.focusIndex(0);
    else if (direction === 'last') this.focusIndex(this.items.length - 1);
    else {
      const target = this.active + steps[direction];
      if (target >= 0 && target < this.items.length) this.focusIndex(target);
    }
  }

  /** Labels the focused clip and moves to the next one (or asks for more at the end). */
  /** Opens the focused clip in the inspector. */
  open() {
    const item = this.activeItem();
    if (!item || !this.options.onOpen) return;
    this.stopPreview();
    this.options.onOpen(item, this.options.source(item));
  }

  mark(value) {
    const item = this.activeItem();
    if (!item) return;
    this.labeller.set(item.key, value, this.options.source(item));
    if (this.active < this.items.length - 1) this.focusIndex(this.active + 1);
    else this.options.onEnd?.();
  }

  toggleSelected(item) {
    if (this.selected.has(item.key)) this.selected.delete(item.key);
    else this.selected.add(item.key);
    this.refresh(item.key);
    this.options.onSelection?.([...this.selected]);
  }

  clearSelection() {
    this.selected.clear();
    this.refresh(null);
    this.options.onSelection?.([]);
  }

  // Previews may be video (mp4) or animated images (webp/gif): try video, fall back to an image.
  startPreview(index) {
    const item = this.items[index];
    if (this.playing === index || !item?.clip?.hasPreview || !item.clip.preview) return;
    this.stopPreview();
    const media = this.cells[index].querySelector('.media');
    const src = item.clip.preview;
    const video = h('video', { class: 'preview', src, muted: true, autoplay: true, loop: true, playsinline: true, 'aria-hidden': 'true' });
    video.muted = true;
    video.addEventListener('error', () => {
      video.replaceWith(h('img', { class: 'preview', src, alt: '', 'aria-hidden': 'true' }));
    }, { once: true });
    media.append(video);
    video.play?.().catch(() => {});
    this.playing = index;
  }

  stopPreview() {
    if (this.playing == null) return;
    this.cells[this.playing]?.querySelector('.preview')?.remove();
    this.playing = null;
  }
}
