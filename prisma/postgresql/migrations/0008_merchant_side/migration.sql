-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "merchantUnread" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Ticket_shop_merchantUnread_idx" ON "Ticket"("shop", "merchantUnread");

