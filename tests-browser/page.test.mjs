// The page's steps and signals: the finish dialog's recap and single Submit, what the time box
// is before Start, line numbers before Start and the "+" on hover, keyboard file jumps and
// "viewed", suggestions shown old -> new, and invite links that are not valid.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FILE, firstAddedLines, open, started, waitState } from './flow.mjs';
import { invite, LONG_FILE, lineCell, servedProject, shot } from './harness.mjs';

const served = servedProject();

const visibleCount = (locator) =>
  locator.evaluateAll((nodes) => nodes.filter((n) => n.offsetParent !== null).length);

test('the finish dialog: one primary Submit, not red, with a recap', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await started(inv.link(served.server.base));
  await page.click('#rr-open-submit');
  const dialog = page.locator('#rr-submit-dialog');
  assert.equal(await visibleCount(dialog.locator('button.primary')), 1);
  assert.equal(await dialog.locator('button.danger').count(), 0);
  assert.equal(await dialog.getByRole('button', { name: 'Continue' }).count(), 0);
  const recap = () => page.textContent('#rr-recap');
  assert.match(await recap(), /Verdict: not chosen yet/);
  assert.match(await recap(), /0 comments/);
  assert.match(await recap(), /files? not marked viewed/);
  await page.check('#rr-verdict-approve');
  assert.match(await recap(), /Verdict: Approve/);
  await shot(page, 'finish-dialog');
  await context.close();
});

test('before Start: the time box and what happens at zero, said once; one Start button', async () => {
  const limited = invite(served.root, 'demo-review', '--time-limit', '45m');
  const { context, page } = await open(limited.link(served.server.base));
  await waitState(page, 'Not started');
  const notice = await page.textContent('#rr-notice');
  assert.match(notice, /Time box: 45 minutes/);
  assert.match(notice, /At zero/);
  assert.equal(
    await visibleCount(page.getByText(/suggested time/i)),
    0,
    'no suggested time beside a time box',
  );
  assert.equal(await visibleCount(page.getByRole('button', { name: 'Start the review' })), 1);
  await shot(page, 'time-box');

  // Line numbers before Start say what to do.
  const [line] = await firstAddedLines(page, 1);
  await lineCell(page, FILE, 'modified', line).click();
  await page.waitForSelector('#rr-tip:not([hidden])');
  assert.match(await page.textContent('#rr-tip'), /Start the review to comment/);
  await context.close();

  const free = invite(served.root, 'demo-review');
  const f = await open(free.link(served.server.base));
  await waitState(f.page, 'Not started');
  assert.match(await f.page.textContent('#rr-notice'), /no time limit/);
  assert.equal(await visibleCount(f.page.getByText(/suggested time/i)), 1);
  await f.context.close();
});

test('a "+" on the line number under the pointer', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await started(inv.link(served.server.base));
  const [line] = await firstAddedLines(page, 1);
  const cell = lineCell(page, FILE, 'modified', line);
  await cell.hover();
  assert.equal(await cell.evaluate((n) => getComputedStyle(n, '::before').content), '"+"');
  await context.close();
});

test('keyboard: ] from the top goes to file 1; v marks the file on screen', async () => {
  const inv = invite(served.root, 'demo-long');
  const { context, page } = await started(inv.link(served.server.base));
  const names = await page.$$eval('main#files details.file', (all) =>
    all.map((f) => f.dataset.file),
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('body').focus();
  await page.keyboard.press(']');
  assert.equal(
    await page.evaluate(() => document.activeElement.closest('details.file')?.dataset.file),
    names[0],
  );
  // Scroll into the middle of the long file with the mouse, focus elsewhere: v marks it.
  await page.evaluate((name) => {
    document.activeElement.blur();
    const file = [...document.querySelectorAll('details.file')].find(
      (f) => f.dataset.file === name,
    );
    window.scrollTo(0, file.getBoundingClientRect().top + window.scrollY + 2000);
  }, LONG_FILE);
  await page.keyboard.press('v');
  const viewed = await page.$$eval('main#files details.file', (all) =>
    all.filter((f) => f.querySelector('input.viewed').checked).map((f) => f.dataset.file),
  );
  assert.deepEqual(viewed, [LONG_FILE]);
  await context.close();
});

test('a suggestion shows the old lines and the new ones', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await started(inv.link(served.server.base));
  const [line] = await firstAddedLines(page, 1);
  const old = await page.$eval(
    `details.file[data-file="${FILE}"] table.diff tr.row[data-modified="${line}"] td.code`,
    (td) => {
      const c = td.cloneNode(true);
      for (const n of c.querySelectorAll('.visually-hidden')) n.remove();
      return c.textContent;
    },
  );
  await lineCell(page, FILE, 'modified', line).click();
  await page.click('.rr-comment-form button:has-text("Suggest a change")');
  const text = await page.inputValue('.rr-comment-form textarea');
  await page.fill('.rr-comment-form textarea', text.replace(old, 'const replaced = true;'));
  await page.click('.rr-comment-form button[type=submit]');
  const block = page.locator('.rr-comment .suggestion-block');
  assert.equal(
    (await block.locator('pre.suggestion-old').textContent()).replace('original: ', ''),
    old,
  );
  assert.match(await block.locator('pre.suggestion-new').textContent(), /const replaced = true;/);
  await shot(page, 'suggestion');
  await context.close();
});

test('invite links that are not valid say so, and a refused token is forgotten', async () => {
  const base = `${served.server.base}${invite(served.root, 'demo-review').path.split('#')[0]}`;
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await open(inv.link(served.server.base));
  await waitState(page, 'Not started');
  const stored = () =>
    page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rr:token:')).length);
  assert.equal(await stored(), 1);
  await page.goto('about:blank');
  await page.goto(`${base}#invite=hello`);
  await page.waitForSelector('.rr-page-error');
  assert.match(await page.textContent('.rr-page-error'), /not valid/);
  assert.equal(await stored(), 0, 'a fragment naming another token replaces the stored one');
  await shot(page, 'invalid-link');
  await page.reload();
  await waitState(page, 'Preview');

  // A well-formed token the server does not know: 401, not valid, forgotten.
  await page.goto('about:blank');
  await page.goto(`${base}#invite=rr1_AAAAAAAAAAAAAAAAAAAAAA`);
  await page.waitForSelector('.rr-page-error');
  assert.match(await page.textContent('.rr-page-error'), /not valid/);
  assert.equal(await stored(), 0);
  await context.close();
});
