// The candidate's page in a real browser against `reviewroom serve` on SQLite: the whole
// flow, the states, two devices, a lost save answer, a server outage during submission,
// keyboard only, escaping, and axe-core in light/dark x unified/split.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  addLineComment,
  FILE,
  firstAddedLines,
  open,
  submit,
  waitSaved,
  waitState,
} from './flow.mjs';
import {
  axe,
  browser,
  cli,
  exportJson,
  page as firstPage,
  invite,
  lineCell,
  servedProject,
  shot,
} from './harness.mjs';

const served = servedProject();

test('the whole flow: views, context, line/range/file comments, reload, submit, export', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await open(inv.link(served.server.base));
  assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
  await waitState(page, 'Not started');
  await shot(page, 'not-started');
  await page.click('#rr-start');
  await waitState(page, 'Reviewing');

  await page.click('#rr-view');
  assert.equal(await page.getAttribute('body', 'data-view'), 'split');
  await page.click('#rr-view');
  assert.equal(await page.getAttribute('body', 'data-view'), 'unified');

  const hidden = await page
    .locator(`details.file[data-file="${FILE}"] table.diff:not([hidden]) tbody.context[hidden]`)
    .count();
  await page.locator(`details.file[data-file="${FILE}"] button.expand`).first().click();
  assert.equal(
    await page
      .locator(`details.file[data-file="${FILE}"] table.diff:not([hidden]) tbody.context[hidden]`)
      .count(),
    hidden - 1,
    'one context block expanded',
  );

  const [a, b, c] = await firstAddedLines(page, 3);
  await addLineComment(page, a, 'Retries never stop <img src=x onerror="window.__xss=1">', 'major');
  // A range by dragging from one line number to another.
  await lineCell(page, FILE, 'modified', b).hover();
  await page.mouse.down();
  await lineCell(page, FILE, 'modified', c).hover();
  await page.mouse.up();
  await page.fill('.rr-comment-form textarea', 'This block needs a test');
  await page.selectOption('.rr-comment-form select', 'minor');
  await page.click('.rr-comment-form button[type=submit]');
  await page.locator(`details.file[data-file="${FILE}"] button.file-comment`).click();
  await page.fill('.rr-comment-form textarea', 'No tests for the client at all');
  await page.selectOption('.rr-comment-form select', 'question');
  await page.click('.rr-comment-form button[type=submit]');
  await waitSaved(page);

  const xss = page.locator('.rr-comment', { hasText: 'Retries never stop' });
  assert.equal(await xss.locator('img').count(), 0, 'candidate HTML is text');
  assert.match(await xss.textContent(), /<img src=x onerror=/);
  await shot(page, 'comments');

  await page.reload();
  await waitState(page, 'Reviewing');
  assert.equal(await page.locator('.rr-comment').count(), 3, 'every comment restored');
  await submit(page);
  await page.waitForSelector('.rr-page-done', { timeout: 15000 });
  await shot(page, 'submitted');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(context.errors, []);

  const record = exportJson(served.root, inv.id).records[0];
  assert.equal(record.status, 'submitted');
  assert.equal(record.review.verdict, 'request_changes');
  const byBody = Object.fromEntries(record.review.comments.map((x) => [x.body.slice(0, 12), x]));
  assert.deepEqual(
    [
      byBody['Retries neve'].side,
      byBody['Retries neve'].start_line,
      byBody['Retries neve'].end_line,
      byBody['Retries neve'].severity,
    ],
    ['modified', a, a, 'major'],
  );
  assert.deepEqual([byBody['This block n'].start_line, byBody['This block n'].end_line], [b, c]);
  assert.equal(byBody['No tests for'].start_line, undefined);
  assert.equal(byBody['No tests for'].file, FILE);

  // The report of that review, opened in the browser: axe-clean, candidate text inert.
  const report = path.join(served.root, 'report.html');
  cli(served.root, 'export', '--invite', inv.id, '--format', 'html', '--out', report);
  const rc = await browser({ bypassCSP: true });
  const rp = await firstPage(rc);
  await rp.goto(`file://${report}`);
  assert.equal(await rp.locator('main img').count(), 0);
  assert.deepEqual(await axe(rp), []);
  await shot(rp, 'report');
  await rc.close();

  // The same link again: already submitted (the token was forgotten; open it fresh).
  const { context: again, page: p2 } = await open(inv.link(served.server.base));
  await p2.waitForSelector('.rr-page-done');
  assert.match(await p2.textContent('.rr-page-done'), /Received at/);
  await again.close();
  await context.close();
});

test('states: preview, revoked, expired, another scenario, late', async () => {
  const base = served.server.demo.split('#')[0];
  const preview = await open(base);
  await waitState(preview.page, 'Preview');
  assert.ok(await preview.page.isVisible('#rr-paste'));
  await shot(preview.page, 'preview');
  await preview.context.close();

  const revoked = invite(served.root, 'demo-review');
  cli(served.root, 'invite', 'revoke', revoked.id);
  const r = await open(revoked.link(served.server.base));
  await r.page.waitForSelector('.rr-page-error');
  assert.match(await r.page.textContent('.rr-page-error'), /withdrawn/);
  await shot(r.page, 'revoked');
  await r.context.close();

  const expired = invite(served.root, 'demo-review', '--expires', '1s');
  await new Promise((done) => setTimeout(done, 2100));
  const e = await open(expired.link(served.server.base));
  await e.page.waitForSelector('.rr-page-error');
  assert.match(await e.page.textContent('.rr-page-error'), /expired/);
  await e.context.close();

  const other = invite(served.root, 'demo-two');
  const o = await open(`${base}#invite=${other.token}`);
  await o.page.waitForSelector('.rr-page-error');
  assert.match(await o.page.textContent('.rr-page-error'), /another pull request/);
  await shot(o.page, 'other-scenario');
  await o.context.close();

  const late = invite(served.root, 'demo-review', '--time-limit', '1s');
  const l = await open(late.link(served.server.base));
  await waitState(l.page, 'Not started');
  await l.page.click('#rr-start');
  await l.page.waitForFunction(
    () => /Time is up/.test(document.querySelector('#rr-timer').textContent),
    null,
    { timeout: 10000 },
  );
  await shot(l.page, 'late');
  const [line] = await firstAddedLines(l.page, 1);
  await addLineComment(l.page, line, 'late but here');
  await submit(l.page);
  await l.page.waitForSelector('.rr-page-done', { timeout: 15000 });
  const record = exportJson(served.root, late.id).records[0];
  assert.ok(record.invite.late_seconds > 0, 'stored with its lateness');
  await l.context.close();
});

test('two devices and a lost save answer: nothing lost after the merge', async () => {
  const inv = invite(served.root, 'demo-review');
  const one = await open(inv.link(served.server.base));
  await one.page.click('#rr-start');
  await waitState(one.page, 'Reviewing');
  const two = await open(inv.link(served.server.base));
  await waitState(two.page, 'Reviewing');
  const [a, b] = await firstAddedLines(one.page, 2);

  // The first save's answer is lost on device one: the server stored it, the page saw an error.
  let dropped = false;
  await one.page.route('**/api/draft', async (route) => {
    if (!dropped) {
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    } else await route.continue();
  });
  await addLineComment(one.page, a, 'from device one');
  await waitSaved(one.page);
  assert.ok(dropped);
  // Device two never saw that draft: its save conflicts and merges.
  await addLineComment(two.page, b, 'from device two');
  await waitSaved(two.page);
  await one.page.reload();
  await waitState(one.page, 'Reviewing');
  const bodies = await one.page.locator('.rr-comment-body').allTextContents();
  assert.deepEqual(bodies.map((t) => t.trim()).sort(), ['from device one', 'from device two']);
  await one.context.close();
  await two.context.close();
});

test('submitting while the server is down: retried, submitted once', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await open(inv.link(served.server.base));
  await page.click('#rr-start');
  await waitState(page, 'Reviewing');
  const [line] = await firstAddedLines(page, 1);
  await addLineComment(page, line, 'kept through the outage');
  await waitSaved(page);
  await served.server.stop();
  await submit(page);
  await page.waitForFunction(
    () => /server unreachable, retrying/.test(document.querySelector('#rr-save').textContent),
    null,
    { timeout: 15000 },
  );
  await shot(page, 'offline');
  await served.server.start();
  await page.waitForSelector('.rr-page-done', { timeout: 90000 });
  const records = exportJson(served.root, inv.id).records;
  assert.equal(records.length, 1);
  assert.equal(records[0].status, 'submitted');
  assert.equal(records[0].review.comments.length, 1);
  await context.close();
});

test('keyboard only: hunks, comment, viewed, view switch, help', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await open(inv.link(served.server.base));
  await page.focus('#rr-start');
  await page.keyboard.press('Enter');
  await waitState(page, 'Reviewing');
  await page.locator('body').focus();
  await page.keyboard.press('j');
  assert.equal(
    await page.evaluate(() => document.activeElement.classList.contains('hunk-header')),
    true,
  );
  await page.keyboard.press('c');
  await page.waitForSelector('.rr-comment-form textarea:focus');
  await page.keyboard.type('typed without a mouse');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('.rr-comment');
  await page.keyboard.press('s');
  assert.equal(await page.getAttribute('body', 'data-view'), 'split');
  await page.keyboard.press('s');
  await page.keyboard.press('v');
  assert.match(await page.textContent('#rr-progress'), /^1 \//);
  await page.keyboard.press('?');
  assert.ok(await page.isVisible('#rr-help'));
  await shot(page, 'help');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#rr-help', { state: 'detached', timeout: 5000 });
  await waitSaved(page);
  await context.close();
});

test('axe-core: no serious or critical violations, light and dark, unified and split', async () => {
  const inv = invite(served.root, 'demo-review');
  const context = await browser({ bypassCSP: true });
  const page = await firstPage(context);
  await page.goto(inv.link(served.server.base));
  await page.click('#rr-start');
  await waitState(page, 'Reviewing');
  const [line] = await firstAddedLines(page, 1);
  await addLineComment(page, line, 'a **comment** to check too', 'nit');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const view of ['unified', 'split']) {
      if ((await page.getAttribute('body', 'data-view')) !== view) await page.click('#rr-view');
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${scheme} ${view}`);
      await shot(page, `axe-${scheme}-${view}`);
    }
  }
  await context.close();
});
