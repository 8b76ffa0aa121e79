-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "shop" TEXT NOT NULL,
    "shopName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "suggestedCategory" TEXT,
    "confidence" REAL,
    "description" TEXT NOT NULL,
    "orderId" TEXT,
    "orderSummary" JSONB,
    "contactEmail" TEXT NOT NULL,
    "tiktokUsername" TEXT,
    "locale" TEXT NOT NULL,
    "diagnostics" JSONB NOT NULL,
    "assigneeId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "searchText" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstAgentReplyAt" DATETIME,
    "resolvedAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Ticket" ("assigneeId", "category", "closedAt", "confidence", "contactEmail", "createdAt", "description", "diagnostics", "firstAgentReplyAt", "id", "idempotencyKey", "lastActivityAt", "locale", "number", "orderId", "orderSummary", "resolvedAt", "searchText", "shop", "shopName", "status", "suggestedCategory", "tiktokUsername", "updatedAt") SELECT "assigneeId", "category", "closedAt", "confidence", "contactEmail", "createdAt", "description", "diagnostics", "firstAgentReplyAt", "id", "idempotencyKey", "lastActivityAt", "locale", "number", "orderId", "orderSummary", "resolvedAt", "searchText", "shop", "shopName", "status", "suggestedCategory", "tiktokUsername", "updatedAt" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");
CREATE INDEX "Ticket_shop_createdAt_id_idx" ON "Ticket"("shop", "createdAt", "id");
CREATE INDEX "Ticket_shop_status_createdAt_id_idx" ON "Ticket"("shop", "status", "createdAt", "id");
CREATE INDEX "Ticket_createdAt_id_idx" ON "Ticket"("createdAt", "id");
CREATE INDEX "Ticket_status_createdAt_id_idx" ON "Ticket"("status", "createdAt", "id");
CREATE INDEX "Ticket_category_createdAt_id_idx" ON "Ticket"("category", "createdAt", "id");
CREATE INDEX "Ticket_assigneeId_createdAt_id_idx" ON "Ticket"("assigneeId", "createdAt", "id");
CREATE INDEX "Ticket_lastActivityAt_id_idx" ON "Ticket"("lastActivityAt", "id");
CREATE UNIQUE INDEX "Ticket_shop_idempotencyKey_key" ON "Ticket"("shop", "idempotencyKey");
CREATE TABLE "new_CustomerDataExport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "email" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_CustomerDataExport" ("createdAt", "customerId", "email", "id", "payload", "shop") SELECT "createdAt", "customerId", "email", "id", "payload", "shop" FROM "CustomerDataExport";
DROP TABLE "CustomerDataExport";
ALTER TABLE "new_CustomerDataExport" RENAME TO "CustomerDataExport";
CREATE INDEX "CustomerDataExport_shop_createdAt_idx" ON "CustomerDataExport"("shop", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Redefining "Ticket" dropped what 0002_ticket_search made on it outside schema.prisma: its search
-- triggers and raw indexes come back as they were, and the search index is rebuilt from the rows.
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

CREATE INDEX "Ticket_status_lastActivityAt_id_idx" ON "Ticket"("status", "lastActivityAt", "id");
CREATE INDEX "Ticket_category_lastActivityAt_id_idx" ON "Ticket"("category", "lastActivityAt", "id");
CREATE INDEX "Ticket_shop_lastActivityAt_id_idx" ON "Ticket"("shop", "lastActivityAt", "id");
CREATE INDEX "Ticket_assigneeId_lastActivityAt_id_idx" ON "Ticket"("assigneeId", "lastActivityAt", "id");
CREATE INDEX "Ticket_lastActivityAt_id_createdAt_idx" ON "Ticket"("lastActivityAt", "id", "createdAt");
CREATE INDEX "Ticket_doneAt_idx" ON "Ticket"(COALESCE("resolvedAt", "closedAt"));
