import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { AppRoutes } from "@/app/routes";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { apiError, INQUIRY_ID, makePublicInquiry } from "./data";

const SUBMIT = `/api/v1/inquiries/${INQUIRY_ID}/observations/`;

type Sent = {
  authorization: string | null;
  contentType: string | null;
  kind: FormDataEntryValue | null;
  text: FormDataEntryValue | null;
  /** How many `files` parts arrived (jsdom's File loses its name and content in Node's Request). */
  files: number;
};

/** The public page, mounted by the app's own routes; records each observation sent. */
function renderPage({
  authenticated,
  answer = () =>
    HttpResponse.json(
      { id: "0b000000-0000-4000-8000-000000000009", created_at: "2026-05-04T10:15:00Z" },
      { status: 201 },
    ),
}: {
  authenticated: boolean;
  answer?: () => Response;
}) {
  const sent: Sent[] = [];
  server.use(
    http.get("/api/v1/public/inquiries/", () =>
      HttpResponse.json([
        makePublicInquiry(),
        makePublicInquiry({
          id: "1a000000-0000-4000-8000-000000000003",
          reference: "LT-2026-000007",
          title: "Lotissement du Parc",
          address: "",
          notice: "",
          documents: [],
        }),
      ]),
    ),
    http.post(SUBMIT, async ({ request }) => {
      const form = await request.formData();
      sent.push({
        authorization: request.headers.get("Authorization"),
        contentType: request.headers.get("Content-Type"),
        kind: form.get("kind"),
        text: form.get("text"),
        files: form.getAll("files").length,
      });
      return answer();
    }),
  );
  const rendered = renderWithProviders(<AppRoutes />, { route: "/inquiries", authenticated });
  return { ...rendered, sent };
}

const pdf = new File(["%PDF-1.7 plan annoté"], "plan-annote.pdf", { type: "application/pdf" });
const photo = new File([new Uint8Array(3000)], "photo.jpg", { type: "image/jpeg" });

async function openForm(user: ReturnType<typeof renderPage>["user"], card: HTMLElement) {
  await user.click(within(card).getByRole("button", { name: "Déposer une observation" }));
  return within(card).getByRole("form", { name: "Votre observation" });
}

async function card(title = "Lotissement Les Oliviers") {
  return screen.findByRole("article", { name: title });
}

describe("the public inquiries page", () => {
  it("lists the open inquiries with their documents, and asks a visitor to log in first", async () => {
    const { user } = renderPage({ authenticated: false });

    expect(
      await screen.findByRole("heading", { level: 1, name: "Enquêtes publiques en cours" }),
    ).toBeVisible();
    const nav = screen.getByRole("navigation", { name: "Portail public" });
    expect(within(nav).getByRole("link", { name: "Enquêtes publiques" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    expect(within(nav).getByRole("link", { name: "Carte des projets" })).toBeVisible();

    const first = await card();
    expect(first).toHaveTextContent("LT-2026-000004");
    expect(first).toHaveTextContent("Rue des Oliviers, Casablanca");
    expect(first).toHaveTextContent("Douze lots à bâtir et une voie nouvelle.");
    expect(within(first).getByText(/^Ouverte le /)).toBeVisible();
    // The closing time stands out.
    const closes = within(first).getByTestId("closes");
    expect(closes.tagName).toBe("STRONG");
    expect(closes).toHaveTextContent(/^Clôture le \d+ \S+ \d{4}/);
    const document = within(first).getByRole("link", { name: "Plan de masse (version 2)" });
    expect(document).toHaveAttribute(
      "href",
      "https://urbadesk.example/media/plans/masse-v2.pdf?sig=xyz",
    );
    expect(first).toHaveTextContent("(3 pages)");

    const second = await card("Lotissement du Parc");
    expect(second).toHaveTextContent("Aucun document publié.");

    // No form without an account: a link to log in that comes back here.
    expect(
      screen.queryByRole("button", { name: "Déposer une observation" }),
    ).not.toBeInTheDocument();
    server.use(
      http.post("/api/v1/auth/token/", () =>
        HttpResponse.json({ access: "access-2", refresh: "refresh-2" }),
      ),
    );
    await user.click(
      within(first).getByRole("link", { name: "Se connecter pour déposer une observation" }),
    );
    expect(screen.getByTestId("location")).toHaveTextContent(/^\/login$/);
    await user.type(await screen.findByLabelText("Adresse e-mail"), "riverain@example.test");
    await user.type(screen.getByLabelText("Mot de passe"), "secret");
    await user.click(screen.getByRole("button", { name: "Se connecter" }));

    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(/^\/inquiries$/));
    expect(
      within(await card()).getByRole("button", { name: "Déposer une observation" }),
    ).toBeVisible();
  });

  it("sends a signed-in visitor's objection with its files as multipart, then acknowledges it", async () => {
    const appended = vi.spyOn(FormData.prototype, "append");
    const { user, sent } = renderPage({ authenticated: true });

    const form = await openForm(user, await card());
    expect(within(form).getByRole("radio", { name: "Observation" })).toBeChecked();
    await user.click(within(form).getByRole("radio", { name: "Opposition" }));
    await user.type(
      within(form).getByRole("textbox", { name: "Votre observation" }),
      "La voie nouvelle débouche sur un carrefour dangereux.",
    );
    const input = within(form).getByLabelText("Pièces jointes (facultatif)");
    expect(input).toHaveAttribute("multiple");
    expect(input).toHaveAttribute("accept", expect.stringContaining("application/pdf"));
    await user.upload(input, [pdf, photo]);

    const chosen = within(form).getByRole("list", { name: "Fichiers choisis" });
    const rows = within(chosen).getAllByTestId("chosen-file");
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^plan-annote\.pdf \(\d+\s+o\)/),
      expect.stringMatching(/^photo\.jpg \(2,9\s+Ko\)/),
    ]);
    await user.click(within(form).getByRole("button", { name: "Envoyer" }));

    expect(await screen.findByRole("status")).toHaveTextContent(
      /Votre observation est enregistrée \(.*4 mai 2026.*\)\. Un accusé de réception vous a été envoyé par e-mail\./,
    );
    expect(sent).toEqual([
      {
        authorization: "Bearer access-1",
        contentType: expect.stringMatching(/^multipart\/form-data; boundary=/),
        kind: "objection",
        text: "La voie nouvelle débouche sur un carrefour dangereux.",
        files: 2,
      },
    ]);
    // The files themselves, as the form data was built.
    expect(appended.mock.calls).toEqual([
      ["kind", "objection"],
      ["text", "La voie nouvelle débouche sur un carrefour dangereux."],
      ["files", pdf, "plan-annote.pdf"],
      ["files", photo, "photo.jpg"],
    ]);
    expect(screen.queryByRole("form")).not.toBeInTheDocument();
    // Observations are never listed publicly: the page asked for nothing else.
    expect(
      screen.queryByText("La voie nouvelle débouche", { exact: false }),
    ).not.toBeInTheDocument();
  });

  it("says the inquiry is closed when the API refuses with a 409", async () => {
    const { user, sent } = renderPage({
      authenticated: true,
      answer: () =>
        apiError(
          409,
          "L'enquête n'est pas ouverte : elle se tenait du 01/05/2026 00:00 au 16/05/2026 00:00.",
        ),
    });

    const form = await openForm(user, await card());
    await user.type(
      within(form).getByRole("textbox", { name: "Votre observation" }),
      "Trop tard ?",
    );
    await user.click(within(form).getByRole("button", { name: "Envoyer" }));

    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("L'enquête est close : votre observation n'a pas été reçue.");
    expect(alert).toHaveTextContent("elle se tenait du 01/05/2026 00:00 au 16/05/2026 00:00");
    expect(sent).toHaveLength(1);
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("checks the text and the number and size of files before sending", async () => {
    const { user, sent } = renderPage({ authenticated: true });

    const form = await openForm(user, await card());
    await user.click(within(form).getByRole("button", { name: "Envoyer" }));
    const text = within(form).getByRole("textbox", { name: "Votre observation" });
    expect(text).toHaveAttribute("aria-invalid", "true");
    expect(text).toHaveAccessibleDescription("Écrivez votre observation.");

    await user.type(text, "Six pièces jointes.");
    const files = Array.from(
      { length: 6 },
      (_, index) => new File(["%PDF"], `piece-${index + 1}.pdf`, { type: "application/pdf" }),
    );
    const input = within(form).getByLabelText("Pièces jointes (facultatif)");
    await user.upload(input, files);
    expect(input).toHaveAccessibleDescription(/Au plus 5 pièces jointes : retirez-en\./);
    await user.click(within(form).getByRole("button", { name: "Envoyer" }));
    expect(sent).toEqual([]);

    await user.click(within(form).getByRole("button", { name: "Retirer piece-6.pdf" }));
    const big = new File(["%PDF"], "scan.pdf", { type: "application/pdf" });
    Object.defineProperty(big, "size", { value: 11 * 1024 * 1024 });
    await user.click(within(form).getByRole("button", { name: "Retirer piece-5.pdf" }));
    await user.upload(input, big);
    expect(input).toHaveAccessibleDescription(/scan\.pdf dépasse 10 Mo\./);
    expect(input).not.toHaveAccessibleDescription(/Au plus 5/);
    await user.click(within(form).getByRole("button", { name: "Envoyer" }));
    expect(sent).toEqual([]);
  });

  it("shows a refused file under the field (413, 422) and a refusal without details above", async () => {
    const answers = [
      apiError(413, "Chaque pièce jointe pèse au plus 10 Mo.", {
        files: ["Chaque pièce jointe pèse au plus 10 Mo."],
      }),
      apiError(422, "Le fichier n'est pas un PDF valide."),
    ];
    let calls = 0;
    const { user, sent } = renderPage({ authenticated: true, answer: () => answers[calls++]! });

    const form = await openForm(user, await card());
    await user.type(
      within(form).getByRole("textbox", { name: "Votre observation" }),
      "Voir pièce.",
    );
    const input = within(form).getByLabelText("Pièces jointes (facultatif)");
    await user.upload(input, pdf);
    await user.click(within(form).getByRole("button", { name: "Envoyer" }));

    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(/Chaque pièce jointe pèse au plus 10 Mo\./),
    );
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();

    await user.click(within(form).getByRole("button", { name: "Envoyer" }));
    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("Un fichier a été refusé");
    expect(alert).toHaveTextContent("Le fichier n'est pas un PDF valide.");
    expect(sent).toHaveLength(2);
  });

  it("says so when no inquiry is open", async () => {
    server.use(http.get("/api/v1/public/inquiries/", () => HttpResponse.json([])));
    renderWithProviders(<AppRoutes />, { route: "/inquiries", authenticated: false });

    expect(
      await screen.findByText("Aucune enquête publique n'est ouverte en ce moment."),
    ).toBeVisible();
  });
});
