CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES organizations (id),
  kind text NOT NULL CHECK (kind IN ('mention', 'assignment', 'comment', 'system')),
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  link text,
  actor_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);

CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC);

CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
