-- AlterTable: SQLite adds a NOT NULL column with a constant default in place, so "Ticket" keeps its
-- full-text search triggers and raw indexes (prisma/migrations/0002_ticket_search).
ALTER TABLE "Ticket" ADD COLUMN "merchantUnread" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Ticket_shop_merchantUnread_idx" ON "Ticket"("shop", "merchantUnread");
