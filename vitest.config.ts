import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Pin the environment so that table output and colour decisions are the same on every machine.
    env: { NO_COLOR: "1", TZ: "UTC" },
    testTimeout: 20_000,
    // Vitest leaves a core free by default; on a two-core CI machine that halves the speed.
    maxWorkers: 2,
  },
});
