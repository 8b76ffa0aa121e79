import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "app/generated/**", "node_modules/**", "extensions/**/dist/**", ".cache/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["preview/app-bridge-standin.js"],
    languageOptions: { globals: { window: "readonly", document: "readonly" } },
  },
  // Formatting is Prettier's (`npm run format`); ESLint keeps to correctness.
  prettier,
);
