import { databaseKindOf, isUniqueViolation, type Db, type Prisma } from "~/db.server";
import { insertRowsTogether, newRowId } from "~/insert-rows.server";
import { ticketCreatedEmail } from "~/notifications/emails.server";
import { outboxRows } from "~/notifications/outbox.server";
import type { NewTicket } from "./merchant-tickets.server";
import { attachmentRows, searchTextOf } from "./ticket-store.server";

type Ticket = Prisma.TicketModel;

export interface CreatedTicket {
  ticket: Ticket;
  /** False when the idempotency key had already made this ticket (a double submit, a retry). */
  created: boolean;
}

interface Pending {
  shop: string;
  input: NewTicket;
  attachmentBytes: number;
  resolve(result: CreatedTicket): void;
  reject(error: unknown): void;
}

const MAX_BATCH_TICKETS = 50;
/** Screenshots travel in the batch's statements: keep a batch's memory bounded. */
const MAX_BATCH_ATTACHMENT_BYTES = 16 * 1024 * 1024;

/**
 * Writes a batch in one transaction: the counter moves once by the batch's size, so the numbers
 * are consecutive and a rollback gives them all back; the rows go in as few statements as the database allows.
 */
async function writeBatch(db: Db, batch: Pending[]): Promise<Ticket[]> {
  // Hashed before the transaction: up to 16 MB of screenshots must not be hashed while it holds the counter.
  const files = batch.map(({ shop, input }) => attachmentRows(shop, input.attachments));
  return db.$transaction(async (tx) => {
    const [counter] = await tx.$queryRaw<{ value: number }[]>`
      UPDATE "Counter" SET "value" = "value" + ${batch.length} WHERE "name" = 'ticket' RETURNING "value"`;
    const first = Number(counter!.value) - batch.length + 1;
    const now = new Date();
    const tickets: Ticket[] = batch.map(({ shop, input }, index) => {
      const number = first + index;
      return {
        id: newRowId(),
        number,
        shop,
        shopName: input.shopName,
        status: "new",
        category: input.category,
        suggestedCategory: input.suggestedCategory ?? null,
        confidence: input.confidence ?? null,
        description: input.description,
        orderId: input.orderId ?? null,
        orderSummary: input.orderSummary ? JSON.stringify(input.orderSummary) : null,
        contactEmail: input.contactEmail,
        tiktokUsername: input.tiktokUsername ?? null,
        locale: input.locale,
        diagnostics: JSON.stringify(input.diagnostics),
        assigneeId: null,
        idempotencyKey: input.idempotencyKey,
        searchText: searchTextOf({
          number,
          shop,
          shopName: input.shopName,
          orderId: input.orderId,
          text: input.description,
        }),
        createdAt: now,
        updatedAt: now,
        lastActivityAt: now,
        firstAgentReplyAt: null,
        resolvedAt: null,
        closedAt: null,
      };
    });
    await insertRowsTogether(tx, databaseKindOf(db), [
      { table: "Ticket", rows: tickets },
      {
        table: "AuditEvent",
        rows: tickets.map((ticket) => ({
          id: newRowId(),
          ticketId: ticket.id,
          actorType: "merchant",
          actorId: null,
          action: "created",
          fromValue: null,
          toValue: "new",
          createdAt: now,
        })),
      },
      {
        table: "Attachment",
        rows: files.flatMap((rows, index) =>
          rows.map((row) => ({
            id: newRowId(),
            ...row,
            ticketId: tickets[index]!.id,
            messageId: null,
            createdAt: now,
          })),
        ),
      },
      outboxRows(tickets.map(ticketCreatedEmail)),
    ]);
    return tickets;
  });
}

/** One ticket on its own; a key already used returns the ticket it made. */
async function createOrFind(db: Db, pending: Pending): Promise<CreatedTicket> {
  const { shop, input } = pending;
  try {
    const [ticket] = await writeBatch(db, [pending]);
    return { ticket: ticket!, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.ticket.findUnique({
      where: { shop_idempotencyKey: { shop, idempotencyKey: input.idempotencyKey } },
    });
    if (!winner) throw error;
    return { ticket: winner, created: false };
  }
}

async function writeOne(db: Db, pending: Pending) {
  try {
    pending.resolve(await createOrFind(db, pending));
  } catch (error) {
    pending.reject(error);
  }
}

/**
 * Group commit for new tickets. Numbering takes the counter row's lock, so ticket creations run
 * one after another whatever we do; instead of a transaction each, the tickets submitted while
 * one write is in flight go together into the next. A batch that fails (a repeated idempotency
 * key, say) is written again one ticket at a time, so one ticket's problem is never another's.
 */
function createTicketWriter(db: Db) {
  const queue: Pending[] = [];
  let writing = false;

  const takeBatch = () => {
    const batch = [queue.shift()!];
    let bytes = batch[0]!.attachmentBytes;
    while (
      queue.length > 0 &&
      batch.length < MAX_BATCH_TICKETS &&
      bytes + queue[0]!.attachmentBytes <= MAX_BATCH_ATTACHMENT_BYTES
    ) {
      bytes += queue[0]!.attachmentBytes;
      batch.push(queue.shift()!);
    }
    return batch;
  };

  const writeNext = async (batch: Pending[]) => {
    if (batch.length === 1) return writeOne(db, batch[0]!);
    try {
      const tickets = await writeBatch(db, batch);
      batch.forEach((pending, index) => pending.resolve({ ticket: tickets[index]!, created: true }));
    } catch {
      for (const pending of batch) await writeOne(db, pending);
    }
  };

  const drain = async () => {
    try {
      while (queue.length > 0) await writeNext(takeBatch());
    } finally {
      writing = false;
    }
  };

  return {
    create(shop: string, input: NewTicket): Promise<CreatedTicket> {
      return new Promise((resolve, reject) => {
        const attachmentBytes = input.attachments.reduce((sum, file) => sum + file.bytes.byteLength, 0);
        queue.push({ shop, input, attachmentBytes, resolve, reject });
        if (writing) return;
        writing = true;
        // On SQLite each query resolves without waiting for I/O, so a write started at once would
        // finish before the requests already received reach the queue: let them join it first.
        setImmediate(() => void drain());
      });
    },
  };
}

const writers = new WeakMap<Db, ReturnType<typeof createTicketWriter>>();

/** The one writer of new tickets for this database client in this process. */
export function ticketWriter(db: Db) {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = createTicketWriter(db)));
  return writer;
}
