// The clip inspector: one clip, larger, with its preview to play and scrub, its exact timecode and
// frames, its file, the shots around it (to judge the boundary and the label), the label buttons
// and who said what. Opened with Enter or a click on a clip's picture; Esc closes.

import { api } from './api.js';
import { formatTime, h, replace } from './dom.js';
import { guarded } from './notify.js';

const VALUES = [['yes', 'Yes', 'y'], ['no', 'No', 'n'], ['unsure', 'Unsure', 'u']];

/** Seconds as h:mm:ss.mmm. */
export function timecode(seconds) {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
}

export class Inspector {
  /** @param {import('./workspace.js').Workspace} ws */
  constructor(ws) {
    this.ws = ws;
    this.key = null;
    this.source = null;
    this.body = h('div', { class: 'inspector-body' });
    this.el = h('dialog', {
      id: 'inspector', class: 'inspector', 'aria-labelledby': 'inspector-title', tabindex: '-1',
      onkeydown: (e) => this.onKey(e),
      onclose: () => this.onClosed?.(),
    },
    h('div', { class: 'inspector-head' },
      h('h2', { id: 'inspector-title', text: 'Clip' }),
      h('button', { type: 'button', class: 'ghost', 'aria-label': 'Close', onclick: () => this.el.close() }, 'Close (Esc)')),
    this.body);
    document.body.append(this.el);
    this.unsubscribe = ws.labeller.subscribe((key) => {
      if (key === this.key || key == null) this.paintValue();
    });
  }

  /** Shows clip {@code key}; labels given here are recorded with {@code source}. */
  async open(key, source, onClosed) {
    this.key = key;
    this.source = source;
    this.onClosed = onClosed;
    const [around, history] = await Promise.all([
      guarded('Could not load the clip', () => api.neighbours(key, 3)),
      guarded('Could not load the clip history', () => api.history(this.ws.label, key)),
    ]);
    if (!around) return;
    this.around = around;
    this.render(around, history?.events ?? []);
    if (!this.el.open) this.el.showModal();
    this.el.querySelector('video')?.focus();
  }

  render(around, events) {
    const clip = around.clip;
    const strip = (clips, side) => clips.map((c) => h('button', {
      type: 'button', class: `neighbour ${side}`, title: `${timecode(c.start)} – ${timecode(c.end)}`,
      'aria-label': `${side === 'before' ? 'Previous' : 'Next'} shot ${timecode(c.start)} to ${timecode(c.end)}`,
      onclick: () => this.open(c.key, this.source, this.onClosed),
    }, c.thumbnail && c.hasThumbnail !== false ? h('img', { src: c.thumbnail, alt: '' }) : h('span', { text: c.key }),
    h('span', { class: 'small', text: timecode(c.start) })));
    this.valueEl = h('p', { class: 'inspector-value', role: 'status' });
    replace(this.body,
      h('div', { class: 'inspector-media' },
        clip.hasPreview
          ? h('video', {
            src: clip.preview, poster: clip.thumbnail, controls: true, muted: true, autoplay: true, loop: true,
            playsinline: true, 'aria-label': `Preview of ${clip.video}`,
          })
          : h('img', { src: clip.thumbnail, alt: `Thumbnail of ${clip.video}` })),
      h('dl', { class: 'inspector-facts' },
        h('dt', { text: 'File' }), h('dd', { text: clip.video, title: clip.key }),
        clip.title && clip.title !== clip.video ? [h('dt', { text: 'Title' }), h('dd', { text: clip.title })] : null,
        h('dt', { text: 'In / out' }), h('dd', { class: 'timecode', text: `${timecode(clip.start)} – ${timecode(clip.end)}` }),
        h('dt', { text: 'Frames' }), h('dd', { text: `${clip.frameIn} – ${clip.frameOut} at ${clip.fps} fps` }),
        h('dt', { text: 'Duration' }), h('dd', { text: `${(clip.end - clip.start).toFixed(2)} s` }),
        clip.text ? [h('dt', { text: 'Captions' }), h('dd', { text: clip.text })] : null),
      h('div', { class: 'inspector-label' },
        this.valueEl,
        ...VALUES.map(([value, text, key]) => h('button', {
          type: 'button', class: `mark mark-${value}`, 'aria-keyshortcuts': key,
          onclick: () => this.label(value),
        }, `${text} (${key})`))),
      h('section', { class: 'inspector-strip', 'aria-label': 'Neighbouring shots' },
        h('h3', { text: 'Shots around it (← →)' }),
        h('div', { class: 'strip' }, ...strip(around.before, 'before'),
          h('span', { class: 'neighbour current', 'aria-current': 'true', text: 'this shot' }),
          ...strip(around.after, 'after'))),
      h('section', { class: 'inspector-history', 'aria-label': 'Annotation history' },
        h('h3', { text: 'History' }),
        events.length
          ? h('ol', {}, ...events.map((e) => h('li', {
            text: `${formatTime(e.time)} · ${e.annotator} · ${e.value}${e.source?.kind ? ` (${e.source.kind})` : ''}`,
          })))
          : h('p', { class: 'muted', text: 'Nobody has labelled this clip yet.' })));
    document.getElementById('inspector-title').textContent = `${clip.video} · ${timecode(clip.start)}`;
    this.paintValue();
    // Re-rendering removed the focused element: keep the keys inside the dialog.
    if (this.el.open && !this.el.contains(document.activeElement)) this.el.focus();
  }

  paintValue() {
    if (!this.valueEl || !this.key) return;
    const value = this.ws.labeller.value(this.key);
    this.valueEl.textContent = value ? `Your label: ${value}` : 'Not labelled yet';
  }

  async label(value) {
    await this.ws.labeller.set(this.key, value, this.source);
    const history = await guarded('Could not reload the history', () => api.history(this.ws.label, this.key));
    if (history && this.around) this.render(this.around, history.events);
  }

  onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const value = VALUES.find(([, , key]) => key === event.key);
    let handled = true;
    if (value) this.label(value[0]);
    else if (event.key === 'ArrowLeft' && this.around?.before.length) this.open(this.around.before.at(-1).key, this.source, this.onClosed);
    else if (event.key === 'ArrowRight' && this.around?.after.length) this.open(this.around.after[0].key, this.source, this.onClosed);
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  dispose() {
    this.unsubscribe();
    this.el.remove();
  }
}
