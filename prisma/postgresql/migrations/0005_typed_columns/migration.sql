-- Statuses, authors, actions and roles become enums, and stored JSON becomes JSONB. Written by hand
-- from `prisma migrate diff`, whose script drops and re-adds each column: ALTER ... TYPE ... USING
-- converts the rows in place and keeps the indexes.

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('new', 'open', 'pending_merchant', 'resolved', 'closed');

-- CreateEnum
CREATE TYPE "Author" AS ENUM ('merchant', 'agent');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('created', 'reply', 'note', 'assign', 'status', 'category');

-- CreateEnum
CREATE TYPE "AgentRole" AS ENUM ('agent', 'admin');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sent', 'failed');

-- AlterTable
ALTER TABLE "Ticket" ALTER COLUMN "status" TYPE "TicketStatus" USING "status"::"TicketStatus",
ALTER COLUMN "orderSummary" TYPE JSONB USING "orderSummary"::jsonb,
ALTER COLUMN "diagnostics" TYPE JSONB USING "diagnostics"::jsonb;

-- AlterTable
ALTER TABLE "Message" ALTER COLUMN "authorType" TYPE "Author" USING "authorType"::"Author";

-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "actorType" TYPE "Author" USING "actorType"::"Author",
ALTER COLUMN "action" TYPE "AuditAction" USING "action"::"AuditAction";

-- AlterTable
ALTER TABLE "Agent" ALTER COLUMN "role" TYPE "AgentRole" USING "role"::"AgentRole";

-- AlterTable
ALTER TABLE "OutboxEmail" ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "status" TYPE "OutboxStatus" USING "status"::"OutboxStatus",
ALTER COLUMN "status" SET DEFAULT 'pending';

-- AlterTable
ALTER TABLE "CustomerDataExport" ALTER COLUMN "payload" TYPE JSONB USING "payload"::jsonb;
