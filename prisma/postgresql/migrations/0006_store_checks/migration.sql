-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'store_checks';

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "storeChecks" JSONB;

-- CreateTable
CREATE TABLE "SelfHelpResolution" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "findings" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfHelpResolution_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SelfHelpResolution_createdAt_category_idx" ON "SelfHelpResolution"("createdAt", "category");

-- CreateIndex
CREATE INDEX "SelfHelpResolution_shop_createdAt_idx" ON "SelfHelpResolution"("shop", "createdAt");

