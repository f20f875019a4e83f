-- Set rules of a company (automatedSetGenerationJob names them in autoSetCreationOptions): a regular expression
-- over asset names whose group "set" names the set, and whose group order_group orders its members.
create table set_scripts (
    company_id   bigint not null references companies (id),
    name         text not null,
    pattern      text not null,
    set_type     text not null check (set_type in ('ImageSet', 'SwatchSet')),
    order_group  text not null default 'view',
    updated_at   timestamptz not null default now(),
    primary key (company_id, name)
);

-- The ordered members of a set asset (kind ImageSet or SwatchSet; such a row has no original file).
create table set_members (
    set_id     bigint not null references assets (id) on delete cascade,
    position   int not null,
    member_id  bigint not null references assets (id) on delete cascade,
    primary key (set_id, position)
);
create index set_members_member on set_members (member_id);
