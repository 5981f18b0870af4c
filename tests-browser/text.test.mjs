// Nothing the candidate types is lost: an open form's text is submitted, kept across reloads
// and discarded only after asking; a deletion can be undone and reaches the server even when
// the tab closes at once; after submitting, the page shows what was sent, read-only.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addLineComment,
  FILE,
  firstAddedLines,
  started,
  submit,
  waitSaved,
  waitState,
} from './flow.mjs';
import { exportJson, invite, lineCell, servedProject, shot } from './harness.mjs';

const served = servedProject();

test('submitting with an open form: its text is in the review, and the recap said so', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await started(inv.link(served.server.base));
  const [a, b] = await firstAddedLines(page, 2);
  await addLineComment(page, a, 'saved first');
  await lineCell(page, FILE, 'modified', b).click();
  await page.fill('.rr-comment-form textarea', 'typed but never saved');
  await page.click('#rr-open-submit');
  assert.match(await page.textContent('#rr-recap'), /open form holds unsaved text/);
  await page.fill('#rr-summary', 'summary');
  await page.check('#rr-verdict-comment');
  await page.click('#rr-submit-confirm');
  await page.waitForSelector('.rr-page-done', { timeout: 15000 });
  const bodies = exportJson(served.root, inv.id)
    .records[0].review.comments.map((c) => c.body)
    .sort();
  assert.deepEqual(bodies, ['saved first', 'typed but never saved']);
  await context.close();
});

test('an open form survives a reload; Escape and Cancel ask before discarding text', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await started(inv.link(served.server.base));
  const [a] = await firstAddedLines(page, 1);
  await lineCell(page, FILE, 'modified', a).click();
  await page.fill('.rr-comment-form textarea', 'half a thought');
  await page.reload();
  await waitState(page, 'Reviewing');
  await page.waitForSelector('.rr-comment-form textarea');
  assert.equal(
    await page.inputValue('.rr-comment-form textarea'),
    'half a thought',
    'restored after the reload',
  );
  assert.match(
    await page.getAttribute('.rr-comment-form', 'aria-label'),
    new RegExp(`modified line ${a}$`),
  );

  await page.focus('.rr-comment-form textarea');
  await page.keyboard.press('Escape');
  assert.ok(await page.isVisible('.rr-discard'), 'Escape asks first');
  assert.equal(await page.inputValue('.rr-comment-form textarea'), 'half a thought');
  await shot(page, 'discard-question');
  await page.click('.rr-discard .rr-keep');
  assert.equal(await page.inputValue('.rr-comment-form textarea'), 'half a thought', 'kept');
  await page.click('.rr-comment-form .rr-cancel');
  assert.ok(await page.isVisible('.rr-discard'), 'Cancel asks too');
  await page.click('.rr-discard .rr-discard-yes');
  assert.equal(await page.locator('.rr-comment-form').count(), 0);
  await page.reload();
  await waitState(page, 'Reviewing');
  assert.equal(
    await page.locator('.rr-comment-form').count(),
    0,
    'a discarded form stays discarded',
  );

  // An empty form closes at once.
  await lineCell(page, FILE, 'modified', a).click();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.rr-comment-form').count(), 0);
  await context.close();
});

test('a deletion can be undone, and one made just before leaving reaches the server', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await started(inv.link(served.server.base));
  const [a, b] = await firstAddedLines(page, 2);
  await addLineComment(page, a, 'keep me');
  await addLineComment(page, b, 'delete me');
  await waitSaved(page);
  const doomed = page.locator('.rr-comment', { hasText: 'delete me' });
  await doomed.getByRole('button', { name: 'Delete' }).click();
  assert.equal(await page.locator('.rr-comment').count(), 1);
  await page.click('#rr-undo-button');
  assert.equal(await page.locator('.rr-comment').count(), 2, 'undo brings it back');

  await doomed.getByRole('button', { name: 'Delete' }).click();
  await page.goto('about:blank');
  let live = [];
  for (let i = 0; i < 50; i += 1) {
    live = exportJson(served.root, inv.id)
      .records[0].review.comments.filter((c) => !c.deleted)
      .map((c) => c.body);
    if (live.length === 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(live, ['keep me'], 'the deletion was sent as the page went away');
  await context.close();
});

test('after submitting, a reload shows the received state and the review, read-only', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await started(inv.link(served.server.base));
  const [a] = await firstAddedLines(page, 1);
  await addLineComment(page, a, 'sent and shown again');
  await submit(page);
  await page.waitForSelector('.rr-page-done', { timeout: 15000 });
  assert.doesNotMatch(
    await page.textContent('#rr-bar'),
    /Submitting/,
    'the bar no longer says it is sending',
  );
  assert.match(await page.textContent('#rr-save'), /Submitted at/);
  await page.reload();
  await page.waitForSelector('.rr-page-done', { timeout: 15000 });
  const done = await page.textContent('.rr-page-done');
  assert.match(done, /Your review was received/);
  assert.match(done, /Verdict: Request changes/);
  assert.match(done, /bound the retries/);
  assert.doesNotMatch(await page.textContent('body'), /previewing/);
  assert.equal(await page.locator('.rr-comment', { hasText: 'sent and shown again' }).count(), 1);
  assert.equal(await page.locator('.rr-comment button').count(), 0, 'read-only');
  await shot(page, 'submitted-reload');
  // The original link again, in the same browser: the same read-only copy.
  await page.goto('about:blank');
  await page.goto(inv.link(served.server.base));
  await page.waitForSelector('.rr-page-done', { timeout: 15000 });
  assert.equal(await page.locator('.rr-comment', { hasText: 'sent and shown again' }).count(), 1);
  await context.close();
});

test('submitted from far down the page: the received panel is in view and focused; files are fixed', async () => {
  const inv = invite(served.root, 'demo-long');
  // Reduced motion: the panel comes into view at once, so it can be checked as it appears.
  const { context, page } = await started(inv.link(served.server.base), {
    reducedMotion: 'reduce',
  });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  assert.ok((await page.evaluate(() => window.scrollY)) > 1500, 'the window is far down');
  await submit(page);
  await page.waitForSelector('.rr-page-done', { timeout: 15000 });
  const seen = await page.evaluate(() => {
    const panel = document.querySelector('.rr-page-done');
    const box = panel.getBoundingClientRect();
    const bar = document.querySelector('#rr-bar').getBoundingClientRect();
    return {
      top: box.top,
      barBottom: bar.bottom,
      height: innerHeight,
      focused: document.activeElement === panel,
      tabindex: panel.getAttribute('tabindex'),
    };
  });
  assert.ok(
    seen.top >= seen.barBottom - 1 && seen.top < seen.height - 100,
    `the panel's top is in view below the bar: ${JSON.stringify(seen)}`,
  );
  assert.ok(seen.focused, 'focus moved to the panel');
  assert.equal(seen.tabindex, '-1');
  await shot(page, 'submitted-from-below');
  // A submitted review cannot change: no "Comment on file", viewed marks shown but fixed.
  assert.equal(await page.locator('button.file-comment:visible').count(), 0);
  assert.equal(await page.getByText('Click a line number to comment').isVisible(), false);
  const boxes = page.locator('input.viewed');
  assert.ok((await boxes.count()) > 0);
  assert.equal(await page.locator('input.viewed:not(:disabled)').count(), 0);
  const file = page.locator('details.file').first();
  await file.locator('summary').focus();
  const before = await file.locator('input.viewed').isChecked();
  await page.keyboard.press('v');
  assert.equal(await file.locator('input.viewed').isChecked(), before, '`v` changes nothing');
  await context.close();
});
