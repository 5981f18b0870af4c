// The production code path end to end: submit-fn under `cargo lambda watch` (the Lambda runtime
// API, HTTP requests turned into function URL events, API Gateway v2 format) storing in dynalite
// through DynamoStore, behind front.mjs (the site and /api/* as CloudFront serves them). The HTTP
// part of the API suite (generator/tests/serve_flow.rs's flow, the error shapes) and one
// candidate in the browser. Run by scripts/test.d/45-lambda.sh, which starts dynalite and puts
// cargo-lambda on PATH.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { addLineComment, FILE, firstAddedLines, started, submit, waitSaved } from '../flow.mjs';
import { BIN, freePort, ROOT, shot } from '../harness.mjs';
import { startFront } from './front.mjs';
import { startLambda } from './runtime.mjs';

const DYNAMODB = process.env.REVIEWROOM_TEST_DYNAMODB;
const ORIGIN_SECRET = 'origin-secret-of-the-test';
const FIXTURE = path.join(ROOT, 'generator/tests/fixtures/scenarios/demo-review');

let root;
let env;
let lambda;
let front;
let base;

function cli(...args) {
  return execFileSync(BIN, ['--root', root, ...args], { encoding: 'utf8', env });
}

function invite(candidate) {
  const run = spawnSync(BIN, ['--root', root, 'invite', 'demo-review', '--candidate', candidate], {
    encoding: 'utf8',
    env,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  const link = run.stdout.trim();
  return {
    id: run.stderr.match(/invite ([a-z2-7]{16})/)[1],
    link,
    token: link.split('#invite=')[1],
    page: link.slice(base.length).split('#')[0],
  };
}

async function api(method, route, token, body, headers = {}) {
  const answer = await fetch(`${base}/api${route}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await answer.text();
  return { status: answer.status, headers: answer.headers, json: text ? JSON.parse(text) : null };
}

before(async () => {
  assert.ok(
    DYNAMODB,
    'REVIEWROOM_TEST_DYNAMODB (run scripts/test.sh lambda, which starts dynalite)',
  );
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-lambda-'));
  fs.cpSync(FIXTURE, path.join(root, 'scenarios/demo-review'), { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const table = `reviewroom-lambda-${process.pid}`;
  fs.writeFileSync(
    path.join(root, 'reviewroom.toml'),
    [
      `base_url = "${base}"`,
      '[store]',
      'kind = "dynamodb"',
      `table = "${table}"`,
      'region = "us-east-1"',
      `endpoint_url = "${DYNAMODB}"`,
      '',
    ].join('\n'),
  );
  env = {
    ...process.env,
    REVIEWROOM_SECRET: execFileSync(BIN, ['secret', 'new'], { encoding: 'utf8' }).trim(),
  };
  cli('--quiet', 'build');
  // The first invite creates the table in dynalite, before the Lambda reads it.
  invite('Table maker');
  lambda = await startLambda({
    REVIEWROOM_TABLE: table,
    REVIEWROOM_DYNAMODB_ENDPOINT: DYNAMODB,
    REVIEWROOM_ORIGIN_VERIFY: ORIGIN_SECRET,
  });
  front = await startFront({
    dist: path.join(root, 'dist'),
    lambdaUrl: lambda.url,
    originSecret: ORIGIN_SECRET,
    port,
  });
});

after(async () => {
  if (front) {
    front.closeAllConnections();
    await new Promise((resolve) => front.close(resolve));
  }
  if (lambda) await lambda.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

test('the candidate API through the Lambda runtime, stored in DynamoDB', async () => {
  const inv = invite('Api Candidate');
  const health = await api('GET', '/health');
  assert.equal(health.status, 200);

  let r = await api('GET', '/session', inv.token);
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.state, 'not_started');
  assert.equal(r.headers.get('cache-control'), 'no-store');
  r = await api('POST', '/session/start', inv.token);
  assert.equal(r.status, 200);
  assert.equal(r.json.state, 'started');

  const comment = {
    id: 'c1',
    file: FILE,
    side: 'modified',
    start_line: 1,
    end_line: 1,
    body: 'why?',
    updated_at: '2026-01-01T00:00:00Z',
  };
  const first = { version: 0, save_id: 'save-1', review: { summary: 'first' } };
  r = await api('PUT', '/draft', inv.token, first);
  assert.deepEqual([r.status, r.json.version], [200, 1], JSON.stringify(r.json));
  r = await api('PUT', '/draft', inv.token, first);
  assert.deepEqual([r.status, r.json.version], [200, 1], 'a retried save');
  r = await api('PUT', '/draft', inv.token, {
    version: 0,
    save_id: 'save-x',
    review: { summary: 'stale' },
  });
  assert.deepEqual([r.status, r.json.error.code, r.json.version], [409, 'version_conflict', 1]);
  r = await api('PUT', '/draft', inv.token, {
    version: 1,
    save_id: 'save-2',
    review: { summary: 'second', comments: [comment] },
  });
  assert.deepEqual([r.status, r.json.version], [200, 2]);

  const submission = {
    submission_id: 'sub-1',
    verdict: 'request_changes',
    summary: 'final',
    comments: [comment],
    elapsed_seconds: 1,
  };
  const created = await api('POST', '/submissions', inv.token, submission);
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const replay = await api('POST', '/submissions', inv.token, submission);
  assert.deepEqual([replay.status, replay.json], [200, created.json]);
  r = await api('POST', '/submissions', inv.token, { ...submission, submission_id: 'sub-2' });
  assert.deepEqual(
    [r.status, r.json.error.code, r.json.submission_id],
    [409, 'already_submitted', 'sub-1'],
  );

  // Read back from DynamoDB by the CLI, as an interviewer's export does.
  const record = JSON.parse(cli('export', '--invite', inv.id, '--format', 'json')).records[0];
  assert.equal(record.status, 'submitted');
  assert.equal(record.review.summary, 'final');
  assert.equal(record.review.comments[0].file, FILE);
});

test('errors keep their status and JSON shape through the event conversion', async () => {
  const inv = invite('Error Candidate');
  let r = await api('GET', '/session', `rr1_${'A'.repeat(22)}`);
  assert.deepEqual([r.status, r.json.error.code], [401, 'invite_not_found']);
  r = await api('GET', '/session', 'not-a-token');
  assert.deepEqual([r.status, r.json.error.code], [401, 'invalid_token']);
  r = await api('PUT', '/draft', inv.token, {
    version: 0,
    save_id: 's',
    review: {
      summary: 'x',
      comments: [
        { id: 'c', file: FILE, side: 'modified', start_line: 'one', end_line: 1, body: 'b' },
      ],
    },
  });
  assert.equal(r.status, 422, JSON.stringify(r.json));
  assert.equal(r.json.error.field, '/review/comments/0/start_line');
  r = await api('PUT', '/draft', inv.token, 'not json');
  assert.deepEqual([r.status, r.json.error.code], [400, 'malformed_json']);
  r = await api('PUT', '/draft', inv.token, {
    version: 0,
    save_id: 's',
    review: { summary: 'x'.repeat(300 * 1024) },
  });
  assert.deepEqual([r.status, r.json.error.code], [413, 'payload_too_large']);
  r = await api('GET', '/nothing/here', inv.token);
  assert.deepEqual([r.status, r.json.error.code], [404, 'not_found']);
  cli('invite', '--revoke', inv.id);
  r = await api('GET', '/session', inv.token);
  assert.deepEqual([r.status, r.json.error.code], [403, 'invite_revoked']);

  // Straight to the function URL, without CloudFront's header: the JSON 404, nothing read.
  const direct = await fetch(`${lambda.url}/api/health`);
  assert.equal(direct.status, 404);
  assert.equal((await direct.json()).error.code, 'not_found');
});

test('a candidate reviews in the browser: the page from the site, the API from the Lambda', async () => {
  const inv = invite('Browser Candidate');
  const bare = await fetch(`${base}${inv.page.replace(/\/$/, '')}`, { redirect: 'manual' });
  assert.equal(bare.status, 301, 'the CloudFront Function redirects /s/<k>');
  const { context, page } = await started(inv.link);
  const [line] = await firstAddedLines(page, 1);
  await addLineComment(page, line, 'Retries never stop', 'major');
  await waitSaved(page);
  await submit(page);
  await page.waitForSelector('.rr-page-done', { timeout: 15000 });
  await shot(page, 'lambda-submitted');
  assert.deepEqual(context.errors, []);
  await context.close();

  const record = JSON.parse(cli('export', '--invite', inv.id, '--format', 'json')).records[0];
  assert.equal(record.status, 'submitted');
  assert.equal(record.review.verdict, 'request_changes');
  assert.deepEqual(
    [record.review.comments[0].body, record.review.comments[0].start_line],
    ['Retries never stop', line],
  );
});
