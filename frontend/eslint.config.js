// @ts-check
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Features never import each other; shared code lives in src/lib, src/api or src/app. */
const crossFeature = (self, others) => ({
  files: [`src/features/${self}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: others.map((other) => ({
          group: [`@/features/${other}/*`, `**/features/${other}/*`],
          message: "Features must not import each other.",
        })),
      },
    ],
  },
});

const FEATURES = ["agenda", "auth", "booking", "dossiers", "review"];

export default tseslint.config(
  { ignores: ["dist", "node_modules", "src/api/schema.d.ts"] },
  {
    files: ["**/*.{ts,tsx,js}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  ...FEATURES.map((feature) =>
    crossFeature(
      feature,
      FEATURES.filter((other) => other !== feature),
    ),
  ),
);
