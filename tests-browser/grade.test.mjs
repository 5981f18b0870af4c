// The grade page (`reviewroom grade`): axe finds nothing serious or critical, before and after
// a refused save; a save with fields missing says how many are left, marks them and moves focus
// to the first; a complete save is stored and shown again. Screenshots at desktop and phone
// width, light and dark.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  axe,
  BIN,
  browser,
  cli,
  page as firstPage,
  freePort,
  invite,
  LONG_FILE,
  look,
  makeProject,
  Server,
  shot,
  stopChild,
  wrapsAfter,
} from './harness.mjs';

let root;
let server;
let grader;
let url;
let inviteId;
const stopped = [];

/** Submits a review for `inv` through the API, as the candidate's page would. */
async function submit(base, inv) {
  const review = {
    submission_id: 'sub-grade-1',
    verdict: 'request_changes',
    summary: 'Two problems, one nit.',
    comments: [
      {
        id: 'c1',
        file: 'src/api/client.ts',
        side: 'modified',
        start_line: 18,
        end_line: 19,
        severity: 'major',
        body: 'This loop never ends when the server keeps failing: cap the retries.',
        updated_at: '2026-03-02T10:20:00Z',
      },
      {
        id: 'c2',
        file: 'app/worker.py',
        side: 'modified',
        start_line: 16,
        end_line: 16,
        severity: 'blocker',
        body: 'SQL injection here? The query is built with an f-string.',
        updated_at: '2026-03-02T10:30:00Z',
      },
      {
        id: 'c4',
        file: LONG_FILE,
        side: 'modified',
        start_line: 25,
        end_line: 25,
        severity: 'minor',
        body: 'Three retries here is a magic number: name it.',
        updated_at: '2026-03-02T10:32:00Z',
      },
      {
        id: 'c3',
        file: 'src/api/client.ts',
        side: 'modified',
        body: 'No tests for the client.',
        updated_at: '2026-03-02T10:31:00Z',
      },
    ],
  };
  const res = await fetch(`${base}/api/submissions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${inv.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(review),
  });
  assert.equal(res.status, 201, await res.text());
}

function startGrade(id, name = 'Test Grader') {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.REVIEWROOM_SECRET;
    const proc = spawn(BIN, ['--root', root, 'grade', id, '--grader', name], { env });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`grade did not start:\n${out}`)), 60000);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\/grade\/[0-9a-f]+/);
      if (found) {
        clearTimeout(timer);
        resolve({ proc, url: found[0] });
      }
    });
    proc.stderr.on('data', (chunk) => {
      out += chunk;
    });
    proc.on('exit', (code) => {
      if (code) reject(new Error(`grade exited ${code}:\n${out}`));
    });
  });
}

before(async () => {
  root = makeProject();
  // An issue on a long path: its place and its match must wrap on a phone.
  fs.appendFileSync(
    path.join(root, 'scenarios/demo-long/key.toml'),
    `
[[issue]]
id = "magic-retries-qx7"
file = "${LONG_FILE}"
lines = [25, 25]
anchor = "compute(25, { retries: 3 })"
level = "junior"
category = "maintainability"
title = "Fixture key title Qx7c: a magic number of retries"
detail = "Fixture key detail Qx7c: name the retry count."
`,
  );
  server = await new Server(root, await freePort()).start();
  const inv = invite(root, 'demo-long');
  await submit(server.base, inv);
  inviteId = inv.id;
  ({ proc: grader, url } = await startGrade(inv.id));
});
after(async () => {
  await server?.stop();
  for (const proc of [grader, ...stopped]) await stopChild(proc);
});

test('the grade page passes axe, names a missing field, saves and shows the saved grade', async () => {
  const context = await browser();
  const page = await firstPage(context);
  await page.goto(url);
  await page.waitForSelector('#grade');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'grade-desktop');
  await page.evaluate(() => {
    document.documentElement.dataset.theme = 'dark';
  });
  assert.deepEqual(await axe(page), [], 'dark');
  await shot(page, 'grade-desktop-dark');
  await page.evaluate(() => {
    delete document.documentElement.dataset.theme;
  });

  // Saving an empty form: refused, with how much is left, every missing field marked and the
  // first focused.
  await page.click('button[type=submit]');
  await page.waitForSelector('[aria-invalid="true"]');
  const issues = await page.locator('article.grade-issue').count();
  assert.match(
    await page.textContent('#grade-status'),
    new RegExp(`^Not saved: ${issues} key issues, .* and the recommendation still to mark\\.$`),
  );
  const toMark = await page.evaluate(
    () =>
      [...document.querySelectorAll('fieldset[data-field]')].filter((f) =>
        f.querySelector('input[type=radio]'),
      ).length,
  );
  assert.equal(await page.locator('[aria-invalid="true"]').count(), toMark);
  const focusedField = await page.evaluate(
    () => document.activeElement.closest('[data-field]')?.dataset.field,
  );
  assert.ok(focusedField?.startsWith('/issues/'), `focus on ${focusedField}`);
  assert.deepEqual(await axe(page), [], 'with an error shown');

  // Every suggested match confirmed, every issue found, every extra valid, a recommendation.
  for (const fieldset of await page.locator('fieldset[data-field]').all()) {
    const first = fieldset.locator('input[type=radio]').first();
    if (await first.count()) await first.check();
  }
  await page.fill('#notes', 'Ask how the retry cap should be chosen.');
  // A save answers "Saved at ..." and reloads the page, which then shows the stored grade.
  const reloaded = page.waitForEvent('load');
  await page.click('button[type=submit]');
  await reloaded;
  await page.waitForSelector('#grade');
  assert.match(await page.textContent('#saved-at'), /^saved 20\d\d-/);
  assert.equal(await page.inputValue('#notes'), 'Ask how the retry cap should be chosen.');
  assert.ok(await page.locator('input[name=recommendation][value=strong_yes]').isChecked());
  await shot(page, 'grade-saved');
  assert.deepEqual(context.errors, []);
  await context.close();
});

// A phone's width without isMobile: a mobile viewport widens the window to the content, which
// would hide the overflow this checks.
test('the grade page on a phone: no sideways scroll, paths wrap between folders', async () => {
  const phone = await browser({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const small = await firstPage(phone);
  await small.goto(url);
  await small.waitForSelector('#grade');
  assert.deepEqual(await axe(small), [], 'phone');
  assert.match(await small.textContent('#grade'), /reconciliation_service_client/);
  const wide = await small.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    past: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 390.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.slice(0, 40)}`)
      .slice(0, 5),
  }));
  assert.ok(wide.page <= 390, `the page is ${wide.page}px wide on a 390px phone`);
  assert.deepEqual(wide.past, [], 'nothing reaches past the right edge');
  // The long path wraps after a `/` (or before "(modified)"), never inside a name that fits on
  // a line.
  const breaks = await wrapsAfter(small, '#grade code', 'reconciliation_service_client');
  assert.ok(breaks.includes('/'), `the long path wraps between folders: ${breaks}`);
  assert.ok(
    breaks.every((c) => c === '/' || c === ' '),
    `it wraps only after a / or a space, never inside a name: after ${breaks}`,
  );
  await shot(small, 'grade-phone');
  await small.getByText('Qx7c').first().scrollIntoViewIfNeeded();
  await shot(small, 'grade-phone-long-path');
  await phone.close();
});

test('a second grader who disagrees: report and compare show both grades and kappa, axe-clean', async () => {
  const second = await startGrade(inviteId, 'Second Grader');
  stopped.push(second.proc);
  const context = await browser();
  const tab = await firstPage(context);
  await tab.goto(second.url);
  await tab.waitForSelector('#grade');
  assert.match(await tab.textContent('main'), /1 other grade of this review stays hidden/);
  // Every match confirmed and extra judged as the first grader did, but each issue only
  // partly found and a No.
  for (const fieldset of await tab.locator('fieldset[data-field]').all()) {
    const field = await fieldset.getAttribute('data-field');
    const choice = field.endsWith('/outcome')
      ? fieldset.locator('input[value=partly]')
      : fieldset.locator('input[type=radio]').first();
    if (await choice.count()) await choice.check();
  }
  await tab.locator('input[name=recommendation][value=no]').check();
  const reloaded = tab.waitForEvent('load');
  await tab.click('button[type=submit]');
  await reloaded;
  await tab.waitForSelector('#grade');
  assert.match(await tab.textContent('main'), /Test Grader/, 'the other grade, shown once saved');
  assert.deepEqual(context.errors, []);
  await context.close();
  await stopChild(second.proc);

  const report = path.join(root, 'graded-report.html');
  cli(root, 'export', '--invite', inviteId, '--format', 'html', '--out', report);
  const html = fs.readFileSync(report, 'utf8');
  assert.match(html, /Results, confirmed by Second Grader and Test Grader/);
  assert.match(html, /partly by Second Grader, found by Test Grader \(graders disagree\)/);
  assert.match(html, /Graded by Second Grader: No/);
  await look(report, 'graded-report');

  const compared = path.join(root, 'graded-compare.html');
  cli(root, 'compare', 'demo-long', '--format', 'html', '--out', compared);
  const table = fs.readFileSync(compared, 'utf8');
  assert.match(table, /Agreement between graders/);
  assert.match(table, /Where graders disagree/);
  await look(compared, 'graded-compare');
});
