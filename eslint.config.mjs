import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { layerBoundaries } from "./eslint.layers.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next*/**",
    "generated/**",
    "node_modules/**",
    "playwright-report/**",
    "test-results/**",
    ".data/**",
    "bench/results/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      // The one place that reads the environment is lib/env.ts (see ARCHITECTURE.md).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: 'Import { env } from "@/lib/env" instead.' },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  layerBoundaries,
  {
    // Scripts, tests, the sandbox and build config run outside the app and read their own environment.
    files: [
      "lib/env.ts",
      "scripts/**",
      "e2e/**",
      "*.config.*",
      "instrumentation.ts",
      "vitest.setup-db.ts",
      "testing/**",
      "bench/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Tests read loosely-typed JSON from the sandboxes and the API.
    files: ["**/*.test.ts", "e2e/**/*.ts"],
    // Playwright fixtures receive a `use` callback that the React hooks rule mistakes for React's use().
    rules: { "@typescript-eslint/no-explicit-any": "off", "react-hooks/rules-of-hooks": "off" },
  },
]);
