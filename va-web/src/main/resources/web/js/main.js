// Boot: the header, the hash router (#/ labels, #/label/NAME/STEP) and the global keys.

import { api, annotator, setAnnotator } from './api.js';
import { h, isTyping } from './dom.js';
import { setFeeds } from './feed-pager.js';
import { toggleHelp } from './help.js';
import { LabelsPage } from './labels-page.js';
import { Workspace } from './workspace.js';
import { guarded, showError, showInfo } from './notify.js';

const root = document.getElementById('main');
let screen = null; // LabelsPage or Workspace
let info = null;

function parseRoute() {
  const match = /^#\/label\/([^/]+)(?:\/([a-z]+))?/.exec(location.hash);
  if (!match) return { page: 'labels' };
  let label;
  try {
    label = decodeURIComponent(match[1]);
  } catch {
    return { page: 'labels' };
  }
  return { page: 'label', label, step: match[2] ?? 'search' };
}

async function route() {
  const r = parseRoute();
  if (r.page === 'label' && screen instanceof Workspace && screen.label === r.label) {
    await screen.showStep(r.step);
    return;
  }
  screen?.dispose?.();
  if (r.page === 'label') {
    const ws = new Workspace(root, r.label, info);
    screen = ws;
    if (await ws.open()) await ws.showStep(r.step);
    else location.hash = '#/';
  } else {
    document.title = 'Labels · Video Annotator';
    screen = new LabelsPage(root);
    await screen.show();
  }
}

function onKey(event) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (document.querySelector('dialog[open]')) return; // dialogs handle their own keys (Esc closes)
  if (isTyping(event)) {
    if (event.key === 'Escape') {
      event.target.blur();
      // Letters are shortcuts from here on (s, f, r, g, y, n ...): say so, so words typed next
      // do not jump steps unnoticed.
      showInfo('Left the text box: keys are shortcuts now. Press / to search again, ? for the list.');
    }
    return;
  }
  let handled = true;
  if (event.key === '?') toggleHelp();
  else if (event.key === 'g') location.hash = '#/';
  else handled = screen?.onKey(event) ?? false;
  if (handled) event.preventDefault();
}

function setUpHeader() {
  const input = document.getElementById('annotator');
  input.value = annotator() === 'anonymous' ? '' : annotator();
  input.addEventListener('change', () => {
    // An emptied name used to turn silently into "anonymous": say so and keep the last name.
    if (!input.value.trim() && annotator() !== 'anonymous') {
      showError('Your name cannot be empty: votes are recorded under it. They still go to "'
        + annotator() + '" until you type another name.', 'Annotator name');
      return;
    }
    setAnnotator(input.value);
    showWhoVotes();
  });
  document.getElementById('help-button').addEventListener('click', () => toggleHelp(true));
}

// Without accounts the name is the browser's own (sent as X-Annotator): say when votes would go to
// "anonymous". With accounts the server records votes under the logged-in name: show it and its
// role instead of the field. "Log out" ends a server-side session (accounts or token mode).
function showWhoVotes() {
  const input = document.getElementById('annotator');
  const anonymous = annotator() === 'anonymous';
  input.classList.toggle('anonymous', anonymous);
  document.getElementById('anonymous-hint').hidden = !anonymous || Boolean(info?.user);
}

function showAccount() {
  if (info?.user) {
    setAnnotator(info.user.name);
    document.getElementById('annotator-field').hidden = true;
    const account = document.getElementById('account');
    account.replaceChildren('Logged in as ', h('b', { text: info.user.name }), ' ',
      h('span', { class: 'role', title: 'your role', text: info.user.role }));
    account.hidden = false;
  }
  document.getElementById('logout').hidden = !info?.authRequired;
  showWhoVotes();
}

async function boot() {
  setUpHeader();
  info = await guarded('Could not reach the server', () => api.info());
  showAccount();
  if (info) {
    setFeeds(info.feeds);
    document.getElementById('corpus').textContent =
      `${info.clips.toLocaleString()} clips · ${info.embedder?.id ?? 'unknown embedder'}${info.textSearch ? '' : ' · words search'}`;
  }
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true'; // for the browser tests
}

boot();
