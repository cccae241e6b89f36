import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { i18n } from "@/app/i18n";
import { tokenStore } from "@/lib/token-store";
import { server, unhandledRequests } from "./server";

beforeAll(() => {
  server.listen({
    onUnhandledRequest(request, print) {
      unhandledRequests.push(`${request.method} ${request.url}`);
      print.error();
    },
  });
});

afterEach(async () => {
  cleanup();
  server.resetHandlers();
  window.localStorage.clear();
  tokenStore.reset();
  await i18n.changeLanguage("fr");
  const unhandled = unhandledRequests.splice(0);
  expect(unhandled, "requests without an MSW handler").toEqual([]);
});

afterAll(() => server.close());
