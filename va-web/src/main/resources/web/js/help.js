// The "?" overlay: every key the UI answers to, in one place.

import { h } from './dom.js';
import { FEEDS, feedKeys } from './feed-pager.js';

// Stands for the feeds' number keys, which come from the server's feeds (/api/info) when shown.
const FEED_KEYS = ['1', 'the feeds, in tab order'];

export const KEY_GROUPS = [
  ['Anywhere', [
    ['?', 'show or hide this list'],
    ['Esc', 'close a dialog, leave a text box'],
    ['g', 'go to the labels page'],
  ]],
  ['Labels page', [
    ['n', 'new label'],
    ['↑ ↓  j k', 'move between labels'],
    ['Enter', 'open the label'],
  ]],
  ['Label workspace', [
    ['s / f / r / a', 'step 1 Search, step 2 Build & feeds, step 3 Review, step 4 Team (agreement, adjudication)'],
    ['/', 'focus the search box'],
    ['b', 'build the model now (it also rebuilds by itself every 10 labels unless turned off)'],
  ]],
  ['Any grid of clips', [
    ['y / n / u', 'label the focused clip yes / no / unsure and move on'],
    ['← → ↑ ↓', 'move'],
    ['h l k j', 'move left, right, up, down'],
    ['z', 'undo the last label'],
    ['x', 'select for "more like these"'],
    ['m', 'search for more like the selected clips'],
    ['p', 'play or stop the preview'],
    ['Enter', 'open the clip inspector (also a click on its picture)'],
  ]],
  ['Clip inspector', [
    ['y / n / u', 'label this clip'],
    ['← →', 'previous / next shot of the same video'],
    ['Esc', 'close the inspector'],
  ]],
  ['Build & feeds', [
    FEED_KEYS,
    ['] / [', 'next / previous page of the feed'],
  ]],
  ['Review', [
    ['t', 'flip the focused annotation (yes ↔ no)'],
    ['Delete', 'remove the focused annotation'],
  ]],
  ['Team: adjudication', [
    ['j k  ↓ ↑', 'move between the clips to settle'],
    ['y / n', 'settle the focused clip yes / no (with its note)'],
    ['e', 'edit the note (Enter or Esc: back to the list)'],
    ['Delete', 'undo the focused settlement (Settled list)'],
  ]],
];

let lastFocus = null;

function dialog() {
  let el = document.getElementById('help');
  if (el) return el;
  el = h('dialog', { id: 'help', class: 'help', 'aria-labelledby': 'help-title' },
    h('div', { class: 'help-head' },
      h('h2', { id: 'help-title', text: 'Keyboard' }),
      h('button', { type: 'button', class: 'ghost', 'aria-label': 'Close the key list', text: 'Close', onclick: () => toggleHelp(false) })),
    h('div', { class: 'help-groups' },
      KEY_GROUPS.map(([title, keys]) => h('section', {},
        h('h3', { text: title }),
        h('dl', {}, keys.map((entry) => (entry === FEED_KEYS && FEEDS.length ? feedKeys(FEEDS) : entry)).map(([key, what]) => [h('dt', {}, h('kbd', { text: key })), h('dd', { text: what })]))))));
  el.addEventListener('close', () => lastFocus?.focus?.());
  document.body.append(el);
  return el;
}

/** Opens (true), closes (false) or toggles (undefined) the key list. */
export function toggleHelp(open) {
  const el = dialog();
  const show = open ?? !el.open;
  if (show && !el.open) {
    lastFocus = document.activeElement;
    el.showModal();
  } else if (!show && el.open) {
    el.close();
  }
}
