import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Transactions that cannot wedge the client. Prisma 6.19.3 ends an interactive transaction by running
 * COMMIT (or ROLLBACK) through the adapter and only then calling the adapter's `commit()` or
 * `rollback()`, which is what gives the transaction's hold back: the better-sqlite3 adapter's mutex,
 * the pg adapter's pooled connection. When that statement fails (a deferred constraint, SQLITE_BUSY or
 * SQLITE_FULL at COMMIT, a connection lost mid-COMMIT), neither is called: on SQLite every later
 * transaction of the client waits for ever; on PostgreSQL each failure keeps a connection, and after
 * the pool's ten every query waits. Upstream: prisma/orm issue #29933 ("adapter-better-sqlite3: a
 * single SQLITE_BUSY at COMMIT permanently breaks all subsequent transactions"), open, with the fix
 * proposed in pull request #29955, not released.
 *
 * This wraps the adapter so that a failed COMMIT or ROLLBACK still ends the transaction and gives its
 * hold back, then fails as before.
 */
export function releasingOnFailedEnd(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      return withReleasingTransactions(await factory.connect());
    },
  };
}

const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

function withReleasingTransactions(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return forwarding(adapter, {
    async startTransaction(isolationLevel) {
      const transaction = await adapter.startTransaction(isolationLevel);
      return forwarding(transaction, {
        async executeRaw(query: SqlQuery) {
          try {
            return await transaction.executeRaw(query);
          } catch (error) {
            if (ENDS_TRANSACTION.test(query.sql)) await abandon(transaction, error);
            throw error;
          }
        },
      });
    },
  });
}

/** The pg adapter's transaction keeps its pooled connection as `client`. */
type PooledConnection = { release(error?: Error | boolean): void };

function pooledConnectionOf(transaction: Transaction): PooledConnection | undefined {
  const client = (transaction as unknown as { client?: Partial<PooledConnection> }).client;
  return typeof client?.release === "function" ? (client as PooledConnection) : undefined;
}

/**
 * Ends a transaction whose COMMIT or ROLLBACK failed. SQLite keeps the transaction open after a
 * COMMIT that fails on SQLITE_BUSY or on a deferred foreign key (SQLite's documentation of COMMIT and
 * of foreign keys), so it is rolled back before the adapter's lock is given back. PostgreSQL has ended it already, but the connection's state is
 * unknown after a failure (it may be cut off mid-statement), so the pool discards it and opens a fresh
 * one when needed.
 */
async function abandon(transaction: Transaction, error: unknown) {
  const connection = pooledConnectionOf(transaction);
  if (connection) {
    connection.release(error instanceof Error ? error : true);
    return;
  }
  await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => {});
  await transaction.rollback();
}

/** `target` with some methods replaced; the others still run on it (the adapters use private fields). */
function forwarding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, key) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof T];
      const value: unknown = Reflect.get(object, key, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
