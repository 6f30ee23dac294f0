// The polite alert region: server errors and confirmations are shown here, never swallowed.

import { h } from './dom.js';

const INFO_MILLIS = 4000;

function region() {
  return document.getElementById('alerts');
}

function show(kind, message) {
  const item = h('div', { class: `alert alert-${kind}`, dataset: { kind } },
    h('span', { class: 'alert-text', text: message }),
    h('button', {
      type: 'button', class: 'alert-close', 'aria-label': 'Dismiss message', text: '×',
      onclick: () => item.remove(),
    }));
  region().append(item);
  // Errors stay until dismissed: the annotator must see what went wrong.
  if (kind === 'info') setTimeout(() => item.remove(), INFO_MILLIS);
  while (region().children.length > 4) region().firstElementChild.remove();
  return item;
}

/** Shows an error (an ApiError's message is the server's own explanation). */
export function showError(error, context) {
  const message = error instanceof Error ? error.message : String(error);
  console.warn(context, error);
  return show('error', context ? `${context}: ${message}` : message);
}

export function showInfo(message) {
  return show('info', message);
}

/** Runs an async action and reports its failure instead of failing silently. */
export async function guarded(context, action) {
  try {
    return await action();
  } catch (e) {
    showError(e, context);
    return undefined;
  }
}
