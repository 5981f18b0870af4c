// submit-fn through the Lambda runtime: `cargo lambda watch --only-lambda-apis` serves the
// runtime API and turns each HTTP request into a function URL event (API Gateway v2 format);
// submit-fn is the debug build `cargo test` already made (target/debug/submit-fn), started with
// the environment the emulator names, so the run builds nothing. Logs go to a temp folder
// outside the project (anything written under it would make a watcher rebuild).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, ROOT } from '../harness.mjs';

export const SUBMIT_FN = process.env.SUBMIT_FN_BIN || path.join(ROOT, 'target/debug/submit-fn');

function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitListening(port, what, logs) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (await listening(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on ${port}; logs in ${logs}`);
}

function stopped(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts the emulator and submit-fn with `fnEnv` over this process's environment (AWS
 * credentials and region included); resolves to {url, logs, stop}. `url` is the function URL.
 */
export async function startLambda(fnEnv) {
  const port = await freePort();
  const logs = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-lambda-logs-'));
  const out = (name) => fs.openSync(path.join(logs, name), 'a');
  const watch = spawn(
    'cargo',
    [
      'lambda',
      'watch',
      '--only-lambda-apis',
      '--invoke-address',
      '127.0.0.1',
      '--invoke-port',
      String(port),
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', out('watch.log'), out('watch.log')],
    },
  );
  await waitListening(port, 'cargo lambda watch', logs);
  const fn = spawn(SUBMIT_FN, [], {
    env: {
      ...process.env,
      ...fnEnv,
      // What `cargo lambda watch --only-lambda-apis` says the function needs.
      AWS_LAMBDA_RUNTIME_API: `http://127.0.0.1:${port}/.rt`,
      AWS_LAMBDA_FUNCTION_NAME: '_',
      AWS_LAMBDA_FUNCTION_VERSION: '1',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      RUST_LOG: 'info',
    },
    stdio: ['ignore', out('submit-fn.log'), out('submit-fn.log')],
  });
  const url = `http://127.0.0.1:${port}`;
  // The first invocation waits for the function to poll the runtime API.
  const deadline = Date.now() + 30000;
  for (;;) {
    const answer = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) }).catch(
      () => null,
    );
    if (answer && answer.status === 404 && (await answer.text()).includes('not_found')) break;
    if (fn.exitCode !== null || fn.signalCode !== null || Date.now() > deadline) {
      throw new Error(`submit-fn did not answer through the emulator; logs in ${logs}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    logs,
    async stop() {
      await stopped(fn);
      await stopped(watch);
    },
  };
}
