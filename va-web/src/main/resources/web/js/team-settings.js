// The label's team settings in the workspace header: how many annotators vote on each clip
// (overlap) and who works on it (assignees). Everyone sees them; an admin changes them (without
// accounts there are no roles, and anyone may).

import { api } from './api.js';
import { h, replace } from './dom.js';
import { showError, showInfo } from './notify.js';

const MAX_OVERLAP = 20; // the server's Assignment.MAX_OVERLAP

const describe = (a) => `${a.overlap} vote${a.overlap === 1 ? '' : 's'} per clip · `
  + (a.assignees.length ? a.assignees.join(', ') : 'everyone');

/**
 * @param {import('./workspace.js').Workspace} ws the open label (ws.labelInfo carries overlap and assignees)
 * @returns {HTMLElement} a disclosure showing the settings, with a form for those who may change them
 */
export function teamSettings(ws) {
  const user = ws.info?.user;
  const mayChange = !user || user.role === 'admin';
  const summary = h('summary', { id: 'team-summary' });
  const body = h('div', { class: 'team-body' });
  const paint = (a) => {
    summary.textContent = `Team: ${describe(a)}`;
    replace(body, mayChange ? form(ws, a, paint) : h('p', { class: 'muted small', text: 'Only an admin changes these.' }));
  };
  paint({ overlap: ws.labelInfo.overlap ?? 1, assignees: ws.labelInfo.assignees ?? [] });
  return h('details', { class: 'team-settings' }, summary, body);
}

function form(ws, current, paint) {
  const overlap = h('input', {
    type: 'number', name: 'overlap', id: 'team-overlap', min: '1', max: String(MAX_OVERLAP), required: true,
    value: String(current.overlap),
  });
  const assignees = h('input', {
    name: 'assignees', id: 'team-assignees', autocomplete: 'off', placeholder: 'everyone',
    value: current.assignees.join(', '),
  });
  return h('form', {
    class: 'team-form',
    onsubmit: async (e) => {
      e.preventDefault();
      const names = assignees.value.split(',').map((n) => n.trim()).filter(Boolean);
      try {
        const saved = await api.setAssignment(ws.label, { overlap: Number(overlap.value), assignees: names });
        ws.labelInfo = { ...ws.labelInfo, overlap: saved.overlap, assignees: saved.assignees };
        paint(saved);
        e.target.closest('details').open = false;
        showInfo(`Team of "${ws.label}": ${describe(saved)}.`);
      } catch (err) {
        showError(err, 'Could not change the team');
      }
    },
  },
  h('label', {}, 'Votes per clip (overlap) ', overlap),
  h('label', {}, 'Assignees (comma-separated; empty: everyone) ', assignees),
  h('button', { type: 'submit', class: 'small-btn', id: 'team-save', text: 'Save' }));
}
