import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, beforeEach, expect, type MockInstance, vi } from "vitest";
import { i18n } from "@/app/i18n";
import { tokenStore } from "@/lib/token-store";
import { server, unhandledRequests } from "./server";

// findBy… and waitFor give up after 1 s by default: on a CI machine running two test files per
// core that is too short for a page's second request (a flake once seen in the plan viewer).
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => {
  server.listen({
    onUnhandledRequest(request, print) {
      unhandledRequests.push(`${request.method} ${request.url}`);
      print.error();
    },
  });
});

// React only warns when siblings share a key, and then leaves stale copies of a panel on the
// page (a dossier's payments panel once showed three times): here such a warning fails the test.
const KEY_WARNING = /Encountered two children with the same key|unique "key" prop/;
const keyWarnings: string[] = [];
let consoleError: MockInstance<typeof console.error> | undefined;

beforeEach(() => {
  const original = console.error.bind(console);
  consoleError = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(" ");
    if (KEY_WARNING.test(text)) keyWarnings.push(text);
    original(...args);
  });
});

afterEach(async () => {
  cleanup();
  consoleError?.mockRestore();
  server.resetHandlers();
  window.localStorage.clear();
  tokenStore.reset();
  await i18n.changeLanguage("fr");
  const unhandled = unhandledRequests.splice(0);
  expect(unhandled, "requests without an MSW handler").toEqual([]);
  expect(keyWarnings.splice(0), "React key warnings").toEqual([]);
});

afterAll(() => server.close());
