-- The alert's unit beside its JSON, so that a Last-Event-ID replay selects the stream's units in the query: filtered
-- afterwards, a burst of another unit's alerts would fill every page and hide the ones the stream is waiting for.
alter table alerts_sent add column unit_code varchar(64);
update alerts_sent set unit_code = alert_json::jsonb #>> '{data,unitCode}' where alert_json is not null;
create index alerts_sent_unit_order_idx on alerts_sent (unit_code, send_order);
