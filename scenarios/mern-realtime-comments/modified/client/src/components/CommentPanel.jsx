import { useEffect, useState } from 'react';

import { fetchComments, postComment } from '../api/comments';
import { useCommentSocket } from '../hooks/useCommentSocket';
import { highlight } from '../lib/highlight';

const POLL_INTERVAL_MS = 5000;

export default function CommentPanel({ taskId }) {
  const [comments, setComments] = useState([]);
  const [nextCursor, setNextCursor] = useState(null);
  const [search, setSearch] = useState('');
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetchComments(taskId, { search })
        .then((page) => {
          if (cancelled) return;
          setComments(page.items);
          setNextCursor(page.nextCursor);
        })
        .catch(() => {
          if (!cancelled) setError('Could not load comments');
        });
    load();
    const timer = setInterval(load, POLL_INTERVAL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [taskId]);

  useCommentSocket(taskId, (comment) => {
    setComments((current) => [...current, comment]);
  });

  async function handleSearch(event) {
    event.preventDefault();
    try {
      const page = await fetchComments(taskId, { search });
      setComments(page.items);
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError('Could not load comments');
    }
  }

  async function loadOlder() {
    try {
      const page = await fetchComments(taskId, { cursor: nextCursor, search });
      setComments((current) => [...current, ...page.items]);
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError('Could not load older comments');
    }
  }

  async function handleSubmit(event) {
    event.preventDefault();
    if (!draft.trim()) return;
    setSending(true);
    try {
      const created = await postComment(taskId, draft.trim());
      setComments((current) => [created, ...current]);
      setDraft('');
    } catch (err) {
      setError('Could not post your comment');
    } finally {
      setSending(false);
    }
  }

  return (
    <section className="comment-panel" aria-label="Comments">
      {error && <p role="alert">{error}</p>}
      <form className="comment-panel__search" onSubmit={handleSearch}>
        <input
          type="search"
          placeholder="Search comments"
          aria-label="Search comments"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </form>
      <form onSubmit={handleSubmit}>
        <label htmlFor="comment-draft">Add a comment</label>
        <textarea id="comment-draft" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={sending}>
          Post
        </button>
      </form>
      <ol className="comment-panel__list">
        {comments.map((comment) => (
          <li key={comment._id} className="comment">
            <span className="comment__author">{comment.authorId?.name}</span>
            <p
              className="comment__body"
              dangerouslySetInnerHTML={{ __html: highlight(comment.body, search) }}
            />
          </li>
        ))}
      </ol>
      {nextCursor && (
        <button type="button" onClick={loadOlder}>
          Load older comments
        </button>
      )}
    </section>
  );
}
