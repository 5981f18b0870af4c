// Test harness: a temp project with the fixture scenarios, `reviewroom serve` on a free port
// (SQLite store), invites minted through the CLI, and Debian's chromium driven by
// playwright-core with a fresh profile per browser.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The debug build `cargo test` makes, so CI builds one profile; scripts/bench.sh sets
// REVIEWROOM_BIN to its release build.
export const BIN = process.env.REVIEWROOM_BIN || path.join(ROOT, 'target/debug/reviewroom');
export const SHOTS = path.join(ROOT, 'target/screenshots');
const FIXTURE = path.join(ROOT, 'generator/tests/fixtures/scenarios/demo-review');

export function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The long file of demo-long: 400 lines, a change every 50, one line far wider than a phone. */
export const LONG_FILE = 'src/generated/deeply/nested/reconciliation_service_client.ts';

function longFile(modified) {
  const lines = [];
  for (let i = 1; i <= 400; i += 1) {
    const changed = modified && i % 50 === 25;
    lines.push(
      `export const value${i} = compute(${changed ? `${i}, { retries: 3 }` : i}); // line ${i}`,
    );
  }
  lines[10] = `export const aVeryLongIdentifierThatKeepsGoingForTheWholeWidthOfTheScreen = ${'someFunctionName('.repeat(6)}1${')'.repeat(6)};`;
  return `${lines.join('\n')}\n`;
}

/**
 * A project folder with demo-review, a copy of it as demo-two (another scenario) and demo-long
 * (demo-review plus a 400-line file in a deep folder). `REVIEWROOM_TEST_THEME` (a theme folder)
 * makes the build use it instead of the embedded theme: edit the page, rerun, no rebuild.
 */
export function makeProject() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-browser-'));
  fs.cpSync(FIXTURE, path.join(dir, 'scenarios/demo-review'), { recursive: true });
  fs.cpSync(FIXTURE, path.join(dir, 'scenarios/demo-two'), { recursive: true });
  const toml = path.join(dir, 'scenarios/demo-two/scenario.toml');
  fs.writeFileSync(
    toml,
    fs.readFileSync(toml, 'utf8').replace(/^title = .*$/m, 'title = "Second fixture"'),
  );
  const long = path.join(dir, 'scenarios/demo-long');
  fs.cpSync(FIXTURE, long, { recursive: true });
  for (const side of ['original', 'modified']) {
    fs.mkdirSync(path.dirname(path.join(long, side, LONG_FILE)), { recursive: true });
    fs.writeFileSync(path.join(long, side, LONG_FILE), longFile(side === 'modified'));
  }
  if (process.env.REVIEWROOM_TEST_THEME) {
    fs.writeFileSync(
      path.join(dir, 'reviewroom.toml'),
      `theme = ${JSON.stringify(path.resolve(process.env.REVIEWROOM_TEST_THEME))}\n`,
    );
  }
  return dir;
}

export function cli(root, ...args) {
  const env = { ...process.env };
  delete env.REVIEWROOM_SECRET;
  return execFileSync(BIN, ['--root', root, ...args], { encoding: 'utf8', env });
}

/** Mints an invite; returns {id, path, token} and `link` on `base`. */
export function invite(root, scenario, ...flags) {
  const env = { ...process.env };
  delete env.REVIEWROOM_SECRET;
  const run = spawnSync(
    BIN,
    ['--root', root, 'invite', 'new', scenario, '--candidate', 'Test Candidate', ...flags],
    { encoding: 'utf8', env },
  );
  const out = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(out);
  const printed = out.match(/https?:\/\/[^/\s]+(\/\S+#invite=\S+)/);
  const id = out.match(/invite ([a-z2-7]{16})/)[1];
  return {
    id,
    path: printed[1],
    token: printed[1].split('#invite=')[1],
    link: (base) => base + printed[1],
  };
}

export class Server {
  constructor(root, port) {
    this.root = root;
    this.port = port;
  }

  /** Starts `reviewroom serve --demo` (its demo link gives the page's address) and resolves once it prints where it serves. */
  start() {
    return new Promise((resolve, reject) => {
      const env = { ...process.env };
      delete env.REVIEWROOM_SECRET;
      this.proc = spawn(
        BIN,
        ['--root', this.root, 'serve', '--demo', '--port', String(this.port)],
        { env },
      );
      let out = '';
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 60000);
      const onData = (chunk) => {
        out += chunk;
        if (/serving .* on http/.test(out)) {
          clearTimeout(timer);
          this.demo = out.match(/https?:\/\/\S+#invite=\S+/)?.[0];
          resolve(this);
        }
      };
      this.proc.stdout.on('data', onData);
      this.proc.stderr.on('data', onData);
      this.proc.on('exit', (code) => {
        if (code) reject(new Error(`serve exited ${code}:\n${out}`));
      });
    });
  }

  stop() {
    return stopChild(this.proc);
  }

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }
}

export async function browser(options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    ...options,
  });
  const errors = [];
  context.on('page', (page) => page.on('pageerror', (e) => errors.push(e.message)));
  for (const page of context.pages()) page.on('pageerror', (e) => errors.push(e.message));
  context.errors = errors;
  return context;
}

export async function page(context) {
  return context.pages()[0] || context.newPage();
}

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/** Clicks the line-number cell of `side` line `line` in the first file that has it. */
export function lineCell(page, file, side, line) {
  const cell = side === 'original' ? 'td.ln-original' : 'td.ln-modified';
  return page
    .locator(
      `details.file[data-file="${file}"] table.diff:not([hidden]) tr.row[data-${side}="${line}"] ${cell}, details.file[data-file="${file}"] table.diff:not([hidden]) tr.row[data-${side}="${line}"] td.ln[data-side="${side}"][data-line="${line}"]`,
    )
    .first();
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axe(page) {
  const source = fs.readFileSync(
    path.join(ROOT, 'tests-browser/node_modules/axe-core/axe.min.js'),
    'utf8',
  );
  await page.evaluate(source);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('; ')})`,
    );
}

export function exportJson(root, id) {
  return JSON.parse(cli(root, 'export', '--invite', id, '--format', 'json'));
}

const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

/** An interviewer's document (`file`, no script) in light and dark at desktop and phone width:
 * axe-clean, no sideways scroll, screenshots `documents-NAME-*`; returns each body colour. */
export async function look(file, name) {
  const seen = [];
  for (const scheme of ['light', 'dark']) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      const context = await browser({ bypassCSP: true, colorScheme: scheme, viewport });
      const tab = await page(context);
      await tab.goto(`file://${file}`);
      const violations = await axe(tab);
      assert.deepEqual(violations, [], `${name} ${scheme} ${size}`);
      const wide = await tab.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      assert.equal(wide, false, `${name} ${scheme} ${size}: the page scrolls sideways`);
      seen.push(await tab.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await shot(tab, `documents-${name}-${scheme}-${size}`);
      await context.close();
    }
  }
  assert.notEqual(seen[0], seen[2], `${name}: dark differs from light`);
  return seen;
}

/** Stops a child process (SIGTERM) and waits for its exit; one that has exited already is left. */
export function stopChild(proc) {
  return new Promise((resolve) => {
    // A child killed by a signal has no exit code, only a signal code.
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
  });
}

/**
 * Where the first element matching `selector` whose text includes `text` wraps: the character
 * before each of its lines' first, read from where each character is drawn.
 */
export function wrapsAfter(page, selector, text) {
  return page.evaluate(
    ([selector, text]) => {
      const element = [...document.querySelectorAll(selector)].find((e) =>
        e.textContent.includes(text),
      );
      const chars = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          chars.push({ char: node.data[i], top: range.getBoundingClientRect().top });
        }
      }
      return chars.slice(1).flatMap((c, i) => (c.top > chars[i].top + 1 ? [chars[i].char] : []));
    },
    [selector, text],
  );
}

/**
 * The demo project served for a whole test file: `root` and `server` are set before its first
 * test, and the server stops after its last.
 */
export function servedProject() {
  const served = {};
  before(async () => {
    served.root = makeProject();
    served.server = await new Server(served.root, await freePort()).start();
  });
  after(async () => {
    await served.server?.stop();
  });
  return served;
}
