-- DropIndex
DROP INDEX "Ticket_lastActivityAt_id_idx";

-- CreateIndex
CREATE INDEX "Ticket_lastActivityAt_id_createdAt_idx" ON "Ticket"("lastActivityAt", "id", "createdAt");

