// Measurement (not CI; run by scripts/bench.sh): the largest scenario's page served by
// `reviewroom serve` beside diff2html-cli's rendering of the same diff, served from the same
// loopback by a bare node server and opened in the same browser, one after the other in each
// run: DOM-interactive (the navigation timing's domInteractive), DOM elements and nodes once
// loaded (after each page's own script ran), the HTML document's size raw and gzipped, and
// every response of one load. Requests to other origins (diff2html's template links two
// stylesheets from a CDN) are aborted for both, so neither waits on the network.
//   node tests-browser/measure.mjs [SCENARIOS_DIR] [RUNS]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { browser, page as firstPage, freePort, ROOT, Server } from './harness.mjs';

const scenarios = path.resolve(process.argv[2] || path.join(ROOT, 'scenarios'));
const runs = Number(process.argv[3] || 5);
const size = (dir) =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size, 0);
const largest = fs
  .readdirSync(scenarios)
  .filter((s) => fs.existsSync(path.join(scenarios, s, 'scenario.toml')))
  .map((s) => [s, size(path.join(scenarios, s))])
  .sort((a, b) => b[1] - a[1])[0][0];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-measure-'));
fs.cpSync(path.join(scenarios, largest), path.join(work, 'scenarios', largest), {
  recursive: true,
});
const diff = spawnSync(
  'git',
  ['diff', '--no-index', '--histogram', '--no-color', 'original', 'modified'],
  { cwd: path.join(scenarios, largest), encoding: 'utf8', maxBuffer: 1 << 28 },
).stdout;
fs.writeFileSync(path.join(work, 'in.diff'), diff);
const nodeDir = path.join(ROOT, 'target/bench-node');
const d2h = path.join(nodeDir, 'node_modules/.bin/diff2html');
if (!fs.existsSync(d2h))
  execFileSync(
    'npm',
    ['install', '--silent', '--no-audit', '--no-fund', '--prefix', nodeDir, 'diff2html-cli'],
    { stdio: 'inherit' },
  );
const d2hOut = path.join(work, 'd2h.html');
execFileSync(d2h, [
  '-s',
  'line',
  '-f',
  'html',
  '-i',
  'file',
  '-F',
  d2hOut,
  '--',
  path.join(work, 'in.diff'),
]);

const server = await new Server(work, await freePort()).start();
const d2hPort = await freePort();
const d2hServer = http
  .createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(fs.readFileSync(d2hOut));
  })
  .listen(d2hPort, '127.0.0.1');
const ourUrl = server.demo.split('#')[0];
const theirUrl = `http://127.0.0.1:${d2hPort}/`;

const context = await browser();
await context.route(
  (url) =>
    !['127.0.0.1', 'localhost'].includes(url.hostname) &&
    url.protocol !== 'about:' &&
    url.protocol !== 'data:',
  (route) => route.abort(),
);
const page = await firstPage(context);

/** One load: every response's body, then the figures once the page's scripts ran. */
async function load(url, ready) {
  const fetched = [];
  const onResponse = (r) =>
    fetched.push(
      r.body().then(
        (b) => ({ document: r.request().resourceType() === 'document', b }),
        () => ({ b: Buffer.alloc(0) }),
      ),
    );
  page.on('response', onResponse);
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(ready, null, { timeout: 60000 });
  page.off('response', onResponse);
  const responses = await Promise.all(fetched);
  const bodies = responses.map((r) => r.b);
  const html = responses.find((r) => r.document).b;
  const figures = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let nodes = 0;
    while (walker.nextNode()) nodes += 1;
    return {
      interactive: nav.domInteractive,
      loaded: nav.loadEventEnd,
      elements: document.getElementsByTagName('*').length,
      nodes,
    };
  });
  const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
  return {
    ...figures,
    html: html.length,
    htmlGzip: gz(html),
    files: bodies.length,
    raw: bodies.reduce((n, b) => n + b.length, 0),
    gzip: bodies.reduce((n, b) => n + gz(b), 0),
  };
}

const sides = { ours: [], theirs: [] };
for (let i = 0; i < runs; i += 1) {
  sides.ours.push(
    await load(
      ourUrl,
      () => document.querySelector('#rr-state') && document.readyState === 'complete',
    ),
  );
  sides.theirs.push(await load(theirUrl, () => document.readyState === 'complete'));
}
await context.close();
await server.stop();
d2hServer.close();

const best = (list, key) => Math.min(...list.map((r) => r[key]));
const [ours, theirs] = [sides.ours, sides.theirs].map((list) => ({
  ...list[0],
  interactive: best(list, 'interactive'),
  loaded: best(list, 'loaded'),
}));
const ratio = (a, b) => (a / b).toFixed(3);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const row = (label, a, b, unit = (n) => String(n)) =>
  console.log(
    `  ${label.padEnd(30)} ${unit(a).padStart(11)} ${unit(b).padStart(11)}   ${ratio(a, b)}`,
  );
const ms = (n) => `${n.toFixed(1)} ms`;
console.log(
  `largest page: ${largest} (${diff.split('\n').length} diff lines), best of ${runs} alternating loads`,
);
console.log(`  ${''.padEnd(30)} ${'reviewroom'.padStart(11)} ${'diff2html'.padStart(11)}   ratio`);
row('DOM-interactive', ours.interactive, theirs.interactive, ms);
row('load event end', ours.loaded, theirs.loaded, ms);
row('DOM elements at load', ours.elements, theirs.elements);
row('DOM nodes at load (all kinds)', ours.nodes, theirs.nodes);
row('HTML document', ours.html, theirs.html, kib);
row('HTML document, gzip -9', ours.htmlGzip, theirs.htmlGzip, kib);
row('every response, gzip -9', ours.gzip, theirs.gzip, kib);
// What any page that can show every line of the change must carry at least: the modified
// side's text alone, no markup, gzipped the same way.
const modifiedText = Buffer.concat(
  fs
    .readdirSync(path.join(scenarios, largest, 'modified'), {
      recursive: true,
      withFileTypes: true,
    })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath ?? e.path, e.name))),
);
row(
  'floor: modified text, gzip -9',
  zlib.gzipSync(modifiedText, { level: 9 }).length,
  theirs.htmlGzip,
  kib,
);
console.log(
  `  (every response: ${ours.files} for reviewroom's page, scripts and stylesheets; ${theirs.files} for diff2html's, its script inline)`,
);
const assets = ['js', 'css'].map((kind) => {
  const dir = path.join(ROOT, 'themes/default/static', kind);
  const files = kind === 'js' ? fs.readdirSync(dir).filter((f) => f.endsWith('.js')) : ['app.css'];
  const text = Buffer.concat(files.map((f) => fs.readFileSync(path.join(dir, f))));
  const gzip = files.reduce(
    (n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length,
    0,
  );
  return `${kind === 'js' ? 'page script (js/*.js)' : 'page stylesheet (css/app.css)'}: ${text.length} B raw, ${gzip} B gzip (per-file sum)`;
});
for (const line of assets) console.log(line);
fs.rmSync(work, { recursive: true, force: true });
