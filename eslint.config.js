// Lint: typescript-eslint's recommended rules, without type information so `npm run lint` stays fast.
// Module boundaries (a module imports another only through its api.ts) are checked by
// scripts/check-boundaries.ts, which `npm run lint` runs right after ESLint.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "tmp/", "coverage/", "test-results/", "**/*.tmp.*"] },
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // One zod schema reads the environment (src/config/env.ts). The production bundle also replaces
    // `process.env.NODE_ENV` with "production" at build time (docs/adr/0009), so reading it elsewhere would lie.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/config/env.ts", "src/**/*.test.ts", "src/**/*.test.tsx"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration from the Config built by src/config/env.ts." }],
    },
  },
);
