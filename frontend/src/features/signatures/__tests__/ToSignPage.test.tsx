import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { ToSignPage } from "../components/ToSignPage";
import { makeDocument, makeSigner } from "./data";

const minutes = makeDocument({
  id: "d0c00000-0000-4000-8000-000000000002",
  kind: "minutes",
  dossier: null,
  title: "Procès-verbal — séance du 5 mai 2026",
  next_signer: 2,
  signers: [
    makeSigner({ name: "Salma Présidente", signed_at: "2026-05-06T09:00:00Z" }),
    makeSigner({ position: 2, name: "Nadia Signataire" }),
  ],
});

describe("the documents to sign", () => {
  it("lists the documents waiting for the user's signature, each leading to its page", async () => {
    const queries: string[] = [];
    server.use(
      http.get("/api/v1/documents/", ({ request }) => {
        queries.push(new URL(request.url).searchParams.get("to_sign") ?? "");
        return HttpResponse.json(makePage([makeDocument(), minutes]));
      }),
    );
    renderWithProviders(<ToSignPage />);

    expect(await screen.findByRole("heading", { level: 1, name: "À signer" })).toBeVisible();
    const rows = await screen.findAllByTestId("to-sign-row");
    expect(queries).toEqual(["true"]);
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]!).getByRole("link", { name: "PC-2026-000001 — Décision" }),
    ).toHaveAttribute("href", `/documents/${makeDocument().id}`);
    expect(rows[0]).toHaveTextContent("Décision");
    expect(rows[0]).toHaveTextContent("0 sur 1");
    expect(
      within(rows[1]!).getByRole("link", { name: "Procès-verbal — séance du 5 mai 2026" }),
    ).toHaveAttribute("href", `/documents/${minutes.id}`);
    expect(rows[1]).toHaveTextContent("Procès-verbal");
    expect(rows[1]).toHaveTextContent("1 sur 2");
  });

  it("says when nothing waits", async () => {
    server.use(http.get("/api/v1/documents/", () => HttpResponse.json(makePage([]))));
    renderWithProviders(<ToSignPage />);

    expect(await screen.findByText("Aucun document n'attend votre signature.")).toBeVisible();
  });
});
