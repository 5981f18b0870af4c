// The interviewer's documents in chromium (issue 17): a review submitted through the page (one
// file marked viewed, a line and a file comment), its HTML report, `compare` and the catalog,
// each axe-clean (no serious or critical violation) in light and dark, at desktop and phone
// width, with screenshots in target/screenshots/ (documents-*).

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { addLineComment, FILE, firstAddedLines, started, submit, waitSaved } from './flow.mjs';
import { cli, exportJson, invite, look, servedProject } from './harness.mjs';

const served = servedProject();

test('a submitted review: its report, compare and the catalog read well and pass axe', async () => {
  const inv = invite(served.root, 'demo-review', '--time-limit', '45m');
  const { context, page } = await started(inv.link(served.server.base));
  const [line] = await firstAddedLines(page, 1);
  await addLineComment(page, line, 'This retry loop never ends: bound the retries.', 'major');
  await page.locator(`details.file[data-file="${FILE}"] button.file-comment`).click();
  await page.fill('.rr-comment-form textarea', 'No tests for the client.');
  await page.click('.rr-comment-form button[type=submit]');
  await page.locator(`details.file[data-file="${FILE}"] input.viewed`).check();
  await waitSaved(page);
  await submit(page);
  await page.waitForSelector('.rr-page-done', { timeout: 15000 });
  await context.close();

  const record = exportJson(served.root, inv.id).records[0];
  assert.deepEqual(record.review.viewed_files, [FILE], 'the page sends the files marked viewed');
  assert.equal(record.report.files_viewed.viewed.length, 1);
  assert.ok(
    record.report.extras.some((c) => c.place === 'whole file'),
    'the file comment is to judge',
  );

  const report = path.join(served.root, 'report.html');
  cli(served.root, 'export', '--invite', inv.id, '--format', 'html', '--out', report);
  await look(report, 'report');
  const compared = path.join(served.root, 'compare.html');
  invite(served.root, 'demo-review');
  cli(served.root, 'compare', 'demo-review', '--format', 'html', '--out', compared);
  await look(compared, 'compare');
  cli(served.root, 'catalog');
  const catalog = path.join(served.root, '.reviewroom/catalog');
  await look(path.join(catalog, 'index.html'), 'catalog');
  await look(path.join(catalog, 'demo-review.html'), 'key');
});
