// The candidate's steps the browser tests share: open a link, wait for a state or a save,
// comment on lines, submit.
import { browser, page as firstPage, lineCell } from './harness.mjs';

export const FILE = 'src/api/client.ts';

export async function open(link, options) {
  const context = await browser(options);
  const page = await firstPage(context);
  await page.goto(link);
  await page.waitForSelector('#rr-state');
  return { context, page };
}

export async function waitState(page, text) {
  await page.waitForFunction(
    (t) => document.querySelector('#rr-state')?.textContent.includes(t),
    text,
    { timeout: 15000 },
  );
}

export async function waitSaved(page) {
  await page.waitForFunction(
    () => /Draft saved/.test(document.querySelector('#rr-save')?.textContent || ''),
    null,
    { timeout: 15000 },
  );
}

export async function addLineComment(page, line, body, severity, file = FILE) {
  await lineCell(page, file, 'modified', line).click();
  await page.fill('.rr-comment-form textarea', body);
  if (severity) await page.selectOption('.rr-comment-form select', severity);
  await page.click('.rr-comment-form button[type=submit]');
}

export async function firstAddedLines(page, n, file = FILE) {
  return page.$$eval(
    `details.file[data-file="${file}"] table.diff tr.row-add`,
    (rows, k) => rows.slice(0, k).map((r) => Number(r.dataset.modified)),
    n,
  );
}

/** Opens the finish dialog, writes a summary, picks "Request changes", submits. */
export async function submit(page) {
  await page.click('#rr-open-submit');
  await page.fill('#rr-summary', 'Overall: bound the retries.');
  await page.check('#rr-verdict-request_changes');
  await page.click('#rr-submit-confirm');
}

/** Opens `link` and starts the review. */
export async function started(link, options) {
  const opened = await open(link, options);
  await waitState(opened.page, 'Not started');
  await opened.page.click('#rr-start');
  await waitState(opened.page, 'Reviewing');
  return opened;
}
