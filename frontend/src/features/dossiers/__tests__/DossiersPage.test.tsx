import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makeDossier, makeMe } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { DossiersPage } from "../components/DossiersPage";

describe("DossiersPage", () => {
  it("lists dossiers and passes the status filter and search to the API", async () => {
    const queries: Record<string, string>[] = [];
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get("/api/v1/dossiers/", ({ request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        queries.push(query);
        const results = query.status
          ? [makeDossier({ id: "d2", reference: "PC-2026-000002", status: "submitted" })]
          : [makeDossier()];
        return HttpResponse.json({ count: 45, next: null, previous: null, results });
      }),
    );
    const { user } = renderWithProviders(<DossiersPage />, { route: "/dossiers" });

    const row = await screen.findByTestId("dossier-row");
    expect(within(row).getByRole("link", { name: "PC-2026-000001" })).toHaveAttribute(
      "href",
      `/dossiers/${makeDossier().id}`,
    );
    expect(within(row).getByText("Brouillon")).toBeInTheDocument();
    expect(screen.getByText("Page 1 sur 3")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Statut"), "submitted");
    expect(await screen.findByText("PC-2026-000002")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Rechercher"), "oliviers");
    await user.click(screen.getByRole("button", { name: "Rechercher" }));

    expect(await screen.findByTestId("location")).toHaveTextContent(
      "/dossiers?status=submitted&search=oliviers",
    );
    expect(queries.at(-1)).toMatchObject({
      status: "submitted",
      search: "oliviers",
      page: "1",
      page_size: "20",
    });
    expect(queries[0]).not.toHaveProperty("status");
  });

  it("shows where each fee stands, and lets the desk list the unpaid ones", async () => {
    const queries: Record<string, string>[] = [];
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe({ role: "desk_agent" }))),
      http.get("/api/v1/dossiers/", ({ request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        queries.push(query);
        const results =
          query.payment_status === "unpaid"
            ? [makeDossier({ id: "d2", reference: "AE-2026-000002", payment_status: "unpaid" })]
            : [
                makeDossier({ payment_status: "paid", fee_amount: "500.00" }),
                makeDossier({ id: "d2", reference: "AE-2026-000002", payment_status: "unpaid" }),
                makeDossier({ id: "d3", reference: "PC-2026-000003" }),
              ];
        return HttpResponse.json({ count: results.length, next: null, previous: null, results });
      }),
    );
    const { user } = renderWithProviders(<DossiersPage />, { route: "/dossiers" });

    const rows = await screen.findAllByTestId("dossier-row");
    expect(rows).toHaveLength(3);
    expect(screen.getByRole("columnheader", { name: "Paiement" })).toBeInTheDocument();
    expect(within(rows[0]!).getByText("Payé")).toHaveAttribute("data-payment-status", "paid");
    expect(within(rows[1]!).getByText("À payer")).toHaveAttribute("data-payment-status", "unpaid");
    // Nothing owed: no badge.
    expect(within(rows[2]!).queryByText("Aucun frais")).not.toBeInTheDocument();

    await user.selectOptions(await screen.findByLabelText("Paiement"), "unpaid");

    await waitFor(() => expect(screen.getAllByTestId("dossier-row")).toHaveLength(1));
    expect(screen.getByTestId("location")).toHaveTextContent("/dossiers?payment_status=unpaid");
    expect(queries.at(-1)).toMatchObject({ payment_status: "unpaid", page: "1" });
  });

  it("offers an applicant no payment filter", async () => {
    server.use(
      http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe())),
      http.get("/api/v1/dossiers/", () =>
        HttpResponse.json({ count: 1, next: null, previous: null, results: [makeDossier()] }),
      ),
    );
    renderWithProviders(<DossiersPage />, { route: "/dossiers?payment_status=unpaid" });
    await screen.findByTestId("dossier-row");
    expect(screen.queryByLabelText("Paiement")).not.toBeInTheDocument();
  });
});
