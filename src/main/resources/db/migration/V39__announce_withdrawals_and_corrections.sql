-- Issue 12: a withdrawal, correction or replacement is announced to the units that received the dispatch.

-- The moment of the last notice on a unit's line (withdrawal, or the publication of a correction or replacement):
-- the line stays in the inbox and rises to the top then, instead of leaving it.
alter table delivery add column noticed_at timestamp with time zone;
update delivery set noticed_at = withdrawn_at where withdrawn_at is not null;
drop index if exists delivery_inbox_idx;
create index delivery_inbox_order_idx on delivery (unit_id, (coalesce(noticed_at, delivered_at)) desc, id desc);

-- Several notices per dispatch and address now (its publication, then its withdrawal or correction): each kind
-- once, also when its listener is retried.
alter table mail_outbox add column kind varchar(20) not null default 'PUBLISHED';
drop index if exists mail_outbox_dispatch_recipient_idx;
create unique index mail_outbox_dispatch_kind_recipient_idx on mail_outbox (dispatch_id, kind, recipient);

-- What the entry is about as its readers name it ("Công văn 66-CV/BTGQU"), written with the entry; older entries
-- keep their type and id.
alter table audit_entry add column subject_label varchar(300);

-- The feed's updated entries: public dispatches withdrawn or superseded, the most recently changed first.
create index dispatch_public_changes_idx on dispatch (updated_at desc, id desc)
    where visibility = 'PUBLIC' and status <> 'DRAFT';
