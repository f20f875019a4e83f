-- Failed sign-ins, counted per user name (key 'name:<lower-cased email>') and per source address (key
-- 'address:<ip>', an IPv6 client by its /64), shared by every node. Past the free failures a key backs off: each
-- further failure makes it wait longer (1, 2, 4... seconds, up to a ceiling) before the next try is checked.
-- Every row expires (expires_at) and is purged, so names that belong to no user leave nothing behind for good.
drop table if exists login_failures;
create table sign_in_failures (
    key               text primary key,
    failures          int not null,
    first_failure_at  timestamptz not null,
    blocked_until     timestamptz,
    expires_at        timestamptz not null
);
create index sign_in_failures_expiry on sign_in_failures (expires_at);
