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

/** The viewer's pure core: no React, no DOM, no API, no features (STYLE.md habit 10). */
const PURE_VIEWER = [
  "src/viewer/geometry/**/*.{ts,tsx}",
  "src/viewer/tools/**/*.{ts,tsx}",
  "src/viewer/commands/**/*.{ts,tsx}",
];
const PURE_MESSAGE =
  "viewer/geometry, tools and commands are pure: no React, DOM, API or features.";
const pureImports = (allowApiTypes) => [
  "error",
  {
    paths: ["react", "react-dom", "pdfjs-dist"].map((name) => ({ name, message: PURE_MESSAGE })),
    patterns: [
      { group: ["react/*", "react-dom/*", "pdfjs-dist/*"], message: PURE_MESSAGE },
      {
        group: ["@/api", "@/api/*", "**/api/*"],
        message: PURE_MESSAGE,
        allowTypeImports: allowApiTypes,
      },
      {
        group: ["@/features/*", "**/features/*", "@/viewer/pdf/*", "@/viewer/layers/*"],
        message: PURE_MESSAGE,
      },
      { group: ["**/pdf/*", "**/layers/*"], message: PURE_MESSAGE },
    ],
  },
];
const DOM_GLOBALS = [
  "window",
  "document",
  "navigator",
  "HTMLElement",
  "HTMLCanvasElement",
  "localStorage",
  "fetch",
];

const FEATURES = [
  "agenda",
  "auth",
  "booking",
  "dossiers",
  "inquiries",
  "instruction",
  "notifications",
  "opinions",
  "payments",
  "plan-viewer",
  "portal",
  "procedures",
  "review",
  "signatures",
  "webhooks",
];

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
  // A procedure's form (renderer, checks, fee quote) is shared like src/components: the dossier
  // pages import it, so it is not in FEATURES; it imports no feature itself.
  crossFeature("procedure-forms", FEATURES),
  {
    files: PURE_VIEWER,
    rules: {
      "no-restricted-imports": pureImports(false),
      "no-restricted-globals": [
        "error",
        ...DOM_GLOBALS.map((name) => ({ name, message: PURE_MESSAGE })),
      ],
      "@typescript-eslint/no-restricted-types": [
        "error",
        {
          types: Object.fromEntries(
            ["Window", "Document", "HTMLElement", "HTMLCanvasElement", "Element", "Event"].map(
              (name) => [name, { message: PURE_MESSAGE }],
            ),
          ),
        },
      ],
    },
  },
  {
    // Tests may check the viewer's types against the generated API schema (types only).
    files: PURE_VIEWER.map((glob) => glob.replace("/**/", "/**/__tests__/**/")),
    rules: { "no-restricted-imports": pureImports(true) },
  },
);
