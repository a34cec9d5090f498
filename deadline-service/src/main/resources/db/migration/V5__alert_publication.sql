-- An alert is recorded before it is published, so that none goes out twice: attempted_at is when its row was written (step 1 of the
-- tick), published_at when the broker's ack was recorded. A row left unpublished past the lease is settled by the
-- recovery (messaging.AlertRecovery), which reads deadline-alerts back before sending anything again. Rows
-- written before this migration were published inside the transaction that wrote them.
alter table alerts_sent add column attempted_at timestamptz;
alter table alerts_sent add column published_at timestamptz;
update alerts_sent set attempted_at = sent_at, published_at = sent_at;
alter table alerts_sent alter column attempted_at set not null;

-- The recovery reads only the unpublished rows, normally none.
create index alerts_sent_unpublished_idx on alerts_sent (attempted_at) where published_at is null;
