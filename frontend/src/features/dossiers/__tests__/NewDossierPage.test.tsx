import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { makeDossier } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { NewDossierPage } from "../components/NewDossierPage";

const procedureTypes = {
  count: 2,
  next: null,
  previous: null,
  results: [
    { code: "PC", name: "Permis de construire" },
    { code: "PH", name: "Permis d'habiter" },
  ],
};

describe("NewDossierPage", () => {
  beforeEach(() => {
    server.use(http.get("/api/v1/procedure-types/", () => HttpResponse.json(procedureTypes)));
  });

  async function fillAndSubmit(user: ReturnType<typeof renderWithProviders>["user"]) {
    const procedure = screen.getByLabelText("Type de procédure");
    await within(procedure).findByRole("option", { name: "Permis de construire (PC)" });
    await user.selectOptions(procedure, "PC");
    await user.type(screen.getByLabelText("Intitulé du projet"), "Villa R+1");
    await user.type(screen.getByLabelText("Adresse du terrain"), "12 rue des Oliviers");
    await user.type(screen.getByLabelText("Latitude (facultatif)"), "95");
    await user.click(screen.getByRole("button", { name: "Créer le dossier" }));
  }

  it("shows the API's per-field errors next to their fields after a 400", async () => {
    server.use(
      http.post("/api/v1/dossiers/", () =>
        HttpResponse.json(
          {
            type: "validation_error",
            title: "Invalid input",
            detail: "The request is invalid.",
            errors: {
              latitude: ["Assurez-vous que cette valeur est inférieure ou égale à 90."],
              address: ["Adresse hors du périmètre de la commune."],
              non_field_errors: ["Un dossier identique existe déjà."],
            },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderWithProviders(<NewDossierPage />, { route: "/dossiers/new" });

    await fillAndSubmit(user);

    const latitude = screen.getByLabelText("Latitude (facultatif)");
    expect(await screen.findByRole("alert")).toHaveTextContent("Un dossier identique existe déjà.");
    expect(latitude).toHaveAttribute("aria-invalid", "true");
    expect(latitude).toHaveAccessibleDescription(
      "Assurez-vous que cette valeur est inférieure ou égale à 90.",
    );
    expect(screen.getByLabelText("Adresse du terrain")).toHaveAccessibleDescription(
      "Adresse hors du périmètre de la commune.",
    );
    expect(screen.getByLabelText("Intitulé du projet")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByTestId("location")).toHaveTextContent("/dossiers/new");
  });

  it("posts the form and opens the new dossier", async () => {
    let sent: unknown;
    const created = makeDossier({ id: "11111111-2222-4333-8444-555555555555" });
    server.use(
      http.post("/api/v1/dossiers/", async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(created, { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<NewDossierPage />, { route: "/dossiers/new" });

    await fillAndSubmit(user);

    expect(await screen.findByTestId("location")).toHaveTextContent(`/dossiers/${created.id}`);
    expect(sent).toEqual({
      procedure_type: "PC",
      title: "Villa R+1",
      description: "",
      address: "12 rue des Oliviers",
      latitude: 95,
      longitude: null,
      parcel_reference: "",
      form_data: {},
    });
  });

  it("sends an Idempotency-Key and reuses it when the same submission is retried", async () => {
    const keys: (string | null)[] = [];
    const created = makeDossier({ id: "11111111-2222-4333-8444-555555555555" });
    server.use(
      http.post("/api/v1/dossiers/", ({ request }) => {
        keys.push(request.headers.get("Idempotency-Key"));
        // The first attempt never gets an answer (the connection drops).
        return keys.length === 1
          ? HttpResponse.error()
          : HttpResponse.json(created, { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<NewDossierPage />, { route: "/dossiers/new" });

    await fillAndSubmit(user);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Le serveur est injoignable. Vérifiez votre connexion puis réessayez.",
    );
    await user.click(screen.getByRole("button", { name: "Créer le dossier" }));

    expect(await screen.findByTestId("location")).toHaveTextContent(`/dossiers/${created.id}`);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(keys[1]).toBe(keys[0]);
  });

  it("makes a new key when the form was changed before the retry", async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post("/api/v1/dossiers/", ({ request }) => {
        keys.push(request.headers.get("Idempotency-Key"));
        return HttpResponse.error();
      }),
    );
    const { user } = renderWithProviders(<NewDossierPage />, { route: "/dossiers/new" });

    await fillAndSubmit(user);
    await screen.findByRole("alert");
    await user.click(screen.getByRole("button", { name: "Créer le dossier" }));
    await waitFor(() => expect(keys).toHaveLength(2));
    // The API refuses (422) a key sent again with another body.
    await user.type(screen.getByLabelText("Intitulé du projet"), " bis");
    await user.click(screen.getByRole("button", { name: "Créer le dossier" }));
    await waitFor(() => expect(keys).toHaveLength(3));

    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[2]).toEqual(expect.any(String));
  });
});
