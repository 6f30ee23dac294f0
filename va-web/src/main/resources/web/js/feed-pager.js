// Pages of one feed of the latest build, with the next page fetched before it is asked for.

import { api } from './api.js';

// The feeds the server fills, in tab order: {id, name, hint, recommended}, from /api/info (va-learn's
// FeedRegistry), so a feed added there shows up here without a change; the build step opens the
// recommended one.
export const FEEDS = [];

export function setFeeds(feeds) {
  FEEDS.splice(0, FEEDS.length, ...feeds);
}

/** The number keys that open the feeds' tabs and the feeds' names, as the key list shows them. */
export function feedKeys(feeds) {
  return [feeds.map((f, i) => String(i + 1)).join(' '), feeds.map((f) => f.name.toLowerCase()).join(', ')];
}

// Fetch a few more than a page so that clips labelled meanwhile (which the server leaves out,
// shifting the ranking) never leave a short page.
const SLACK = 6;

export class FeedPager {
  constructor(label, feed, pageSize, isLabelled) {
    this.label = label;
    this.feed = feed;
    this.pageSize = pageSize;
    this.isLabelled = isLabelled;
    this.pages = []; // pages already shown: arrays of items
    this.shown = new Set();
    this.next = null; // promise of the preloaded next page
    this.chosenFeed = null;
    this.cursor = null; // the log position of the first page: teammates' votes are polled from it
    this.taken = new Set(); // clips teammates completed: gone from the server's answers too
  }

  /** Drops clips teammates completed (team-watch.js) from the pages kept and from later ones. */
  drop(keys) {
    for (const key of keys) this.taken.add(key);
    for (const page of this.pages) {
      page.splice(0, page.length, ...page.filter((item) => !this.taken.has(item.key)));
    }
  }

  gone(key) {
    return this.taken.has(key) || this.isLabelled(key);
  }

  /** The first page, and the second starts loading at once. */
  async first() {
    const page = await this.fetchPage();
    return this.accept(page);
  }

  /** The next page (usually already loaded); an empty array when the feed is exhausted. */
  async following() {
    const page = await (this.next ?? this.fetchPage());
    // Others may have labelled some of the preloaded clips meanwhile.
    return this.accept(page.filter((item) => !this.gone(item.key)));
  }

  accept(page) {
    if (page.length) {
      this.pages.push(page);
      for (const item of page) this.shown.add(item.key);
    }
    this.next = page.length ? this.fetchPage() : null;
    this.next?.catch(() => {}); // a failed preload is reported when the page is asked for
    return page;
  }

  // The server drops labelled clips from the feed, so the clips shown but still unlabelled are
  // exactly the ones ranked before the next unseen clip.
  async fetchPage() {
    const unlabelledShown = [...this.shown].filter((key) => !this.gone(key)).length;
    const offset = Math.max(0, unlabelledShown - SLACK);
    const answer = await api.feed(this.label, this.feed, this.pageSize + 2 * SLACK, offset);
    this.chosenFeed = answer.chosenFeed ?? answer.feed;
    this.cursor ??= answer.cursor;
    // Annotations say which feed (auto: the one it chose) and build showed the clip.
    return answer.items.map((item) => ({ ...item, feed: this.chosenFeed, buildId: answer.buildId }))
      .filter((item) => !this.shown.has(item.key) && !this.gone(item.key))
      .slice(0, this.pageSize);
  }
}
