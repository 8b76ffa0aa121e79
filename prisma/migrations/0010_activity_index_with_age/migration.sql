-- The schema now declares (lastActivityAt, id, createdAt) for both databases. SQLite has had it since
-- 0002 (written there by hand), so here only the narrower index it makes redundant goes.
-- DropIndex
DROP INDEX "Ticket_lastActivityAt_id_idx";
