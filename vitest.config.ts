import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "prisma/**/*.test.ts",
      "preview/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "tests/faults/**/*.test.ts",
      "tests/security/**/*.test.ts",
    ],
    globalSetup: ["tests/setup/database.ts"],
    setupFiles: ["tests/setup/environment.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
