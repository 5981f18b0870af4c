// Measurement (not CI; run by scripts/bench.sh): on the largest scenario's page served by
// `reviewroom serve`, navigation-to-interactive time (until the page script has enhanced the
// page) and DOM node count, beside diff2html-cli's rendering of the same diff opened in the
// same browser; the page script and stylesheet sizes, raw and gzipped; the largest page's
// total transfer (every response of one load).
//   node tests-browser/measure.mjs [SCENARIOS_DIR] [RUNS]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
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
execFileSync(d2h, ['-s', 'line', '-i', 'file', '-F', d2hOut, '--', path.join(work, 'in.diff')]);

const server = await new Server(work, await freePort()).start();
const context = await browser();
const page = await firstPage(context);
const best = async (url, ready) => {
  let ms = Infinity;
  let nodes = 0;
  for (let i = 0; i < runs; i += 1) {
    await page.goto('about:blank');
    const start = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(ready, null, { timeout: 60000, polling: 'raf' });
    ms = Math.min(ms, Date.now() - start);
    nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  }
  return { ms, nodes };
};
// A first load of our page on an empty cache, counting every response: what a candidate downloads.
const fetched = [];
const onResponse = (r) =>
  fetched.push(
    r.body().then(
      (b) => {
        if (process.env.MEASURE_DEBUG) console.error(r.status(), r.url(), b.length);
        return b;
      },
      () => Buffer.alloc(0),
    ),
  );
page.on('response', onResponse);
await page.goto(server.demo.split('#')[0], { waitUntil: 'networkidle' });
page.off('response', onResponse);
const bodies = await Promise.all(fetched);
const transfer = {
  files: bodies.length,
  raw: bodies.reduce((n, b) => n + b.length, 0),
  gzip: bodies.reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0),
};
const ours = await best(
  server.demo.split('#')[0],
  () => document.querySelector('#rr-state') && document.readyState !== 'loading',
);
const theirs = await best(`file://${d2hOut}`, () => document.readyState === 'complete');
await context.close();
await server.stop();

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
console.log(
  `largest scenario: ${largest} (${diff.split('\n').length} diff lines), best of ${runs}`,
);
console.log(`reviewroom page: navigation to interactive ${ours.ms} ms, ${ours.nodes} DOM elements`);
console.log(
  `diff2html-cli (line-by-line): navigation to load ${theirs.ms} ms, ${theirs.nodes} DOM elements`,
);
for (const line of assets) console.log(line);
console.log(
  `largest page, total transfer: ${transfer.files} responses (page, scripts, stylesheets; no invite, so no API call), ${transfer.raw} B raw, ${transfer.gzip} B gzip`,
);
fs.rmSync(work, { recursive: true, force: true });
