// The candidate-markdown rule set (fixtures/markdown-cases.json, shared with the Rust report)
// run through the page's own markdown module in the browser, as served by `reviewroom serve`.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { browser, page as firstPage, freePort, makeProject, ROOT, Server } from './harness.mjs';

const CASES = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'tests-browser/fixtures/markdown-cases.json'), 'utf8'),
);
let server;

before(async () => {
  server = await new Server(makeProject(), await freePort()).start();
});
after(async () => {
  await server?.stop();
});

test('markdown cases render to the expected HTML', async () => {
  const context = await browser();
  const page = await firstPage(context);
  await page.goto(server.demo.split('#')[0]);
  await page.waitForSelector('#rr-state');
  const results = await page.evaluate(async (cases) => {
    const url = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .find((n) => /\/markdown\.[^/]*js$/.test(n));
    const { render } = await import(url);
    return cases.map((c) => {
      const div = document.createElement('div');
      div.append(render(c.input));
      return { name: c.name, html: div.innerHTML };
    });
  }, CASES);
  // Every case at once, so one run names all that differ.
  assert.deepEqual(
    results,
    CASES.map((c) => ({ name: c.name, html: c.html })),
  );
  await context.close();
});
