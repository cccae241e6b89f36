import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { CertificatesPage } from "../components/CertificatesPage";
import { makeCertificate, makeParcel, makeReady, REQUEST_ID } from "./data";

const otherParcel = makeParcel({
  id: "9a000000-0000-4000-8000-000000000002",
  reference: "TF 24681/C",
  address: "10 rue Ibn Toufail, Casablanca",
});

function parcelsAnswering(searches: string[]) {
  return http.get("/api/v1/parcels/", ({ request }) => {
    const search = new URL(request.url).searchParams.get("search") ?? "";
    searches.push(search);
    return HttpResponse.json(makePage([makeParcel(), otherParcel]));
  });
}

describe("the certificates page", () => {
  it("finds a parcel, asks for its certificate, follows it until ready and lists it", async () => {
    const searches: string[] = [];
    const bodies: unknown[] = [];
    let polls = 0;
    let asked = false;
    server.use(
      parcelsAnswering(searches),
      http.get("/api/v1/certificates/", () =>
        HttpResponse.json(makePage(asked ? [polls > 1 ? makeReady() : makeCertificate()] : [])),
      ),
      http.post("/api/v1/certificates/", async ({ request }) => {
        bodies.push(await request.json());
        asked = true;
        return HttpResponse.json(makeCertificate({ language: "en" }), { status: 202 });
      }),
      http.get(`/api/v1/certificates/${REQUEST_ID}/`, () => {
        polls += 1;
        return HttpResponse.json(polls > 1 ? makeReady({ language: "en" }) : makeCertificate());
      }),
    );
    const { user } = renderWithProviders(<CertificatesPage />);

    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Certificats d'information urbanistique",
      }),
    ).toBeVisible();
    expect(await screen.findByText("Vous n'avez encore demandé aucun certificat.")).toBeVisible();
    await user.type(screen.getByLabelText("Parcelle"), "Ibn Toufail");
    const choice = await screen.findByTestId("parcel-choice");
    await user.click(
      within(choice).getByRole("radio", { name: /TF 24680\/C — 8 rue Ibn Toufail/ }),
    );
    await user.selectOptions(screen.getByLabelText("Langue du certificat"), "en");
    await user.click(screen.getByRole("button", { name: "Demander le certificat" }));

    expect(bodies).toEqual([{ parcel: "TF 24680/C", language: "en" }]);
    expect(searches).toContain("Ibn Toufail");
    expect(
      await screen.findByText("Le certificat de la parcelle TF 24680/C est en préparation…"),
    ).toBeVisible();
    const progress = await screen.findByTestId("certificate-progress", {}, { timeout: 5000 });
    expect(
      await within(progress).findByText(
        "Le certificat de la parcelle TF 24680/C est prêt.",
        {},
        { timeout: 5000 },
      ),
    ).toBeVisible();
    expect(within(progress).getByRole("link", { name: "Télécharger le PDF" })).toHaveAttribute(
      "href",
      "http://localhost/api/v1/storage/token/",
    );
    expect(within(progress).getByRole("link", { name: "Le vérifier" })).toHaveAttribute(
      "href",
      "/verify/ABCD234567",
    );
    expect(polls).toBe(2);
    const row = await screen.findByTestId("certificate-row");
    expect(await within(row).findByText("Prêt")).toBeVisible();
    expect(row).toHaveTextContent("TF 24680/C");
  }, 10000);

  it("shows the API's refusal of an unknown parcel next to the field", async () => {
    server.use(
      http.get("/api/v1/certificates/", () => HttpResponse.json(makePage([]))),
      http.get("/api/v1/parcels/", () => HttpResponse.json(makePage([]))),
      http.post("/api/v1/certificates/", () =>
        HttpResponse.json(
          {
            type: "validation_error",
            title: "Données invalides",
            status: 400,
            detail: "La requête contient des champs invalides ; voir `errors`.",
            errors: { parcel: ["Aucune parcelle n'a cette référence ou cet identifiant."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderWithProviders(<CertificatesPage />);

    await user.type(await screen.findByLabelText("Parcelle"), "TF 0000/X");
    expect(await screen.findByText("Aucune parcelle ne correspond.")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Demander le certificat" }));

    expect(
      await screen.findByText("Aucune parcelle n'a cette référence ou cet identifiant."),
    ).toBeVisible();
    expect(screen.getByLabelText("Parcelle")).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("certificate-progress")).toBeNull();
  });

  it("says when too many certificates were asked for", async () => {
    server.use(
      http.get("/api/v1/certificates/", () => HttpResponse.json(makePage([makeReady()]))),
      parcelsAnswering([]),
      http.post("/api/v1/certificates/", () =>
        HttpResponse.json(
          {
            type: "throttled",
            title: "Trop de requêtes",
            status: 429,
            detail: "Requête ralentie. Réessayez dans 3000 secondes.",
          },
          { status: 429 },
        ),
      ),
    );
    const { user } = renderWithProviders(<CertificatesPage />);

    const row = await screen.findByTestId("certificate-row");
    expect(within(row).getByRole("link", { name: "Le vérifier" })).toBeVisible();
    await user.type(screen.getByLabelText("Parcelle"), "TF 24680/C");
    await user.click(screen.getByRole("button", { name: "Demander le certificat" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Réessayez dans 3000 secondes.");
  });
});
