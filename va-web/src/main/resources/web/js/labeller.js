// One label's annotations as this browser knows them: optimistic writes, rollback on failure,
// undo, and the counts shown in the header.

import { annotator, api } from './api.js';
import { showError } from './notify.js';

export class Labeller {
  /** @param {string} label the label's name */
  constructor(label) {
    this.label = label;
    this.values = new Map(); // clip key -> 'yes' | 'no' | 'unsure'
    this.counts = { yes: 0, no: 0, unsure: 0 };
    this.undoStack = [];
    this.listeners = new Set();
    this.latestRequest = 0;
    // Writes go out one after another: the server then sees a label and its undo in the order
    // they were given, and the last answer's counts are the current ones.
    this.queue = Promise.resolve();
  }

  /** Loads the current annotations (consensus values) from the server. */
  async load() {
    const state = await api.annotations(this.label);
    this.values.clear();
    for (const a of state.annotations) this.values.set(a.key, a.value);
    this.counts = state.counts;
    this.emit(null);
  }

  value(key) {
    return this.values.get(key) ?? null;
  }

  /** Registers fn(key, value) called on every change (key null: everything may have changed). */
  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(key) {
    for (const fn of this.listeners) fn(key, key == null ? null : this.value(key));
  }

  /**
   * Labels a clip now and tells the server; if the server refuses, the clip goes back to what it
   * was and the error is shown. source says where the clip was shown (API.md "source").
   */
  async set(key, value, source) {
    const previous = this.value(key);
    if (previous === value) return true;
    this.apply(key, previous, value);
    const undo = { key, previous, value, source };
    this.undoStack.push(undo);
    const ok = await this.send(key, value, source, previous);
    if (!ok) this.undoStack = this.undoStack.filter((u) => u !== undo);
    return ok;
  }

  /** Takes back the last label given in this browser; returns the clip key, or null. */
  async undo() {
    const last = this.undoStack.pop();
    if (!last) return null;
    if (this.value(last.key) !== last.value) return last.key; // changed elsewhere since
    this.apply(last.key, last.value, last.previous);
    const ok = last.previous == null
      ? await this.send(last.key, null, null, last.value)
      : await this.send(last.key, last.previous, { kind: 'other' }, last.value);
    if (!ok) this.undoStack.push(last);
    return last.key;
  }

  apply(key, from, to) {
    if (from) this.counts[from] = Math.max(0, (this.counts[from] ?? 0) - 1);
    if (to) this.counts[to] = (this.counts[to] ?? 0) + 1;
    if (to) this.values.set(key, to);
    else this.values.delete(key);
    this.emit(key);
  }

  /**
   * Resolves once every write given so far has had its answer (stored or rolled back), including
   * one whose change listeners are running now: set() emits before it queues the write.
   */
  flushed() {
    return Promise.resolve().then(() => this.queue);
  }

  send(key, value, source, rollbackTo) {
    const ticket = ++this.latestRequest;
    // The name is taken now: a write still queued when the "Voting as" name changes stays its giver's.
    const who = annotator();
    const done = this.queue.then(() => this.write(ticket, key, value, source, rollbackTo, who));
    this.queue = done;
    return done;
  }

  async write(ticket, key, value, source, rollbackTo, who) {
    try {
      const answer = value == null
        ? await api.unannotate(this.label, key, who)
        : await api.annotate(this.label, key, value, source, who);
      // Earlier answers' counts miss the labels still queued behind them.
      if (ticket === this.latestRequest && answer?.counts) {
        this.counts = answer.counts;
        this.emit(key);
      }
      return true;
    } catch (e) {
      if (this.value(key) === value) this.apply(key, value, rollbackTo);
      showError(e, `Could not save "${value ?? 'undo'}" for clip ${key}`);
      return false;
    }
  }
}
