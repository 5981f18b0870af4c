// Drafts to the server: debounced, one save in flight per tab, a save id per content so a
// retried save never conflicts with itself, a merge on 409 (docs/design.md §5).
import { backoff, RETRYABLE } from './api.js';

const DEBOUNCE_MS = 1200;

export class DraftSync {
  constructor(api, draft, onStatus) {
    this.api = api;
    this.draft = draft;
    this.onStatus = onStatus;
    this.timer = null;
    this.inFlight = false;
    this.attempt = 0;
    this.stopped = false;
    draft.onChange((why) => {
      if (why !== 'other-tab') this.schedule();
    });
    // A change made just before the tab closes or hides is sent now, not on the next load.
    const now = () => this.flush({ keepalive: true });
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') now();
    });
  }

  schedule(delay = DEBOUNCE_MS) {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), delay);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Sends the draft if it changed since the last acknowledged save. */
  async flush({ keepalive = false } = {}) {
    if (this.stopped || this.inFlight || !this.draft.dirty) return;
    clearTimeout(this.timer);
    this.inFlight = true;
    const saveId = this.draft.currentSaveId();
    const review = this.draft.payload();
    this.onStatus('saving', 'Saving…');
    const answer = await this.api.saveDraft(this.draft.version, saveId, review, keepalive);
    this.inFlight = false;
    if (answer.status === 200) {
      this.attempt = 0;
      this.draft.acknowledge(answer.data.version, saveId);
      this.onStatus('saved', `Draft saved at ${new Date().toLocaleTimeString()}`);
      if (this.draft.dirty) this.schedule();
    } else if (answer.status === 409 && answer.code === 'version_conflict') {
      // Another tab or device saved first: merge theirs into ours and save the union.
      this.draft.adoptConflict(answer.data.version, answer.data.review);
      this.onStatus('merged', 'Merged with a draft saved elsewhere');
      this.schedule(0);
    } else if (RETRYABLE.has(answer.status)) {
      this.attempt += 1;
      this.onStatus('offline', 'Saved on this device; server unreachable, retrying');
      await backoff(this.attempt, answer.retryAfter);
      this.schedule(0);
    } else {
      this.onStatus(
        'error',
        `The draft was not saved on the server (${answer.code}); it is kept on this device.`,
      );
      this.stop();
    }
  }
}
