-- The agents' queue: search and the indexes its filters and sorts need. Raw SQL, outside
-- schema.prisma: Prisma cannot describe full-text tables or expression indexes.

-- Search over Ticket.searchText: an FTS5 trigram index, so a term matches anywhere in the text as
-- LIKE '%term%' would, without scanning every ticket. External content (the text stays in Ticket
-- only), keyed by the ticket number, which never changes; triggers keep it in step with Ticket.
CREATE VIRTUAL TABLE "TicketSearch" USING fts5("searchText", content='Ticket', content_rowid='number', tokenize='trigram');

CREATE TRIGGER "Ticket_search_insert" AFTER INSERT ON "Ticket" BEGIN
  INSERT INTO "TicketSearch"(rowid, "searchText") VALUES (new."number", new."searchText");
END;

CREATE TRIGGER "Ticket_search_delete" AFTER DELETE ON "Ticket" BEGIN
  INSERT INTO "TicketSearch"("TicketSearch", rowid, "searchText") VALUES ('delete', old."number", old."searchText");
END;

CREATE TRIGGER "Ticket_search_update" AFTER UPDATE OF "number", "searchText" ON "Ticket" BEGIN
  INSERT INTO "TicketSearch"("TicketSearch", rowid, "searchText") VALUES ('delete', old."number", old."searchText");
  INSERT INTO "TicketSearch"(rowid, "searchText") VALUES (new."number", new."searchText");
END;

INSERT INTO "TicketSearch"("TicketSearch") VALUES ('rebuild');

-- Each single filter with the "last activity" sort (the creation-date sort has its indexes already).
CREATE INDEX "Ticket_status_lastActivityAt_id_idx" ON "Ticket"("status", "lastActivityAt", "id");
CREATE INDEX "Ticket_category_lastActivityAt_id_idx" ON "Ticket"("category", "lastActivityAt", "id");
CREATE INDEX "Ticket_shop_lastActivityAt_id_idx" ON "Ticket"("shop", "lastActivityAt", "id");
CREATE INDEX "Ticket_assigneeId_lastActivityAt_id_idx" ON "Ticket"("assigneeId", "lastActivityAt", "id");
-- The age filter with the "last activity" sort: walking activity order, SQLite checks the creation
-- date inside the index instead of reading each skipped row (70 ms → 6 ms at a million tickets).
CREATE INDEX "Ticket_lastActivityAt_id_createdAt_idx" ON "Ticket"("lastActivityAt", "id", "createdAt");

-- The dashboard's "closed per day": when a ticket was done, resolved or closed, whichever came first.
CREATE INDEX "Ticket_doneAt_idx" ON "Ticket"(COALESCE("resolvedAt", "closedAt"));
