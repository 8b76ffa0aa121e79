-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "shop" TEXT;

-- CreateIndex
CREATE INDEX "OutboxEmail_shop_idx" ON "OutboxEmail"("shop");

