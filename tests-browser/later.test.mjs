// Rows that come later: on a large change the hunks past the page's first screens arrive in
// `noscript.rows-later`. Without JavaScript they read like any others; with it they are not in
// the DOM at load and are drawn when their file nears the window, before find-in-page, on `j`,
// and for a comment on one of their lines (kept across a reload and in the split view).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { started, waitSaved, waitState } from './flow.mjs';
import {
  axe,
  browser,
  exportJson,
  page as firstPage,
  freePort,
  invite,
  lineCell,
  ROOT,
  Server,
} from './harness.mjs';

const FILES = 6;
const HUNKS = 15;
const LAST = `zz/later_${FILES}.py`;
// Every 8th line changes: a hunk of 3 + 1 + 1 + 3 rows each, 120 rows a file, 720 in all,
// more than the 300 the page draws at load.
const changed = (i) => i % 8 === 4;
const text = (file, modified) =>
  Array.from({ length: HUNKS * 8 }, (_, k) => {
    const i = k + 1;
    const value = modified && changed(i) ? `${i} + 1` : `${i}`;
    return `value_${file}_${i} = compute(${value})  # line ${i}\n`;
  }).join('');

let root;
let server;

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-later-'));
  const scenario = path.join(root, 'scenarios/demo-large');
  fs.cpSync(path.join(ROOT, 'generator/tests/fixtures/scenarios/demo-review'), scenario, {
    recursive: true,
  });
  for (let f = 1; f <= FILES; f += 1)
    for (const side of ['original', 'modified']) {
      const file = path.join(scenario, side, `zz/later_${f}.py`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text(f, side === 'modified'));
    }
  server = await new Server(root, await freePort()).start();
});
after(async () => {
  await server?.stop();
});

const last = `details.file[data-file="${LAST}"]`;
const rowsOf = (page, file) => page.locator(`${file} table.diff:not([hidden]) tr.row`).count();

test('without JavaScript every hunk reads; with it the last file waits until it nears', async () => {
  const inv = invite(root, 'demo-large');
  const plain = await browser({ javaScriptEnabled: false });
  const bare = await firstPage(plain);
  await bare.goto(inv.link(server.base));
  assert.equal(await bare.locator(`${last} tr.row`).count(), HUNKS * 8, 'all rows, no script');
  await plain.close();

  const { context, page } = await started(inv.link(server.base));
  assert.equal(await page.locator(`${last} noscript.rows-later`).count(), 1);
  assert.equal(await rowsOf(page, last), 0, 'not in the DOM at load');
  const drawn = await page.locator('table.diff tr.row').count();
  assert.ok(drawn >= 300 && drawn < FILES * HUNKS * 8, `${drawn} rows drawn at load`);

  await page.locator(last).scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => document.querySelector(`${sel} tr.row`), last);
  assert.equal(await rowsOf(page, last), HUNKS * 8, 'drawn as it nears the window');
  assert.equal(await page.locator(`${last} button.expand`).count(), HUNKS, 'with expanders');
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(context.errors, []);
  await context.close();
});

test('find-in-page and j reach rows that came later', async () => {
  const inv = invite(root, 'demo-large');
  const { context, page } = await started(inv.link(server.base));
  assert.equal(await rowsOf(page, last), 0);
  await page.keyboard.press('Control+f');
  assert.equal(await page.locator('noscript.rows-later').count(), 0, 'all drawn before find');
  const found = await page.evaluate((t) => window.find(t, true, false, true), `value_${FILES}_60`);
  assert.equal(found, true);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.reload();
  await waitState(page, 'Reviewing');
  assert.equal(await rowsOf(page, last), 0);
  // More presses than the page has hunks: j stops at the last one.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < FILES * HUNKS + 10; i += 1) await page.keyboard.press('j');
  assert.equal(
    await page.evaluate(() => document.activeElement.closest('details.file')?.dataset.file),
    LAST,
    'j walks into the files whose rows came later',
  );
  assert.deepEqual(context.errors, []);
  await context.close();
});

test('a comment on a later line comes back after a reload, in both views', async () => {
  const inv = invite(root, 'demo-large');
  const { context, page } = await started(inv.link(server.base));
  await page.locator(last).scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => document.querySelector(`${sel} tr.row`), last);
  await lineCell(page, LAST, 'modified', 12).click();
  await page.fill('.rr-comment-form textarea', 'A comment on a row that came later');
  await page.click('.rr-comment-form button[type=submit]');
  await waitSaved(page);

  await page.reload();
  await waitState(page, 'Reviewing');
  assert.match(
    await page.locator(`${last} tr.rr-comment-row`).textContent(),
    /A comment on a row that came later/,
    'its file is drawn to show the comment',
  );
  await page.click('#rr-view');
  assert.equal(
    await page.locator(`${last} table.diff-split:not([hidden]) tr.row[data-modified="12"]`).count(),
    1,
  );
  assert.equal(
    await page.locator(`${last} table.diff-split:not([hidden]) tr.row`).count(),
    HUNKS * 7,
    'a split row per context line and per removed/added pair',
  );
  await page.click('#rr-view');
  const comment = exportJson(root, inv.id).records[0].review.comments[0];
  assert.deepEqual([comment.file, comment.start_line], [LAST, 12]);
  assert.deepEqual(context.errors, []);
  await context.close();
});
