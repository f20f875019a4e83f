-- ASP.NET Core Data Protection's key ring (what the dashboard's session cookies and form tokens are sealed with),
-- shared by every node so that a cookie or a form made by one node is read by the others. Each key's XML is
-- encrypted with IPSAPI_DATAPROTECTION__SECRET when that is set (docs/OPERATIONS.md, "The dashboard").
create table data_protection_keys (
    name        text primary key,
    xml         text not null,
    created_at  timestamptz not null default now()
);
