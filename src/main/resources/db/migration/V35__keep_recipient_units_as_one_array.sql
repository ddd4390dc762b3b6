-- The units a dispatch was sent to, frozen when it was published, as one array per dispatch instead of one row per
-- unit (ADR 0026). At 10,000 units the rows cost the publishing request an insert of 10,000 rows, two foreign-key
-- checks per row and two indexes, while the delivery ledger writes the same (dispatch, unit) pairs in the same
-- transaction, each checked against unit and dispatch by its own foreign keys. The array is written once and read
-- whole (visibility of a restricted dispatch to a member, the search index); no query looks a dispatch up by unit
-- here (the inbox reads the ledger, the search its own copy).
create table dispatch_recipient_units (
    dispatch_id bigint   not null primary key references dispatch (id) on delete cascade,
    unit_ids    bigint[] not null,
    constraint dispatch_recipient_units_not_empty check (cardinality(unit_ids) > 0),
    constraint dispatch_recipient_units_no_null check (array_position(unit_ids, null) is null)
);

insert into dispatch_recipient_units (dispatch_id, unit_ids)
select dispatch_id, array_agg(unit_id order by unit_id) from dispatch_recipient_unit group by dispatch_id;

drop table dispatch_recipient_unit;
