import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { AppProvider } from "@/app/provider";
import { tokenStore } from "@/lib/token-store";

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Shows the current location so tests can assert navigation. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{location.pathname + location.search}</div>;
}

type Options = {
  route?: string;
  /** Route pattern the element is mounted at, e.g. "/dossiers/:dossierId". */
  path?: string;
  authenticated?: boolean;
};

export function renderWithProviders(
  ui: ReactElement,
  { route = "/", path = "*", authenticated = true }: Options = {},
) {
  if (authenticated) tokenStore.set({ access: "access-1", refresh: "refresh-1" });
  const queryClient = createTestQueryClient();
  const user = userEvent.setup();
  const result = render(
    <AppProvider queryClient={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path={path} element={ui} />
          <Route path="*" element={null} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </AppProvider>,
  );
  return { ...result, user, queryClient };
}
