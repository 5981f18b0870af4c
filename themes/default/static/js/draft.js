// The review being written: kept in localStorage at every edit (keyed by invite id, or the page
// for a preview), shared by the tabs through the `storage` event, merged on a version conflict.
import { randomId } from './dom.js';

export function emptyReview() {
  return { summary: '', comments: [], elapsed_seconds: 0 };
}

/**
 * Comments by id from both sides, the later `updated_at` winning; deletions stay as
 * tombstones so a merge never brings them back. Summary and verdict: ours when we changed them
 * since the last save the server acknowledged, else theirs.
 */
export function merge(ours, theirs, oursSummaryDirty) {
  const byId = new Map();
  for (const c of theirs.comments || []) byId.set(c.id, c);
  for (const c of ours.comments || []) {
    const other = byId.get(c.id);
    if (!other || String(c.updated_at) >= String(other.updated_at)) byId.set(c.id, c);
  }
  const useOurs = oursSummaryDirty;
  const merged = {
    summary: useOurs ? ours.summary : (theirs.summary ?? ours.summary),
    comments: Array.from(byId.values()),
    elapsed_seconds: Math.max(ours.elapsed_seconds || 0, theirs.elapsed_seconds || 0),
  };
  const verdict = useOurs ? ours.verdict : (theirs.verdict ?? ours.verdict);
  if (verdict) merged.verdict = verdict;
  return merged;
}

export class Draft {
  /** `owner` is the invite id, or null for a preview of the page. */
  constructor(owner) {
    this.owner = owner;
    this.key = owner ? `rr:draft:${owner}` : `rr:draft:preview:${location.pathname}`;
    this.listeners = [];
    this.load();
    window.addEventListener('storage', (event) => {
      if (event.key === this.key && event.newValue) {
        this.load();
        for (const fn of this.listeners) fn('other-tab');
      }
    });
  }

  load() {
    let saved = null;
    try {
      saved = JSON.parse(localStorage.getItem(this.key) || 'null');
    } catch {
      saved = null;
    }
    this.review = saved?.review || emptyReview();
    this.version = saved?.version || 0;
    this.saveId = saved?.saveId || null;
    this.dirty = Boolean(saved?.dirty);
    this.summaryDirty = Boolean(saved?.summaryDirty);
    this.submissionId = saved?.submissionId || null;
  }

  persist() {
    const { review, version, saveId, dirty, summaryDirty, submissionId } = this;
    localStorage.setItem(
      this.key,
      JSON.stringify({ review, version, saveId, dirty, summaryDirty, submissionId }),
    );
  }

  onChange(fn) {
    this.listeners.push(fn);
  }

  /** Applies an edit, stores it at once and tells the listeners (the server sync among them). */
  edit(change, { summary = false } = {}) {
    change(this.review);
    this.dirty = true;
    this.saveId = null;
    if (summary) this.summaryDirty = true;
    this.persist();
    for (const fn of this.listeners) fn('edit');
  }

  /** Live comments (no tombstones). */
  comments() {
    return this.review.comments.filter((c) => !c.deleted);
  }

  upsertComment(comment) {
    this.edit((review) => {
      const now = new Date().toISOString();
      const index = review.comments.findIndex((c) => c.id === comment.id);
      const next = { ...comment, updated_at: now };
      if (index >= 0) review.comments[index] = next;
      else review.comments.push({ ...next, id: comment.id || randomId() });
    });
  }

  deleteComment(id) {
    this.edit((review) => {
      const c = review.comments.find((x) => x.id === id);
      if (c) {
        c.deleted = true;
        c.updated_at = new Date().toISOString();
      }
    });
  }

  /** Undoes a deletion: the comment comes back with a newer `updated_at`, so merges keep it. */
  restoreComment(id) {
    this.edit((review) => {
      const c = review.comments.find((x) => x.id === id);
      if (c) {
        delete c.deleted;
        c.updated_at = new Date().toISOString();
      }
    });
  }

  /** The id to save with, made once per content and kept across retries of it. */
  currentSaveId() {
    if (!this.saveId) {
      this.saveId = randomId();
      this.persist();
    }
    return this.saveId;
  }

  acknowledge(version, sentSaveId) {
    this.version = version;
    if (this.saveId === sentSaveId) {
      this.dirty = false;
      this.summaryDirty = false;
    }
    this.persist();
  }

  adoptConflict(version, theirs) {
    this.review = merge(this.review, theirs || emptyReview(), this.summaryDirty);
    this.version = version;
    this.dirty = true;
    this.saveId = null;
    this.persist();
    for (const fn of this.listeners) fn('merged');
  }

  /**
   * The review as the API takes it. Tombstones only in drafts. A draft carries the files viewed
   * now (`viewedFiles`, set by the page); the final review the list `snapshotViewed` fixed with
   * its submission id, so a retried submission sends the same body.
   */
  payload({ final = false } = {}) {
    const review = structuredClone(this.review);
    if (final)
      review.comments = review.comments.filter((c) => !c.deleted).map(({ deleted, ...c }) => c);
    else if (this.viewedFiles) review.viewed_files = this.viewedFiles();
    return review;
  }

  /** Fixes the viewed files in the review, once per submission id. */
  snapshotViewed() {
    if (this.viewedFiles) this.review.viewed_files = this.viewedFiles();
  }

  clear() {
    localStorage.removeItem(this.key);
  }
}
