-- Failed sign-ins per user name (lower-cased email), shared by every node: after too many within a window the
-- name is locked for a while. Names that belong to no user are counted the same way, so a lock says nothing
-- about which emails exist.
create table login_failures (
    email             text primary key,
    failures          int not null,
    first_failure_at  timestamptz not null,
    locked_until      timestamptz
);
