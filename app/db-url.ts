/** Which database a DATABASE_URL names; PostgreSQL by its scheme, SQLite otherwise. */
export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** `file:./dev.sqlite` is relative to the prisma/ folder, as Prisma resolves it. */
export function sqliteFilename(url: string, prismaDir: string): string {
  const path = url.replace(/^file:/, "");
  return path.startsWith("/") ? path : `${prismaDir}/${path.replace(/^\.\//, "")}`;
}
