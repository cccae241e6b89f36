import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makeDossier, makePage, makeParty } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { DossierPage } from "../components/DossierPage";
import { dossierPageHandlers } from "./dossier-page-handlers";

const dossier = makeDossier();
const applicant = makeParty();
const architect = makeParty({
  email: "architecte@cabinet.test",
  full_name: "Karim Architecte",
  role: "project_author",
});
const UNKNOWN = "Aucun compte Urbadesk actif n'a cette adresse e-mail.";

function renderPage() {
  return renderWithProviders(<DossierPage />, {
    route: `/dossiers/${dossier.id}`,
    path: "/dossiers/:dossierId",
  });
}

describe("dossier parties", () => {
  it("posts the e-mail, shows the API's field error, then lists the added architect", async () => {
    const posted: unknown[] = [];
    let parties = [applicant];
    server.use(...dossierPageHandlers({ dossier }));
    server.use(
      http.get(`/api/v1/dossiers/${dossier.id}/parties/`, () =>
        HttpResponse.json(makePage(parties)),
      ),
      http.post(`/api/v1/dossiers/${dossier.id}/parties/`, async ({ request }) => {
        const body = (await request.json()) as { email: string };
        posted.push(body);
        if (body.email !== architect.email) {
          return HttpResponse.json(
            {
              type: "validation_error",
              title: "Invalid input",
              status: 400,
              detail: "The request is invalid.",
              errors: { email: [UNKNOWN] },
            },
            { status: 400 },
          );
        }
        parties = [applicant, architect];
        return HttpResponse.json(architect, { status: 201 });
      }),
    );
    const { user } = renderPage();

    const table = await screen.findByTestId("parties-table");
    const rows = within(table).getAllByTestId("party-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("demandeur@example.test");
    expect(rows[0]).toHaveTextContent("Amina Demandeur");
    expect(rows[0]).toHaveTextContent("Demandeur");

    const form = await screen.findByTestId("add-party-form");
    expect(within(form).getByRole("heading")).toHaveTextContent(
      "Ajouter l'architecte / une partie",
    );
    const email = within(form).getByLabelText("Adresse e-mail de son compte Urbadesk");
    await user.type(email, "inconnu@example.test");
    await user.click(within(form).getByRole("button", { name: "Ajouter" }));

    await screen.findByText(UNKNOWN);
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription(expect.stringContaining(UNKNOWN));
    expect(within(table).getAllByTestId("party-row")).toHaveLength(1);

    await user.clear(email);
    await user.type(email, ` ${architect.email} `);
    await user.click(within(form).getByRole("button", { name: "Ajouter" }));

    expect(
      await within(form).findByText("architecte@cabinet.test a désormais accès au dossier."),
    ).toBeInTheDocument();
    expect(posted).toEqual([{ email: "inconnu@example.test" }, { email: architect.email }]);
    await waitFor(() =>
      expect(within(screen.getByTestId("parties-table")).getAllByTestId("party-row")).toHaveLength(
        2,
      ),
    );
    const refreshed = within(screen.getByTestId("parties-table")).getAllByTestId("party-row");
    expect(refreshed[1]).toHaveTextContent("Karim Architecte");
    expect(refreshed[1]).toHaveTextContent("Auteur du projet (architecte)");
    expect(email).toHaveValue("");
    expect(email).not.toHaveAttribute("aria-invalid");
  });
});
