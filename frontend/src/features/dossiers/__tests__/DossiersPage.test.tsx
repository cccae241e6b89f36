import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makeDossier } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { DossiersPage } from "../components/DossiersPage";

describe("DossiersPage", () => {
  it("lists dossiers and passes the status filter and search to the API", async () => {
    const queries: Record<string, string>[] = [];
    server.use(
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
});
