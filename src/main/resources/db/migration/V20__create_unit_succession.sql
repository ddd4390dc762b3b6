-- Successions between units (the 2025 mergers): one row per (ended unit, unit that took over its work). Several
-- wards merged into one new ward give several rows with the same successor_id; a unit split between several
-- successors gives several rows with the same predecessor_id. unit.predecessor_id stays as the simple case: it
-- names the sole predecessor of a unit and is null when the unit has none or several.
create table unit_succession (
    predecessor_id bigint not null references unit (id),
    successor_id   bigint not null references unit (id),
    primary key (predecessor_id, successor_id),
    constraint unit_succession_not_self check (predecessor_id <> successor_id)
);
create index unit_succession_successor_idx on unit_succession (successor_id);

-- A unit that already names a predecessor is a succession too.
insert into unit_succession (predecessor_id, successor_id)
select predecessor_id, id from unit where predecessor_id is not null;
