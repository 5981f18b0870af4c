// Lines on demand: hidden context and unchanged files arrive as data, not rows; expanding makes
// them rows that take comments (kept across a reload and a view switch) and that find-in-page
// finds, and opening an unchanged file shows its lines.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { started, waitSaved, waitState } from './flow.mjs';
import {
  axe,
  exportJson,
  freePort,
  invite,
  LONG_FILE,
  lineCell,
  makeProject,
  Server,
} from './harness.mjs';

let root;
let server;

before(async () => {
  root = makeProject();
  server = await new Server(root, await freePort()).start();
});
after(async () => {
  await server?.stop();
});

const long = `details.file[data-file="${LONG_FILE}"]`;
// Line 40 of the long file is unchanged and 15 lines from the nearest change: hidden context.
const LINE = 40;
const TEXT = `value${LINE} = compute(${LINE});`;
const found = (page, text) =>
  page.evaluate((t) => {
    getSelection().removeAllRanges();
    return window.find(t, true, false, true);
  }, text);

test('hidden context: not rows at load; expanded, its lines take comments and are found', async () => {
  const inv = invite(root, 'demo-long');
  const { context, page } = await started(inv.link(server.base));
  const group = page.locator(
    `${long} table.diff:not([hidden]) tbody.context[data-before-hunk="1"]`,
  );
  assert.equal(await group.getAttribute('data-lines'), '43');
  assert.equal(await group.locator('tr').count(), 0, 'hidden context is data at load');
  assert.equal(await found(page, TEXT), false, 'not findable before it is shown');

  await page.locator(`${long} button.expand[data-for-before-hunk="1"]`).click();
  assert.equal(await group.locator('tr.row-ctx').count(), 43);
  assert.equal(await found(page, TEXT), true, 'find-in-page finds an expanded line');
  assert.equal(
    await page.evaluate(
      () => getSelection().anchorNode.parentElement.closest('tr').dataset.modified,
    ),
    String(LINE),
  );
  assert.match(
    await group.locator(`tr[data-modified="${LINE}"] td.code`).innerHTML(),
    /<span class="h/,
    'highlighted like any row',
  );

  await lineCell(page, LONG_FILE, 'modified', LINE).click();
  await page.fill('.rr-comment-form textarea', 'A comment on an expanded line');
  await page.click('.rr-comment-form button[type=submit]');
  await waitSaved(page);
  assert.deepEqual(await axe(page), []);

  // After a reload the comment makes its line a row again, and shows under it.
  await page.reload();
  await waitState(page, 'Reviewing');
  const row = page.locator(`${long} table.diff:not([hidden]) tr.row[data-modified="${LINE}"]`);
  assert.equal(await row.count(), 1);
  assert.match(
    await page.locator(`${long} tr.rr-comment-row`).textContent(),
    /A comment on an expanded line/,
  );
  // The split view has the same rows.
  await page.click('#rr-view');
  assert.equal(
    await page
      .locator(`${long} table.diff-split:not([hidden]) tr.row[data-modified="${LINE}"]`)
      .count(),
    1,
  );
  await page.click('#rr-view');
  const comment = exportJson(root, inv.id).records[0].review.comments[0];
  assert.deepEqual(
    [comment.file, comment.side, comment.start_line, comment.end_line],
    [LONG_FILE, 'modified', LINE, LINE],
  );
  assert.deepEqual(context.errors, []);
  await context.close();
});

test('an unchanged file: its lines appear when it is opened', async () => {
  const inv = invite(root, 'demo-review');
  const { context, page } = await started(inv.link(server.base));
  const file = page.locator('details.file[data-status="unchanged"]').first();
  assert.equal(await file.locator('tr.row').count(), 0);
  const lines = Number(await file.getAttribute('data-modified-lines'));
  await file.locator('summary').click();
  assert.equal(await file.locator('table.diff:not([hidden]) tr.row-ctx').count(), lines);
  assert.equal(
    await file.locator(`tr.row[data-modified="${lines}"] td.ln-modified`).textContent(),
    String(lines),
  );
  assert.deepEqual(context.errors, []);
  await context.close();
});
