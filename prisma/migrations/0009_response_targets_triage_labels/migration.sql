-- AlterTable
ALTER TABLE "Message" ADD COLUMN "responseDueAt" DATETIME;

-- CreateTable
CREATE TABLE "ShopInstall" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME
);

-- CreateTable
CREATE TABLE "TriageLabel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "ticketId" TEXT,
    "text" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "suggestedCategory" TEXT,
    "finalCategory" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "agentId" TEXT,
    "modelVersion" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SlaSettings" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "timeZone" TEXT NOT NULL,
    "workDays" JSONB NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "targets" JSONB NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- AlterTable: SQLite adds nullable columns and NOT NULL columns with a constant default in place, so "Ticket" keeps
-- its full-text search triggers and raw indexes (prisma/migrations/0002_ticket_search).
ALTER TABLE "Ticket" ADD COLUMN "modelVersion" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "merchantCategory" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "secondCategory" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "entities" JSONB;
ALTER TABLE "Ticket" ADD COLUMN "agentUnread" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Ticket" ADD COLUMN "responseDueAt" DATETIME;
ALTER TABLE "Ticket" ADD COLUMN "satisfaction" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "satisfactionComment" TEXT;
ALTER TABLE "Ticket" ADD COLUMN "satisfactionAt" DATETIME;

-- CreateIndex
CREATE INDEX "Ticket_responseDueAt_id_idx" ON "Ticket"("responseDueAt", "id");

-- AlterTable: a REFERENCES column with a NULL default can be added in place.
ALTER TABLE "Attachment" ADD COLUMN "noteId" TEXT REFERENCES "InternalNote" ("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "TriageLabel_createdAt_idx" ON "TriageLabel"("createdAt");

-- CreateIndex
CREATE INDEX "TriageLabel_shop_idx" ON "TriageLabel"("shop");

