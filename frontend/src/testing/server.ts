import { setupServer } from "msw/node";

/** The MSW server every test shares; tests add their handlers with `server.use(...)`. */
export const server = setupServer();

/** Requests that reached no handler in the current test; setup.ts fails the test on any. */
export const unhandledRequests: string[] = [];
