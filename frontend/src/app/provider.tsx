import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { tokenStore } from "@/lib/token-store";
import { i18n } from "./i18n";
import { createQueryClient } from "./query-client";

type AppProviderProps = { children: ReactNode; queryClient?: QueryClient };

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());

  // A logout (by the user or forced by a failed refresh) drops every cached response.
  useEffect(
    () =>
      tokenStore.subscribe(() => {
        if (!tokenStore.get()) client.clear();
      }),
    [client],
  );

  // Server text (procedure names, error messages) follows the language: fetch it again.
  useEffect(() => {
    const onChange = () => void client.invalidateQueries();
    i18n.on("languageChanged", onChange);
    return () => i18n.off("languageChanged", onChange);
  }, [client]);

  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
