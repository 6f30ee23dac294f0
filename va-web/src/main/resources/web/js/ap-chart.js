// A small inline SVG chart of the model's CV average precision across builds.

import { s, fmt } from './dom.js';

const W = 280;
const H = 110;
const PAD = { left: 30, right: 8, top: 10, bottom: 20 };

/**
 * @param {{version: number, apMean: number, apStd?: number}[]} points oldest first
 * @returns {SVGElement}
 */
export function apChart(points) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (points.length < 2 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v) => PAD.top + (1 - Math.max(0, Math.min(1, v))) * plotH;
  const summary = points.length
    ? `AP across ${points.length} builds: ${points.map((p) => `v${p.version} ${fmt(p.apMean)}`).join(', ')}`
    : 'No builds yet';
  const grid = [0, 0.5, 1].map((v) => [
    s('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'chart-grid' }),
    s('text', { x: PAD.left - 4, y: y(v) + 3, class: 'chart-axis', 'text-anchor': 'end', text: v.toFixed(1) }),
  ]);
  const band = points.length > 1 && points.every((p) => typeof p.apStd === 'number')
    ? s('polygon', {
      class: 'chart-band',
      points: [...points.map((p, i) => `${x(i)},${y(p.apMean + p.apStd)}`),
        ...points.map((p, i) => `${x(i)},${y(p.apMean - p.apStd)}`).reverse()].join(' '),
    })
    : null;
  const line = points.length > 1
    ? s('polyline', { class: 'chart-line', points: points.map((p, i) => `${x(i)},${y(p.apMean)}`).join(' ') })
    : null;
  const dots = points.map((p, i) => s('circle', { cx: x(i), cy: y(p.apMean), r: 3, class: 'chart-dot' },
    s('title', { text: `v${p.version}: AP ${fmt(p.apMean)}${typeof p.apStd === 'number' ? ` ± ${fmt(p.apStd)}` : ''}` })));
  const labels = points.map((p, i) => (points.length <= 8 || i === 0 || i === points.length - 1)
    ? s('text', { x: x(i), y: H - 6, class: 'chart-axis', 'text-anchor': 'middle', text: `v${p.version}` })
    : null);
  return s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'ap-chart', role: 'img', 'aria-label': summary },
    s('title', { text: summary }), grid, band, line, dots, labels);
}
