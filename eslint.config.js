import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/*.tmp.ts", "build/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Every date and time goes through app/time/ so abbreviations and DST stay right in one place.
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "luxon", message: "Import time helpers from ~/time instead of luxon." }] },
      ],
    },
  },
  {
    files: ["app/time/**"],
    rules: { "no-restricted-imports": "off" },
  },
);
