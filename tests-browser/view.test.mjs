// Switching between the unified and the split view keeps the line the reader sees first at the
// same height on screen, in a long file scrolled to its middle (issue 18, item 12).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { started } from './flow.mjs';
import { invite, LONG_FILE, servedProject } from './harness.mjs';

const served = servedProject();

/** The first row of the shown table below the bar and the file's header: its line and top. */
const topRow = (page) =>
  page.evaluate(() => {
    const bar = document.getElementById('rr-bar').getBoundingClientRect().bottom;
    for (const file of document.querySelectorAll('details.file[open]')) {
      const box = file.getBoundingClientRect();
      if (box.bottom <= bar) continue;
      const below = Math.max(bar, file.querySelector('summary').getBoundingClientRect().bottom);
      const rows = file.querySelectorAll('table.diff:not([hidden]) tr.row');
      const row = [...rows].find((r) => r.offsetParent && r.getBoundingClientRect().top >= below);
      if (!row) continue;
      const side = row.dataset.modified ? 'modified' : 'original';
      return {
        file: file.dataset.file,
        side,
        line: row.dataset[side],
        y: row.getBoundingClientRect().top,
      };
    }
    return null;
  });

/** Where the row of `anchor`'s line is now, in the table shown. */
const rowTop = (page, anchor) =>
  page.evaluate(({ file, side, line }) => {
    const shown = document.querySelector(
      `details.file[data-file="${file}"] table.diff:not([hidden]) tr.row[data-${side}="${line}"]`,
    );
    return shown ? shown.getBoundingClientRect().top : null;
  }, anchor);

/** Switches the view three times, asserting the top line stays within 2 px each time. */
async function switchKeepsTop(page, where) {
  for (const view of ['split', 'unified', 'split']) {
    const before = await topRow(page);
    assert.ok(before, `${where}: a row is in view`);
    await page.click('#rr-view');
    await page.waitForFunction((v) => document.body.dataset.view === v, view);
    // Two frames: whatever layout the switch causes has happened.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const after = await rowTop(page, before);
    assert.ok(after !== null, `${where}: line ${before.line} is a row in the ${view} view`);
    assert.ok(
      Math.abs(after - before.y) <= 2,
      `${where}, to ${view}: ${before.file} ${before.side} ${before.line} moved from ${before.y} to ${after} px`,
    );
  }
}

test('switching views keeps the top line where it was', async () => {
  const inv = invite(served.root, 'demo-long');
  const { context, page } = await started(inv.link(served.server.base));
  // As loaded (hidden context still data), at several depths of the page.
  for (const y of [300, 900, 1500, 2400]) {
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await switchKeepsTop(page, `scrolled to ${y}`);
    await page.click('#rr-view');
  }
  // Expanded, the long file has every line as a row: its line 200 under the bar.
  await page
    .locator(`details.file[data-file="${LONG_FILE}"]`)
    .getByRole('button', { name: 'Expand all' })
    .click();
  await page.evaluate((file) => {
    const row = document.querySelector(
      `details.file[data-file="${file}"] table.diff:not([hidden]) tr.row[data-modified="200"]`,
    );
    const bar = document.getElementById('rr-bar').getBoundingClientRect().bottom;
    window.scrollBy(0, row.getBoundingClientRect().top - bar - 120);
  }, LONG_FILE);
  await switchKeepsTop(page, 'expanded, line 200');
  assert.deepEqual(context.errors, []);
  await context.close();
});
