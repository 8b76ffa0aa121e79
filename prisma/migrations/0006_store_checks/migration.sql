-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN "storeChecks" JSONB;

-- CreateTable
CREATE TABLE "SelfHelpResolution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "findings" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SelfHelpResolution_createdAt_category_idx" ON "SelfHelpResolution"("createdAt", "category");

-- CreateIndex
CREATE INDEX "SelfHelpResolution_shop_createdAt_idx" ON "SelfHelpResolution"("shop", "createdAt");

