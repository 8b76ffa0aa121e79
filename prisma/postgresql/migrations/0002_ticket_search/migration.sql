-- The agents' queue: search and the indexes its filters and sorts need. Raw SQL, outside
-- schema.prisma: Prisma cannot describe trigram or expression indexes.

-- Search over Ticket.searchText: a trigram GIN index answers LIKE '%term%' without scanning
-- every ticket (pg_trgm is a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Ticket_searchText_trgm_idx" ON "Ticket" USING GIN ("searchText" gin_trgm_ops);

-- Each single filter with the "last activity" sort (the creation-date sort has its indexes already).
CREATE INDEX "Ticket_status_lastActivityAt_id_idx" ON "Ticket"("status", "lastActivityAt", "id");
CREATE INDEX "Ticket_category_lastActivityAt_id_idx" ON "Ticket"("category", "lastActivityAt", "id");
CREATE INDEX "Ticket_shop_lastActivityAt_id_idx" ON "Ticket"("shop", "lastActivityAt", "id");
CREATE INDEX "Ticket_assigneeId_lastActivityAt_id_idx" ON "Ticket"("assigneeId", "lastActivityAt", "id");

-- The dashboard's "closed per day": when a ticket was done, resolved or closed, whichever came first.
CREATE INDEX "Ticket_doneAt_idx" ON "Ticket"((COALESCE("resolvedAt", "closedAt")));
