// Step 2: build the model (b), watch its progress, then label from the four feeds (+ auto).

import { api } from './api.js';
import { fmt, formatTime, h, replace } from './dom.js';
import { ClipGrid } from './clip-grid.js';
import { FEEDS, FeedPager } from './feed-pager.js';
import { apChart } from './ap-chart.js';
import { formatQuality, meter } from './labels-page.js';
import { guarded, showError, showInfo } from './notify.js';
import { TakenWatcher } from './team-watch.js';


const NO_MODEL = 'No model yet. Label at least 2 yes and 2 no (step 1), then press b to build.';
const PAGE = 20;
const POLL_MILLIS = 200;
const STAGE_TEXT = {
  queued: 'Waiting for a free worker…', load: 'Loading the labelled clips…', train: 'Training with cross-validation…',
  score: 'Scoring every clip of the corpus…', feeds: 'Filling the feeds…', save: 'Saving the model…', done: 'Done',
};

const STAGES = ['load', 'train', 'score', 'feeds', 'save'];
const emptyFeed = () => `Nothing in this feed for this build: try another feed (1-${FEEDS.length}), or label more and rebuild (b).`;

// How the build estimated the prevalence (the server's estimates.prevalence.method).
const METHOD_TEXT = {
  'random-feed': (p) => `from ${p.randomLabels} Random-feed labels, a uniform sample`,
  combined: (p) => `from ${p.randomLabels} Random-feed labels and the model's corrected scores`,
  'prior-shift': () => "the model's scores corrected for your labels' balance; no Random-feed labels check it yet",
  'covariate-shift': () => "the model's answers averaged over the corpus; your labels span its scores",
};

// The annotators' estimated error rates (estimates.answerError), or null when none could be told.
export const answerErrorText = (e) => {
  const part = (rate, what) => (rate ? `${percent(rate.value)} of ${what} (${percent(rate.ci[0])}–${percent(rate.ci[1])})` : null);
  const parts = [part(e?.falseYes, '"no" clips answered "yes"'), part(e?.falseNo, '"yes" clips answered "no"')].filter(Boolean);
  if (!parts.length) return null;
  // bounded: too few "yes" answers to fit the rate; the "yes" share on low-scored clips bounds it
  return e.basis === 'bounded'
    ? `at most ${percent(e.falseYes.ci[1])} of "no" clips answered "yes" (${percent(e.falseYes.value)} of the clips the model scores low were); not measured: the prevalence's interval allows for 0 up to that`
    : `${parts.join(', ')}${pooledText(e)}; the prevalence is corrected for it`;
};

// The rates drawn towards what the annotators' other labels say (estimates.answerError.pooledFrom).
const pooledText = (e) => (e.pooledFrom > 0
  ? `, with what ${e.pooledFrom === 1 ? '1 other label says' : `${e.pooledFrom} other labels say`} of these annotators`
  : '');

const percent = (share) => `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Rebuilding by itself every few answers (the server's rebuildEvery) is on unless the editor turned
// it off in this browser.
const AUTO_REBUILD = 'va.autoRebuild';
const autoRebuildOn = () => localStorage.getItem(AUTO_REBUILD) !== 'off';

export class BuildStep {
  /** @param {import('./workspace.js').Workspace} ws */
  constructor(ws) {
    this.ws = ws;
    this.building = false;
    this.pagers = new Map();
    // The feed the server recommends (auto: positives first while they are scarce), else the first tab.
    this.feed = (FEEDS.find((f) => f.recommended) ?? FEEDS[0]).id;
    this.pageIndex = 0;
    this.buildButton = h('button', { type: 'button', class: 'primary', id: 'build', 'aria-keyshortcuts': 'b', onclick: () => this.build() },
      'Build model ', h('kbd', { text: 'b' }));
    this.progress = h('progress', { max: '1', value: '0', 'aria-label': 'Build progress', hidden: true });
    // Feeds of a model that has seen the last few answers find what to label next sooner, so once
    // there is a model it is rebuilt in the background after every rebuildEvery answers.
    this.every = ws.info?.user?.role === 'viewer' ? 0 : (ws.info?.rebuildEvery ?? 0);
    this.autoBox = h('input', {
      type: 'checkbox', id: 'auto-rebuild', checked: autoRebuildOn(),
      onchange: (e) => {
        localStorage.setItem(AUTO_REBUILD, e.target.checked ? 'on' : 'off');
        this.maybeRebuild();
      },
    });
    this.failedAt = null; // the answers counted when a background build last failed
    this.unsubscribe = this.every > 0 ? ws.labeller.subscribe(() => this.maybeRebuild()) : () => {};
    this.stage = h('span', { class: 'stage', id: 'build-stage', role: 'status', 'aria-live': 'polite' });
    this.tabs = FEEDS.map((f, i) => h('button', {
      type: 'button', role: 'tab', id: `feed-tab-${f.id}`, 'aria-controls': 'feed-panel', 'aria-selected': 'false',
      'aria-keyshortcuts': String(i + 1), tabindex: '-1', title: f.hint, dataset: { feed: f.id },
      onclick: () => this.showFeed(f.id),
    }, h('kbd', { text: String(i + 1) }), ` ${f.name}`));
    this.hint = h('p', { class: 'feed-hint' });
    this.pageInfo = h('span', { class: 'page-info', role: 'status' });
    this.grid = new ClipGrid({
      onOpen: (item, source) => ws.inspect(item.key, source, () => this.grid.focusKey(item.key)),
      labeller: ws.labeller,
      name: 'Feed clips',
      emptyText: NO_MODEL,
      source: (item) => ({ kind: 'feed', feed: item.feed, buildId: item.buildId }),
      onEnd: () => this.nextPage(),
      extraKeys: (e) => this.feedKey(e),
    });
    // The pager sits above the grid: on a 768 px screen the grid's end is below the fold.
    this.panel = h('div', { role: 'tabpanel', id: 'feed-panel', class: 'feed-panel' },
      h('div', { class: 'feed-head' },
        this.hint,
        h('div', { class: 'pager' },
          h('button', { type: 'button', class: 'ghost small-btn', 'aria-label': 'Previous page', 'aria-keyshortcuts': '[', onclick: () => this.previousPage() }, '← ', h('kbd', { text: '[' })),
          this.pageInfo,
          h('button', { type: 'button', class: 'ghost small-btn', id: 'next-page', 'aria-label': 'Next page', 'aria-keyshortcuts': ']', onclick: () => this.nextPage() }, h('kbd', { text: ']' }), ' →'))),
      this.grid.el);
    this.quality = h('dl', { class: 'quality' });
    this.chart = h('div', { class: 'chart' });
    this.versions = h('tbody');
    this.el = h('div', { class: 'step build-step' },
      h('div', { class: 'feeds-main' },
        h('div', { class: 'build-bar' }, this.buildButton,
          this.every > 0 ? h('label', {
            class: 'auto-rebuild small', title: 'Rebuild in the background: the next page then comes from a model that has seen your latest answers',
          }, this.autoBox, ` Rebuild every ${this.every} labels`) : null,
          this.progress, this.stage),
        h('div', { role: 'tablist', class: 'feed-tabs', 'aria-label': 'Feeds', onkeydown: (e) => this.tabKey(e) }, this.tabs),
        this.panel),
      h('aside', { class: 'model-panel', 'aria-labelledby': 'model-title' },
        h('h2', { id: 'model-title', text: 'Model' }),
        this.quality,
        h('h3', { text: 'AP across builds' }),
        this.chart,
        h('h3', { id: 'versions-title', text: 'Versions' }),
        h('table', { class: 'versions', 'aria-labelledby': 'versions-title' },
          h('thead', {}, h('tr', {}, ['Version', 'AP', 'Yes', 'No', 'Built'].map((t) => h('th', { scope: 'col', text: t })))),
          this.versions)));
    this.showQuality(ws.labelInfo?.latestBuild);
    if (ws.labelInfo?.latestBuild) this.grid.setEmptyText(emptyFeed());
    this.watch = new TakenWatcher(ws.label, (keys) => this.dropTaken(keys),
      () => this.el.isConnected && this.grid.items.length > 0);
  }

  /** Clips teammates labelled leave the pages (those labelled in this browser stay, with their verdict). */
  dropTaken(keys) {
    const gone = keys.filter((key) => this.ws.labeller.value(key) == null);
    for (const pager of this.pagers.values()) pager.drop(gone);
    this.grid.removeKeys(gone);
  }

  async show() {
    this.selectTab(this.feed);
    await this.loadModels();
    if (this.ws.labelInfo?.latestBuild && !this.pagers.size) await this.showFeed(this.feed);
    else this.grid.focus();
  }

  showQuality(build) {
    if (!build) {
      replace(this.quality, h('p', { class: 'muted', text: 'Not built yet.' }));
      return;
    }
    const times = build.stageMillis
      ? STAGES.filter((stage) => stage in build.stageMillis).map((stage) => `${stage} ${build.stageMillis[stage]}`).join(' · ')
      : null;
    const decision = build.quality?.decision;
    const warnings = build.quality?.warnings ?? [];
    const estimates = build.estimates;
    const advice = estimates?.advice ?? [];
    replace(this.quality,
      h('dt', { text: 'Quality (AP)' }), h('dd', {},
        h('span', { class: 'ap', text: formatQuality(build.quality) }),
        h('span', { class: 'muted small measured-on', text: ' cross-validated on your labels, which the feeds pick: optimistic' })),
      estimates?.apOnRandom ? [h('dt', { text: 'AP on random clips' }), h('dd', {
        class: 'ap-random',
        text: `${fmt(estimates.apOnRandom.value)} (${fmt(estimates.apOnRandom.ci[0])}–${fmt(estimates.apOnRandom.ci[1])}) `
          + `on ${estimates.apOnRandom.n} Random-feed labels`,
      })] : null,
      estimates ? [h('dt', { text: 'Prevalence' }), h('dd', { class: 'prevalence' },
        h('span', { class: 'value', text: `${percent(estimates.prevalence.value)} of the corpus` }),
        ` (${percent(estimates.prevalence.ci[0])}–${percent(estimates.prevalence.ci[1])})`,
        h('br'), h('span', { class: 'muted small method', text: METHOD_TEXT[estimates.prevalence.method](estimates.prevalence) }))] : null,
      answerErrorText(estimates?.answerError) ? [h('dt', { text: 'Answer errors' }), h('dd', {
        class: 'answer-error', text: answerErrorText(estimates.answerError),
      })] : null,
      decision ? [h('dt', { text: '"Yes" from' }), h('dd', {
        class: 'decision',
        text: `score ≥ ${decision.threshold.toFixed(3)}: ${decision.yesClips} of ${decision.corpusClips} clips`
          + ` (${percent(decision.yesClips / Math.max(1, decision.corpusClips))}) would be "yes" in an export`
          + (estimates ? ', cut for the corpus\'s estimated prevalence' : ''),
      })] : null,
      advice.length ? [h('dt', { text: 'To firm up' }), h('dd', {},
        h('ul', { class: 'advice', role: 'status' }, ...advice.map((a) => h('li', { text: a }))))] : null,
      warnings.length ? [h('dt', { text: 'Warnings' }), h('dd', {},
        h('ul', { class: 'warnings', role: 'alert' }, ...warnings.map((w) => h('li', { text: w }))))] : null,
      h('dt', { text: 'Data diversity' }), h('dd', {}, meter(build.diversity, 'data diversity')),
      h('dt', { text: 'Trained on' }), h('dd', { text: `${build.positives ?? '?'} yes · ${build.negatives ?? '?'} no` }),
      h('dt', { text: 'Version' }), h('dd', { text: `v${build.modelVersion ?? '?'}${build.totalMillis != null ? ` · ${build.totalMillis} ms` : ''}` }),
      times ? [h('dt', { text: 'Stages (ms)' }), h('dd', { class: 'muted small', text: times })] : null);
  }

  async loadModels() {
    const models = await guarded('Could not list the model versions', () => api.models(this.ws.label));
    if (!models) return;
    const points = models.filter((m) => typeof m.quality?.apMean === 'number')
      .map((m) => ({ version: m.version, apMean: m.quality.apMean, apStd: m.quality.apStd }));
    replace(this.chart, apChart(points));
    replace(this.versions, [...models].reverse().map((m) => h('tr', {},
      h('td', { text: `v${m.version}` }), h('td', { text: formatQuality(m.quality) }),
      h('td', { class: 'num', text: String(m.positives ?? '') }), h('td', { class: 'num', text: String(m.negatives ?? '') }),
      h('td', { class: 'muted built', text: m.created ? formatTime(m.created) : '' }))));
  }

  /** Yes/no answers the label has now. */
  answered() {
    const { yes = 0, no = 0 } = this.ws.labeller.counts;
    return yes + no;
  }

  /** Whether rebuildEvery answers were added since the latest model (and since a failed try). */
  due() {
    const latest = this.ws.labelInfo?.latestBuild;
    if (!latest || this.building || !this.autoBox.checked || this.every <= 0) return false;
    const now = this.answered();
    const since = now - ((latest.positives ?? 0) + (latest.negatives ?? 0));
    return since >= this.every && (this.failedAt == null || now - this.failedAt >= this.every);
  }

  /** Starts a background build when one is due, once the answers shown are stored. */
  async maybeRebuild() {
    if (!this.due() || this.waiting) return;
    // The counts move before the votes reach the server: train on what it has, all of it.
    this.waiting = true;
    try {
      await this.ws.labeller.flushed();
    } finally {
      this.waiting = false;
    }
    if (this.due()) await this.build({ quiet: true });
  }

  /**
   * Starts a build and follows it to the end; the feeds then show the new model's clips. A quiet
   * (background) build leaves the page on screen: the next page comes from the new model.
   */
  async build({ quiet = false } = {}) {
    if (this.building) return;
    this.building = true;
    this.buildButton.disabled = true;
    this.progress.hidden = false;
    this.progress.value = 0;
    this.stage.textContent = 'Starting the build…';
    // "No model yet" beside a running build reads as a contradiction: say what is happening.
    if (!this.grid.items.length) this.grid.setEmptyText('Training… the feeds fill when the build is done.');
    try {
      const started = await api.startBuild(this.ws.label); // the server sizes the feeds for the corpus
      let build = started;
      while (build.status === 'queued' || build.status === 'running') {
        await sleep(POLL_MILLIS);
        build = await api.build(started.id);
        this.progress.value = build.progress ?? 0;
        this.stage.textContent = STAGE_TEXT[build.stage] ?? build.stage;
      }
      if (build.status === 'done') {
        this.failedAt = null;
        await (quiet ? this.rebuiltInBackground(build) : this.built(build));
      } else if (build.status === 'superseded') showInfo('This build was superseded by a newer one for the same label.');
      else showError(build.error || `build ${build.id} ended as ${build.status}`, 'The build failed');
      if (build.status !== 'done') {
        this.stage.textContent = '';
        if (!this.grid.items.length) this.grid.setEmptyText(NO_MODEL);
      }
    } catch (e) {
      this.stage.textContent = '';
      if (!this.grid.items.length) this.grid.setEmptyText(NO_MODEL);
      if (quiet) this.failedAt = this.answered();
      showError(e, quiet ? 'Could not rebuild in the background' : 'Could not build'); // a 409 says what to label next
    } finally {
      this.building = false;
      this.buildButton.disabled = false;
      this.progress.hidden = true;
    }
  }

  async built(build) {
    this.stage.textContent = `Built v${build.modelVersion}: AP ${formatQuality(build.quality)} in ${build.totalMillis ?? '?'} ms.`;
    this.showQuality(build);
    this.ws.builtModel(build);
    this.pagers.clear();
    this.grid.setEmptyText(emptyFeed());
    await Promise.all([this.loadModels(), this.showFeed(this.feed)]);
  }

  /** A background build finished: the page stays; the feeds' next pages come from the new model. */
  async rebuiltInBackground(build) {
    this.stage.textContent = `Rebuilt v${build.modelVersion} in the background: AP ${formatQuality(build.quality)}.`;
    this.showQuality(build);
    this.ws.builtModel(build);
    this.pagers.clear();
    this.pageIndex = 0;
    if (this.grid.items.length) this.pageInfo.textContent = `Next page from v${build.modelVersion}`;
    await this.loadModels();
  }

  selectTab(feed) {
    for (const tab of this.tabs) {
      const on = tab.dataset.feed === feed;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.setAttribute('tabindex', on ? '0' : '-1');
      if (on) this.panel.setAttribute('aria-labelledby', tab.id);
    }
    this.hint.textContent = `${FEEDS.find((f) => f.id === feed).name}: ${FEEDS.find((f) => f.id === feed).hint}.`;
  }

  pager(feed) {
    if (!this.pagers.has(feed)) {
      this.pagers.set(feed, new FeedPager(this.ws.label, feed, PAGE, (key) => this.ws.labeller.value(key) != null));
    }
    return this.pagers.get(feed);
  }

  async showFeed(feed) {
    this.feed = feed;
    this.selectTab(feed);
    const pager = this.pager(feed);
    this.pageInfo.textContent = 'Loading…';
    this.pageIndex = Math.max(0, pager.pages.length - 1);
    const page = pager.pages.length
      ? pager.pages[this.pageIndex]
      : await guarded(`Could not load the ${feed} feed`, () => pager.first());
    if (!page || this.feed !== feed) return;
    this.watch.from(pager.cursor);
    this.showPage(page);
  }

  showPage(page) {
    const pager = this.pager(this.feed);
    this.grid.setItems(page, { focus: true });
    const chosen = this.feed === 'auto' && page[0]?.feed ? ` · auto chose ${page[0].feed}` : '';
    const text = page.length ? `Page ${this.pageIndex + 1}${chosen}` : 'Nothing left in this feed: try another feed or rebuild.';
    this.pageInfo.textContent = text;
    // Say so once the next page has arrived, if this page is still the one on screen.
    const next = pager.next;
    if (page.length && next && this.pageIndex === pager.pages.length - 1) {
      next.then((p) => {
        if (pager.next === next && this.pageInfo.textContent === text && p.length) this.pageInfo.textContent = `${text} · next page ready`;
      }, () => {});
    }
  }

  async nextPage() {
    const pager = this.pager(this.feed);
    if (this.pageIndex + 1 < pager.pages.length) {
      this.pageIndex += 1;
      this.showPage(pager.pages[this.pageIndex]);
      return;
    }
    if (!pager.pages.length) {
      // a background rebuild replaced the pages: start on the new model's first page
      await this.showFeed(this.feed);
      return;
    }
    const page = await guarded('Could not load the next page', () => pager.following());
    if (!page) return;
    if (!page.length) {
      showInfo(`The ${this.feed} feed has no more unlabelled clips. Rebuild (b) to refresh it.`);
      return;
    }
    this.pageIndex = pager.pages.length - 1;
    this.showPage(page);
  }

  previousPage() {
    if (this.pageIndex === 0) return;
    this.pageIndex -= 1;
    this.showPage(this.pager(this.feed).pages[this.pageIndex]);
  }

  // Arrow keys move between the feed tabs, as in any ARIA tab list.
  tabKey(event) {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (!step) return;
    const at = FEEDS.findIndex((f) => f.id === this.feed);
    const next = FEEDS[(at + step + FEEDS.length) % FEEDS.length];
    event.preventDefault();
    event.stopPropagation();
    this.showFeed(next.id).then(() => document.getElementById(`feed-tab-${next.id}`)?.focus());
  }

  feedKey(event) {
    if (event.key === ']') this.nextPage();
    else if (event.key === '[') this.previousPage();
    else return false;
    return true;
  }

  onKey(event) {
    const index = Number(event.key) - 1;
    if (Number.isInteger(index) && FEEDS[index]) {
      this.showFeed(FEEDS[index].id);
      return true;
    }
    if (this.feedKey(event)) return true;
    return this.grid.onKey(event) && (this.grid.focus(), true);
  }

  dispose() {
    this.unsubscribe();
    this.watch.stop();
    this.grid.dispose();
  }
}

