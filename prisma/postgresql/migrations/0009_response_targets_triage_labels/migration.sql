-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "agentUnread" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "entities" JSONB,
ADD COLUMN     "merchantCategory" TEXT,
ADD COLUMN     "modelVersion" TEXT,
ADD COLUMN     "responseDueAt" TIMESTAMP(3),
ADD COLUMN     "satisfaction" TEXT,
ADD COLUMN     "satisfactionAt" TIMESTAMP(3),
ADD COLUMN     "satisfactionComment" TEXT,
ADD COLUMN     "secondCategory" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "responseDueAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "noteId" TEXT;

-- CreateTable
CREATE TABLE "ShopInstall" (
    "shop" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),

    CONSTRAINT "ShopInstall_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "TriageLabel" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "ticketId" TEXT,
    "text" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "suggestedCategory" TEXT,
    "finalCategory" TEXT NOT NULL,
    "decidedBy" "Author" NOT NULL,
    "agentId" TEXT,
    "modelVersion" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TriageLabel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaSettings" (
    "id" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "workDays" JSONB NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "targets" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TriageLabel_createdAt_idx" ON "TriageLabel"("createdAt");

-- CreateIndex
CREATE INDEX "TriageLabel_shop_idx" ON "TriageLabel"("shop");

-- CreateIndex
CREATE INDEX "Ticket_responseDueAt_id_idx" ON "Ticket"("responseDueAt", "id");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "InternalNote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

