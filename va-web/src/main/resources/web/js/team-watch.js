// Live removal of the clips a teammate labelled: polls GET /api/labels/{label}/taken from the
// feed page's cursor and hands the keys to the page on screen, which drops them.
//
// Short polling, not server push (SSE), because:
// - an EventSource holds one of the browser's six HTTP/1.1 connections per host for as long as the
//   page is open; two or three tabs of the annotator would starve the thumbnails and previews;
// - EventSource cannot send headers: without accounts the annotator's name travels in X-Annotator,
//   so the stream could not know whose clips to leave alone;
// - the server closes connections idle for 20 s (http/HttpLimits) and proxies buffer or cut long
//   responses, so a stream would need heartbeats and reconnection anyway;
// - a poll is an ordinary short GET: it passes the request gate (http/RequestGate), the same auth
//   (cookie or bearer) and any proxy unchanged, and costs one small read of the log's new events.
// Every few seconds is soon enough: a teammate takes a minute or so to label a page.

import { api } from './api.js';

/** How often the page asks, while it is visible. */
export const POLL_MILLIS = 4000;

export class TakenWatcher {
  /**
   * @param {string} label the label being annotated
   * @param {(keys: string[]) => void} onTaken called with clips teammates completed
   * @param {() => boolean} active whether anything on screen could show such a clip
   */
  constructor(label, onTaken, active) {
    this.label = label;
    this.onTaken = onTaken;
    this.active = active;
    this.cursor = null;
    this.timer = null;
    this.busy = false;
  }

  /** Watches from this cursor (a feed page's), or from the earlier one it already has. */
  from(cursor) {
    if (typeof cursor !== 'number') return;
    this.cursor = this.cursor == null ? cursor : Math.min(this.cursor, cursor);
    if (!this.timer) this.timer = setInterval(() => this.poll(), POLL_MILLIS);
  }

  async poll() {
    if (this.busy || this.cursor == null || document.visibilityState !== 'visible' || !this.active()) return;
    this.busy = true;
    try {
      const answer = await api.taken(this.label, this.cursor);
      this.cursor = Math.max(this.cursor, answer.cursor);
      if (answer.keys.length) this.onTaken(answer.keys);
    } catch {
      // A missed poll is harmless: the next one reads on from the same cursor.
    } finally {
      this.busy = false;
    }
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }
}
