// The CloudFront Function of template.yaml (IndexRewriteFunction), read out of the template's
// FunctionCode block so what runs in node is exactly what is deployed: tested by
// index-rewrite.test.mjs, and run by the Lambda stage's stand-in for CloudFront
// (tests-browser/lambda/front.mjs) on every request for the site.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'template.yaml');

/** The literal block after `FunctionCode: |` in the IndexRewriteFunction resource, dedented. */
export function functionCode(yaml) {
  const lines = yaml.split('\n');
  const resource = lines.findIndex((l) => /^ {2}IndexRewriteFunction:\s*$/.test(l));
  assert.ok(resource >= 0, 'no IndexRewriteFunction in the template');
  const start = lines.findIndex((l, i) => i > resource && /^\s+FunctionCode: \|\s*$/.test(l));
  assert.ok(start > resource, 'no FunctionCode block under IndexRewriteFunction');
  const keyIndent = lines[start].search(/\S/);
  const block = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && line.search(/\S/) <= keyIndent) break;
    block.push(line);
  }
  const indent = Math.min(...block.filter((l) => l.trim()).map((l) => l.search(/\S/)));
  return block.map((l) => l.slice(indent)).join('\n');
}

/** The function's `handler(event)`, compiled from the template. */
export function viewerRequestHandler(template = TEMPLATE) {
  const code = functionCode(fs.readFileSync(template, 'utf8'));
  return vm.runInNewContext(`${code}\nhandler;`, {});
}
