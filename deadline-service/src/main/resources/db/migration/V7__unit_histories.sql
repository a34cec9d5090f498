-- Each unit's history of dated states (unit.changed's history, oldest first), so that ?unit= scopes are read on the
-- tree of the day they are asked (docs/time-and-counting.md, "Units over time"). Null: a row written before
-- histories were kept, read as one state since always under parent_code.
alter table units add column history jsonb;

-- Those rows may be lossy copies of events that did carry a history (an earlier build kept only the latest parent).
-- Version 0 lets a re-read of the catalogue topic apply them again; until then they keep their parent.
update units set version = 0 where history is null;
