// The bar's clock: time left against the invite's deadline, or minutes spent against the
// scenario's suggestion, on the server's time (the offset corrects this device's clock).

import { $ } from './dom.js';

const state = { offset: 0, deadline: null, startedAt: null, limit: null };

/** "1 minute", "45 minutes". */
export const minutes = (seconds) =>
  `${Math.round(seconds / 60)} minute${Math.round(seconds / 60) === 1 ? '' : 's'}`;

/** The invite's time limit in seconds, or null. */
export const timeLimit = () => state.limit;

/** Redraws the clock; called every second. */
export function tick() {
  const timer = $('#rr-timer');
  if (state.deadline) {
    const left = Math.round((state.deadline - (Date.now() + state.offset)) / 1000);
    const abs = Math.abs(left);
    const text = `${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
    timer.textContent =
      left >= 0 ? `${text} left` : `Time is up (${text} over): you can still submit`;
    timer.dataset.kind = left >= 0 ? (left < 300 ? 'warn' : 'ok') : 'late';
  } else if (state.startedAt) {
    const spent = Math.round((Date.now() + state.offset - state.startedAt) / 60000);
    timer.textContent = `${spent} min of a suggested ${document.body.dataset.minutes}`;
  } else {
    // Before the start the header and the "Ready" notice say what the time is.
    timer.textContent = '';
  }
}

/** Takes the times of a session (or a start) answer from the API. */
export function applySession(session) {
  state.offset = Date.parse(session.server_time) - Date.now();
  state.deadline = session.deadline ? Date.parse(session.deadline) : null;
  state.startedAt = session.started_at ? Date.parse(session.started_at) : null;
  state.limit = session.time_limit_seconds ?? null;
  if (state.limit) $('.pr-minutes').textContent = `time box: ${minutes(state.limit)}`;
  tick();
}
