import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

/** End-to-end: Chromium drives the built app served by the offline preview. */
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
