-- Dashboard sessions, one row per sign-in, shared by every node. The session cookie names its row; a cookie whose
-- row is gone (signed out, or idle longer than the session lasts) is refused on every node, however long the
-- cookie itself would still be valid.
create table ops_sessions (
    id          uuid primary key,
    user_id     bigint not null references users (id) on delete cascade,
    created_at  timestamptz not null default now(),
    seen_at     timestamptz not null default now()
);
create index ops_sessions_user on ops_sessions (user_id);
