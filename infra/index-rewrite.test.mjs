// The CloudFront Function of template.yaml (IndexRewriteFunction), run in node on the
// viewer-request events it will see. The code is read out of the template's FunctionCode
// block (cloudfront-function.mjs), so the test runs exactly what is deployed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import test from 'node:test';
import vm from 'node:vm';
import { functionCode, TEMPLATE } from './cloudfront-function.mjs';

const code = functionCode(fs.readFileSync(TEMPLATE, 'utf8'));
const handler = vm.runInNewContext(`${code}\nhandler;`, {});

/** A viewer-request event as CloudFront Functions (cloudfront-js-2.0) passes it. */
function event(uri, querystring = {}) {
  return {
    version: '1.0',
    context: {
      distributionDomainName: 'd111111abcdef8.cloudfront.net',
      distributionId: 'EDFDVBD6EXAMPLE',
      eventType: 'viewer-request',
      requestId: 'r1',
    },
    viewer: { ip: '198.51.100.7' },
    request: {
      method: 'GET',
      uri,
      querystring,
      headers: { host: { value: 'd111111abcdef8.cloudfront.net' } },
      cookies: {},
    },
  };
}

const KEY = 'k7q2m4x9c3v8b5n6';

test('the block read from the template is the handler', () => {
  assert.match(code, /^function handler\(event\) \{/);
  assert.equal(typeof handler, 'function');
});

test('a folder serves its index.html, with the query string kept', () => {
  const query = { ref: { value: 'mail' } };
  for (const [uri, rewritten] of [
    [`/s/${KEY}/`, `/s/${KEY}/index.html`],
    ['/', '/index.html'],
  ]) {
    const out = handler(event(uri, query));
    assert.equal(out.uri, rewritten);
    assert.deepEqual(out.querystring, query);
    assert.equal(out.statusCode, undefined);
  }
});

test('a scenario link without its slash redirects to the folder, query string kept', () => {
  const plain = handler(event(`/s/${KEY}`));
  assert.equal(plain.statusCode, 301);
  assert.equal(plain.headers.location.value, `/s/${KEY}/`);
  const queried = handler(
    event(`/s/${KEY}`, {
      a: { value: '1' },
      tag: { value: 'x', multiValue: [{ value: 'x' }, { value: 'y%20z' }] },
      flag: { value: '' },
    }),
  );
  assert.equal(queried.statusCode, 301);
  assert.equal(queried.headers.location.value, `/s/${KEY}/?a=1&tag=x&tag=y%20z&flag`);
});

test('assets, pages and the API pass through unchanged', () => {
  for (const uri of [
    '/assets/app.3f9a1c.js',
    '/assets/page.77b0e2.css',
    `/s/${KEY}/index.html`,
    '/404.html',
    '/favicon.ico',
    '/api/session',
    '/api/session/start',
    '/api/draft',
    '/api/',
  ]) {
    const out = handler(event(uri, { v: { value: '2' } }));
    assert.equal(out.uri, uri, uri);
    assert.equal(out.statusCode, undefined, uri);
  }
});

test('no redirect leaves the site: other extensionless paths go to S3 (and its 404)', () => {
  for (const uri of ['//evil.example', '/s', `/s/${KEY}/extra`, '/s/a.b', '/robots']) {
    const out = handler(event(uri));
    assert.equal(out.statusCode, undefined, uri);
    assert.equal(out.uri, uri, uri);
  }
});
