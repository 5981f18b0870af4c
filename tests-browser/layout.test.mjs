// Layout at 1440x900 and on a phone (390x844): sticky bar, sidebar and file headers that stay
// in view inside a long file, the file tree with its marks, the comment list's order, narrow
// gutters and sideways scrolling, unified below 900 px, toggles that name their state, and the
// main flow at phone width.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addLineComment, started, submit, waitSaved, waitState } from './flow.mjs';
import { axe, exportJson, invite, LONG_FILE, lineCell, servedProject, shot } from './harness.mjs';

const DESKTOP = { viewport: { width: 1440, height: 900 }, bypassCSP: true };
const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  bypassCSP: true,
};
const served = servedProject();

const longFile = (page) => page.locator(`details.file[data-file="${LONG_FILE}"]`);

/** Scrolls so that `px` of the long file has gone under the top of the window. */
async function scrollInto(page, px) {
  await page.evaluate(
    ([name, by]) => {
      const file = [...document.querySelectorAll('details.file')].find(
        (f) => f.dataset.file === name,
      );
      window.scrollTo(0, file.getBoundingClientRect().top + window.scrollY + by);
    },
    [LONG_FILE, px],
  );
  await page.waitForTimeout(100);
}

const box = (page, selector) =>
  page.$eval(selector, (n) => {
    const r = n.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  });

test('desktop: the bar, the sidebar and the file name stay in view inside a long file', async () => {
  const inv = invite(served.root, 'demo-long');
  const { context, page } = await started(inv.link(served.server.base), DESKTOP);
  await scrollInto(page, 3000);
  const bar = await box(page, '#rr-bar');
  const header = await longFile(page).locator('summary.file-header').boundingBox();
  assert.ok(
    Math.abs(header.y - bar.bottom) <= 2,
    `file header at ${header.y}, bar ends at ${bar.bottom}`,
  );
  const tree = await box(page, '#file-tree');
  assert.ok(tree.top >= bar.bottom, `sidebar (${tree.top}) below the bar (${bar.bottom})`);
  const current = await page.$eval(
    '#file-tree a[aria-current]',
    (a) => a.closest('li').dataset.file,
  );
  assert.equal(current, LONG_FILE, 'the tree marks the file on screen');
  await shot(page, 'desktop-long-file');
  await context.close();
});

test('desktop: the file tree with marks; comments listed by file and line, ranges as ranges', async () => {
  const inv = invite(served.root, 'demo-long');
  const { context, page } = await started(inv.link(served.server.base), DESKTOP);
  assert.ok((await page.locator('#file-tree li.tree-dir').count()) >= 2, 'folders');
  assert.equal(
    await page.textContent(`#file-tree li[data-file="${LONG_FILE}"] > a`),
    'reconciliation_service_client.ts',
  );
  const folders = await page.$$eval('#file-tree .tree-dir-name', (all) =>
    all.map((n) => n.textContent),
  );
  assert.ok(
    folders.includes('generated/deeply/nested/'),
    `single-child folders fold into one: ${folders}`,
  );
  const changed = await page.$$eval(
    `details.file[data-file="${LONG_FILE}"] table.diff tr.row-add`,
    (rows) => rows.map((r) => Number(r.dataset.modified)),
  );
  await addLineComment(page, changed[3], 'later line', null, LONG_FILE);
  // A range on an earlier line: shift-click from one line number to another.
  await lineCell(page, LONG_FILE, 'modified', changed[0]).click();
  await page.keyboard.press('Escape');
  await lineCell(page, LONG_FILE, 'modified', changed[0] + 2).click({ modifiers: ['Shift'] });
  await page.fill('.rr-comment-form textarea', 'a range');
  await page.click('.rr-comment-form button[type=submit]');
  await addLineComment(page, 1, 'first file', null, 'app/worker.py');
  await longFile(page).locator('input.viewed').check();
  const items = await page.$$eval('#rr-comment-list li a', (as) => as.map((a) => a.textContent));
  assert.deepEqual(
    items.map((t) => t.split(/[:( ]/)[0]),
    ['app/worker.py', LONG_FILE, LONG_FILE],
  );
  assert.equal(items[1], `${LONG_FILE}:${changed[0]}–${changed[0] + 2}`);
  assert.equal(items[2], `${LONG_FILE}:${changed[3]}`);
  const li = page.locator(`#file-tree li[data-file="${LONG_FILE}"]`);
  assert.match(await li.getAttribute('class'), /is-viewed/);
  assert.match(await li.locator('.tree-count').textContent(), /^2/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'desktop-tree');
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('desktop: the view and theme toggles name their state', async () => {
  const inv = invite(served.root, 'demo-long');
  const { context, page } = await started(inv.link(served.server.base), DESKTOP);
  assert.match(await page.textContent('#rr-view'), /^View: unified$/);
  assert.match(await page.textContent('#rr-theme'), /^Theme: /);
  await page.click('#rr-view');
  assert.equal(await page.getAttribute('body', 'data-view'), 'split');
  assert.match(await page.textContent('#rr-view'), /^View: split$/);
  await shot(page, 'desktop-split');
  await page.click('#rr-view');
  await context.close();
});

test('phone: narrow gutters, sideways scroll instead of breaks, unified only', async () => {
  const inv = invite(served.root, 'demo-long');
  const { context, page } = await started(inv.link(served.server.base), PHONE);
  await page.evaluate(() => localStorage.setItem('rr:view', 'split'));
  await page.reload();
  await waitState(page, 'Reviewing');
  assert.equal(await page.getAttribute('body', 'data-view'), 'unified', 'unified below 900 px');
  assert.equal(await page.isVisible('#rr-view'), false);
  const gutters = await page.$eval(`details.file[data-file="${LONG_FILE}"] tr.row-ctx`, (row) => {
    // Two line-number cells and the +/- marker the stylesheet draws before the code.
    const [a, b, code] = row.querySelectorAll('td');
    return (
      a.getBoundingClientRect().width +
      b.getBoundingClientRect().width +
      Number.parseFloat(getComputedStyle(code, '::before').width)
    );
  });
  assert.ok(gutters <= 100, `gutters take ${gutters}px`);
  // The long path in the file's header wraps between folders, never inside a name.
  const pieces = await page.$eval(`details.file[data-file="${LONG_FILE}"] .file-name`, (name) => {
    const lines = [];
    for (const node of name.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      lines.push([node.textContent, new Set([...range.getClientRects()].map((r) => r.top)).size]);
    }
    return { lines, height: name.getBoundingClientRect().height };
  });
  for (const [text, rows] of pieces.lines) assert.equal(rows, 1, `"${text}" is broken`);
  assert.ok(pieces.lines.length > 1, `the name is one piece per folder: ${JSON.stringify(pieces)}`);
  assert.equal(pieces.lines.map(([text]) => text).join(''), LONG_FILE);
  // A header's `+N -N` is one piece too: joined by a no-break space, drawn on one line.
  const stats = await page.$$eval('summary.file-header .stat-del', (dels) =>
    dels.map((del) => ({
      before: del.previousElementSibling.className,
      between: del.previousSibling.textContent,
      together:
        del.getClientRects().length === 1 &&
        del.previousElementSibling.getBoundingClientRect().top === del.getBoundingClientRect().top,
    })),
  );
  assert.ok(stats.length > 1, 'headers with stats');
  for (const { before, between, together } of stats) {
    assert.equal(before, 'stat-add');
    assert.equal(between, '\u00a0');
    assert.ok(together, 'the +N and -N of a file header share a line');
  }
  // Line 11 (a long one) is hidden context: data until the file's lines are expanded.
  await page
    .locator(`details.file[data-file="${LONG_FILE}"] .file-tools button`, { hasText: 'Expand all' })
    .click();
  const wide = await page.$eval(
    `details.file[data-file="${LONG_FILE}"] tr.row[data-modified="11"]`,
    (row) => ({
      height: row.getBoundingClientRect().height,
      scroll: row.closest('.diff-scroll').scrollWidth > row.closest('.diff-scroll').clientWidth,
      page: document.documentElement.scrollWidth,
    }),
  );
  assert.ok(wide.height <= 22, `the long line stays on one line (${wide.height}px)`);
  assert.ok(wide.scroll, 'the file scrolls sideways');
  assert.ok(wide.page <= 390, `the page itself does not (${wide.page}px)`);
  await scrollInto(page, 600);
  await shot(page, 'phone-long-file');
  await context.close();
});

test('phone: the main flow, from Start to the received review', async () => {
  const inv = invite(served.root, 'demo-review');
  const { context, page } = await started(inv.link(served.server.base), PHONE);
  await shot(page, 'phone-reviewing');
  const [a] = await page.$$eval(
    'details.file[data-file="src/api/client.ts"] table.diff tr.row-add',
    (rows) => rows.slice(0, 1).map((r) => Number(r.dataset.modified)),
  );
  await lineCell(page, 'src/api/client.ts', 'modified', a).tap();
  await page.fill('.rr-comment-form textarea', 'from a phone');
  await page.selectOption('.rr-comment-form select', 'major');
  await shot(page, 'phone-form');
  await page.click('.rr-comment-form button[type=submit]');
  await page.locator('details.file[data-file="src/api/client.ts"] button.file-comment').tap();
  await page.fill('.rr-comment-form textarea', 'file-level from a phone');
  await page.click('.rr-comment-form button[type=submit]');
  await waitSaved(page);
  await page.reload();
  await waitState(page, 'Reviewing');
  assert.equal(await page.locator('.rr-comment').count(), 2);
  await submit(page);
  await page.waitForSelector('.rr-page-done', { timeout: 15000 });
  // The answer scrolls into view, smoothly: wait until it has come to rest there.
  await page.waitForFunction(
    () => {
      const top = document.querySelector('.rr-page-done').getBoundingClientRect().top;
      const still = top === window.rrLastTop;
      window.rrLastTop = top;
      return still && top >= 0 && top < innerHeight / 2;
    },
    null,
    { polling: 100 },
  );
  await shot(page, 'phone-submitted');
  assert.deepEqual(await axe(page), []);
  const record = exportJson(served.root, inv.id).records[0];
  assert.equal(record.status, 'submitted');
  assert.deepEqual(record.review.comments.map((c) => c.body).sort(), [
    'file-level from a phone',
    'from a phone',
  ]);
  assert.deepEqual(context.errors, []);
  await context.close();
});
