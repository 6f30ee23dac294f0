// Unit tests of the UI's pure functions, run by Node's own test runner (node --test): no browser,
// no DOM. The browser tests (Java, Chromium) cover the rest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fmt } from '../../main/resources/web/js/dom.js';
import { feedKeys } from '../../main/resources/web/js/feed-pager.js';
import { clipTitle } from '../../main/resources/web/js/clip-grid.js';
import { timecode } from '../../main/resources/web/js/inspector.js';
import { formatQuality, labelHref } from '../../main/resources/web/js/labels-page.js';
import { answerErrorText } from '../../main/resources/web/js/build-step.js';

test('feed keys follow the feeds the server lists, however many', () => {
  const six = ['Top positive', 'Top negative', 'Borderline', 'Random', 'Auto', 'Diverse borderline']
    .map((name, i) => ({ id: `f${i}`, name }));
  assert.deepEqual(feedKeys(six), ['1 2 3 4 5 6', 'top positive, top negative, borderline, random, auto, diverse borderline']);
  assert.deepEqual(feedKeys(six.slice(0, 2)), ['1 2', 'top positive, top negative']);
});

test('numbers print with fixed digits, absent ones as a dash', () => {
  assert.equal(fmt(0.8123), '0.81');
  assert.equal(fmt(0.8123, 3), '0.812');
  assert.equal(fmt(undefined), '—');
  assert.equal(fmt(Number.NaN), '—');
});

test('a clip title puts the start time first when the clip has one', () => {
  assert.equal(clipTitle({ key: 'k', title: 'beach.mp4', start: 65.25, end: 70 }), '1:05.3 · beach.mp4');
  assert.equal(clipTitle({ key: 'k', video: 'v1', start: 0, end: 0 }), 'v1');
  assert.equal(clipTitle({ key: 'k' }), 'k');
});

test('timecodes are h:mm:ss.mmm', () => {
  assert.equal(timecode(3725.5), '1:02:05.500');
  assert.equal(timecode(0), '0:00:00.000');
});

test('label links escape the name; quality reads mean ± std', () => {
  assert.equal(labelHref('a b/c'), '#/label/a%20b%2Fc/search');
  assert.equal(labelHref('x', 'review'), '#/label/x/review');
  assert.equal(formatQuality({ apMean: 0.81234, apStd: 0.05 }), '0.81 ± 0.05');
  assert.equal(formatQuality({ apMean: 0.5 }), '0.50');
  assert.equal(formatQuality(null), '—');
});

test('answer errors say when they were drawn towards the annotators\' other labels', () => {
  const own = { falseYes: { value: 0.09, ci: [0.05, 0.14] }, falseNo: null, basis: 'fitted', pooledFrom: 0 };
  assert.equal(answerErrorText(own), '9.0% of "no" clips answered "yes" (5.0%–14%); the prevalence is corrected for it');
  assert.equal(answerErrorText({ ...own, pooledFrom: 4 }),
    '9.0% of "no" clips answered "yes" (5.0%–14%), with what 4 other labels say of these annotators; the prevalence is corrected for it');
  assert.match(answerErrorText({ ...own, pooledFrom: 1 }), /with what 1 other label says of/);
  assert.equal(answerErrorText({ falseYes: null, falseNo: null, basis: 'fitted' }), null);
});
