// A stand-in for the CloudFront distribution of infra/template.yaml in front of the Lambda
// stage: the built site from dist/ through the template's own viewer-request function (index
// rewrite, /s/<k> redirect), a miss answered with /404.html and status 404 (the distribution's
// error response), and /api/* forwarded to submit-fn's function URL under `cargo lambda watch`
// with the X-Origin-Verify header CloudFront adds.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { viewerRequestHandler } from '../../infra/cloudfront-function.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
// Not forwarded: hop-by-hop, and what fetch sets itself.
const DROPPED = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'x-origin-verify',
]);

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function forward(req, res, url, lambdaUrl, originSecret) {
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!DROPPED.has(name)) headers[name] = value;
  }
  headers['x-origin-verify'] = originSecret;
  const body = ['GET', 'HEAD'].includes(req.method) ? undefined : await readBody(req);
  const answer = await fetch(`${lambdaUrl}${url.pathname}${url.search}`, {
    method: req.method,
    headers,
    body,
  });
  const out = {};
  answer.headers.forEach((value, name) => {
    if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name))
      out[name] = value;
  });
  const bytes = Buffer.from(await answer.arrayBuffer());
  res.writeHead(answer.status, { ...out, 'content-length': bytes.length });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function serveFile(res, dist, uri) {
  let relative;
  try {
    relative = decodeURIComponent(uri);
  } catch {
    relative = '';
  }
  const file = path.join(dist, path.normalize(relative));
  const inside =
    file.startsWith(dist + path.sep) && !relative.split('/').some((p) => p.startsWith('.'));
  if (inside && fs.existsSync(file) && fs.statSync(file).isFile()) {
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    return res.end(fs.readFileSync(file));
  }
  res.writeHead(404, { 'content-type': TYPES['.html'] });
  return res.end(fs.readFileSync(path.join(dist, '404.html')));
}

/** Starts the front on 127.0.0.1:`port`; resolves to the http.Server. */
export function startFront({ dist, lambdaUrl, originSecret, port }) {
  const viewerRequest = viewerRequestHandler();
  const root = path.resolve(dist);
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://front');
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        await forward(req, res, url, lambdaUrl, originSecret);
        return;
      }
      const querystring = {};
      for (const [name, value] of url.searchParams) querystring[name] = { value };
      const event = {
        version: '1.0',
        context: { eventType: 'viewer-request' },
        viewer: { ip: '127.0.0.1' },
        request: { method: req.method, uri: url.pathname, querystring, headers: {}, cookies: {} },
      };
      const out = viewerRequest(event);
      if (out.statusCode) {
        const headers = {};
        for (const [name, { value }] of Object.entries(out.headers || {})) headers[name] = value;
        res.writeHead(out.statusCode, headers);
        res.end();
        return;
      }
      serveFile(res, root, out.uri);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`front: ${err.message}`);
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
