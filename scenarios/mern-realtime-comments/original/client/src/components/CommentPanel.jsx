import { useEffect, useState } from 'react';

import { fetchComments, postComment } from '../api/comments';

const POLL_INTERVAL_MS = 10000;

export default function CommentPanel({ taskId }) {
  const [comments, setComments] = useState([]);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetchComments(taskId)
        .then((rows) => {
          if (!cancelled) setComments(rows);
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

  async function handleSubmit(event) {
    event.preventDefault();
    if (!draft.trim()) return;
    setSending(true);
    try {
      const created = await postComment(taskId, draft.trim());
      setComments((current) => [...current, created]);
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
      <ol className="comment-panel__list">
        {comments.map((comment) => (
          <li key={comment._id} className="comment">
            <span className="comment__author">{comment.authorId?.name}</span>
            <p className="comment__body">{comment.body}</p>
          </li>
        ))}
      </ol>
      <form onSubmit={handleSubmit}>
        <label htmlFor="comment-draft">Add a comment</label>
        <textarea id="comment-draft" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={sending}>
          Post
        </button>
      </form>
    </section>
  );
}
