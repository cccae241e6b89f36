import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { i18n } from "@/app/i18n";
import { makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { WebhooksPage } from "../components/WebhooksPage";
import { type Delivery, HOOK_URL, makeDelivery, makeWebhook, webhooksApi } from "./handlers";

const SECRET = "whsec_4f1c2b7e9a0d4c3b8e6f5a1d2c3b4a5f";
const NEW_SECRET = "whsec_9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d";
const WEBHOOK_ID = makeWebhook().id;

function renderPage() {
  return renderWithProviders(<WebhooksPage />, { route: "/settings/webhooks" });
}

/** The API's 400: `{type, title, status, detail, errors}`. */
function validationError(errors: Record<string, string[]>) {
  return HttpResponse.json(
    {
      type: "validation_error",
      title: "Données invalides",
      status: 400,
      detail: "Corrigez les champs signalés.",
      errors,
    },
    { status: 400 },
  );
}

async function findEndpoint(url = HOOK_URL) {
  return screen.findByRole("article", { name: url });
}

async function openLog() {
  await screen.findByRole("article", { name: HOOK_URL });
  return screen.getByRole("button", { name: `Journal des envois de ${HOOK_URL}` });
}

describe("webhooks page", () => {
  it("says what a webhook is and how its payloads are signed", async () => {
    webhooksApi();
    renderPage();
    expect(
      screen.getByRole("heading", { level: 1, name: "Webhooks (intégrations)" }),
    ).toBeVisible();
    expect(screen.getByText("Urbadesk-Signature: t=…,v1=…").tagName).toBe("CODE");
    expect(screen.getByText(/signé en HMAC-SHA256/)).toBeVisible();
    expect(screen.getByText(/README/)).toBeVisible();
    expect(screen.getByRole("link", { name: "Préférences de notification" })).toHaveAttribute(
      "href",
      "/settings/notifications",
    );
    await findEndpoint();
  });

  it("lists each endpoint: its address, description, events in words, state and date", async () => {
    webhooksApi({
      webhooks: [
        makeWebhook(),
        makeWebhook({ id: "w2", url: "https://b.test/h", active: false, description: "" }),
      ],
    });
    renderPage();
    const endpoint = await findEndpoint();
    expect(within(endpoint).getByRole("heading", { name: HOOK_URL })).toHaveClass("mono");
    expect(endpoint).toHaveTextContent("SIG de la mairie");
    expect(
      within(within(endpoint).getByRole("list", { name: "Évènements envoyés" }))
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Nouveau dossier déposé", "Décision rendue"]);
    expect(within(endpoint).getByText("Active")).toBeVisible();
    expect(endpoint).toHaveTextContent(/Créée le 20 nov\. 2026/);
    const paused = screen.getByRole("article", { name: "https://b.test/h" });
    expect(within(paused).getByText("En pause")).toBeVisible();
    expect(
      within(paused).getByRole("button", { name: "Réactiver https://b.test/h" }),
    ).toBeVisible();
  });

  it("adds an endpoint, shows its secret once, then lists it", async () => {
    const api = webhooksApi({ webhooks: [] });
    const created = makeWebhook({
      id: "5e0b7a10-0000-4000-8000-000000000002",
      url: "https://ged.commune.test/hook",
      events: ["dossier.decision_issued"],
      description: "GED",
    });
    server.use(
      http.post("/api/v1/webhooks/", async ({ request }) => {
        api.received.push({
          method: "POST",
          path: "/api/v1/webhooks/",
          body: await request.json(),
        });
        api.state.webhooks = [created];
        return HttpResponse.json({ ...created, secret: SECRET }, { status: 201 });
      }),
    );
    const { user } = renderPage();
    expect(
      await screen.findByText("Aucune adresse pour l'instant : ajoutez-en une ci-dessous."),
    ).toBeVisible();

    await user.type(screen.getByLabelText("Adresse (URL)"), ` ${created.url} `);
    await user.click(screen.getByRole("checkbox", { name: "Décision rendue" }));
    await user.type(screen.getByLabelText("Description"), "GED");
    await user.click(screen.getByRole("button", { name: "Ajouter l'adresse" }));

    const box = await screen.findByRole("group", {
      name: `Secret de signature de ${created.url}`,
    });
    expect(within(box).getByLabelText("Secret")).toHaveValue(SECRET);
    expect(box).toHaveTextContent("il ne sera plus jamais affiché");
    expect(within(box).getByRole("button", { name: "Copier le secret" })).toHaveFocus();
    expect(screen.getByText(`Adresse ${created.url} ajoutée.`)).toBeVisible();
    expect(await findEndpoint(created.url)).toHaveTextContent("Décision rendue");
    expect(api.received).toEqual([
      {
        method: "POST",
        path: "/api/v1/webhooks/",
        body: { url: created.url, events: ["dossier.decision_issued"], description: "GED" },
      },
    ]);

    await user.click(within(box).getByRole("button", { name: "J'ai conservé le secret" }));

    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(SECRET);
    expect(screen.getByLabelText("Adresse (URL)")).toHaveValue("");
    expect(screen.getByRole("checkbox", { name: "Décision rendue" })).not.toBeChecked();
  });

  it("copies the secret, or says to copy it by hand when the clipboard refuses", async () => {
    webhooksApi({ webhooks: [] });
    server.use(
      http.post("/api/v1/webhooks/", () =>
        HttpResponse.json({ ...makeWebhook(), secret: SECRET }, { status: 201 }),
      ),
    );
    const { user } = renderPage();
    await user.type(await screen.findByLabelText("Adresse (URL)"), HOOK_URL);
    await user.click(screen.getByRole("checkbox", { name: "Nouveau dossier déposé" }));
    await user.click(screen.getByRole("button", { name: "Ajouter l'adresse" }));
    const copy = await screen.findByRole("button", { name: "Copier le secret" });

    await user.click(copy);
    expect(await screen.findByText("Secret copié dans le presse-papiers.")).toBeVisible();
    await expect(navigator.clipboard.readText()).resolves.toBe(SECRET);

    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValueOnce(new Error("denied"));
    await user.click(copy);
    expect(
      await screen.findByText("La copie a échoué : sélectionnez le secret et copiez-le vous-même."),
    ).toBeVisible();
    expect(screen.getByLabelText("Secret")).toHaveValue(SECRET);
  });

  it("shows the API's refusal of the address under the address field", async () => {
    webhooksApi({ webhooks: [] });
    server.use(
      http.post("/api/v1/webhooks/", () =>
        validationError({ url: ["Cette adresse mène à un réseau privé (10.0.0.8)."] }),
      ),
    );
    const { user } = renderPage();
    const url = await screen.findByLabelText("Adresse (URL)");
    await user.type(url, "http://intranet.local/hook");
    await user.click(screen.getByRole("checkbox", { name: "Dossier clos" }));
    await user.click(screen.getByRole("button", { name: "Ajouter l'adresse" }));

    await waitFor(() => expect(url).toHaveAttribute("aria-invalid", "true"));
    expect(url).toHaveAccessibleDescription(
      expect.stringContaining("Cette adresse mène à un réseau privé (10.0.0.8)."),
    );
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(url).toHaveValue("http://intranet.local/hook");
    expect(screen.queryByTestId("webhook-secret")).not.toBeInTheDocument();
  });

  it("asks for at least one event before sending anything", async () => {
    webhooksApi({ webhooks: [] });
    const { user } = renderPage();
    await user.type(await screen.findByLabelText("Adresse (URL)"), HOOK_URL);
    await user.click(screen.getByRole("button", { name: "Ajouter l'adresse" }));

    const events = screen.getByRole("group", { name: "Évènements à envoyer" });
    expect(events).toHaveAccessibleDescription("Choisissez au moins un évènement.");
    await user.click(within(events).getByRole("checkbox", { name: "Rendez-vous confirmé" }));
    expect(screen.queryByText("Choisissez au moins un évènement.")).not.toBeInTheDocument();
  });

  it("places the API's message on the events list", async () => {
    webhooksApi({ webhooks: [] });
    server.use(
      http.post("/api/v1/webhooks/", () =>
        validationError({ events: ["« permit.expiring » n'est pas un choix valide."] }),
      ),
    );
    const { user } = renderPage();
    await user.type(await screen.findByLabelText("Adresse (URL)"), HOOK_URL);
    await user.click(screen.getByRole("checkbox", { name: "Avis d'un membre" }));
    await user.click(screen.getByRole("button", { name: "Ajouter l'adresse" }));

    const events = screen.getByRole("group", { name: "Évènements à envoyer" });
    await waitFor(() =>
      expect(events).toHaveAccessibleDescription("« permit.expiring » n'est pas un choix valide."),
    );
  });

  it("pauses an endpoint with PATCH {active: false}, then offers to resume it", async () => {
    const api = webhooksApi();
    const { user } = renderPage();
    await user.click(await screen.findByRole("button", { name: `Mettre en pause ${HOOK_URL}` }));

    expect(await screen.findByRole("button", { name: `Réactiver ${HOOK_URL}` })).toBeVisible();
    expect(within(await findEndpoint()).getByText("En pause")).toBeVisible();
    expect(
      screen.getByText(`${HOOK_URL} est en pause : plus rien ne lui est envoyé.`),
    ).toBeVisible();
    expect(api.received).toEqual([
      { method: "PATCH", path: `/api/v1/webhooks/${WEBHOOK_ID}/`, body: { active: false } },
    ]);

    await user.click(screen.getByRole("button", { name: `Réactiver ${HOOK_URL}` }));
    expect(
      await screen.findByRole("button", { name: `Mettre en pause ${HOOK_URL}` }),
    ).toBeVisible();
    expect(api.received[1]).toEqual({
      method: "PATCH",
      path: `/api/v1/webhooks/${WEBHOOK_ID}/`,
      body: { active: true },
    });
  });

  it("rotates the secret only once confirmed, then shows the new one once", async () => {
    webhooksApi();
    const rotations: string[] = [];
    server.use(
      http.post("/api/v1/webhooks/:id/rotate-secret/", ({ params }) => {
        rotations.push(String(params.id));
        return HttpResponse.json({ ...makeWebhook(), secret: NEW_SECRET });
      }),
    );
    const { user } = renderPage();
    const rotate = await screen.findByRole("button", { name: `Changer le secret de ${HOOK_URL}` });

    await user.click(rotate);
    const cancelled = screen.getByRole("group", { name: `Changer le secret de ${HOOK_URL} ?` });
    await user.click(within(cancelled).getByRole("button", { name: "Annuler" }));
    expect(cancelled).not.toBeInTheDocument();
    expect(rotations).toEqual([]);

    await user.click(rotate);
    const confirm = screen.getByRole("group", { name: `Changer le secret de ${HOOK_URL} ?` });
    expect(confirm).toHaveTextContent("L'ancien secret cesse aussitôt de signer");
    await user.click(within(confirm).getByRole("button", { name: "Changer le secret" }));

    const box = await screen.findByRole("group", {
      name: `Nouveau secret de signature de ${HOOK_URL}`,
    });
    expect(within(box).getByLabelText("Secret")).toHaveValue(NEW_SECRET);
    expect(box).toHaveTextContent("il ne sera plus jamais affiché");
    expect(rotations).toEqual([WEBHOOK_ID]);
    expect(confirm).not.toBeInTheDocument();

    await user.click(within(box).getByRole("button", { name: "J'ai conservé le secret" }));
    expect(document.body).not.toHaveTextContent(NEW_SECRET);
    expect(screen.queryByDisplayValue(NEW_SECRET)).not.toBeInTheDocument();
  });

  it("deletes an endpoint only once confirmed", async () => {
    const api = webhooksApi();
    const { user } = renderPage();
    await user.click(await screen.findByRole("button", { name: `Supprimer ${HOOK_URL}` }));
    const confirm = screen.getByRole("group", { name: `Supprimer ${HOOK_URL} ?` });
    expect(api.received).toEqual([]);

    await user.click(within(confirm).getByRole("button", { name: "Supprimer l'adresse" }));

    await waitFor(() => expect(screen.queryByRole("article")).not.toBeInTheDocument());
    expect(api.received).toEqual([{ method: "DELETE", path: `/api/v1/webhooks/${WEBHOOK_ID}/` }]);
    expect(screen.getByText(`Adresse ${HOOK_URL} supprimée.`)).toBeVisible();
    expect(screen.getByRole("heading", { name: "Mes adresses" })).toHaveFocus();
  });

  it("shows the delivery log with every attempt and the payload; a replay refreshes it", async () => {
    const api = webhooksApi();
    const first = makeDelivery();
    const replayed = makeDelivery({
      id: "de1e0000-0000-4000-8000-000000000002",
      status: "sent",
      attempt_count: 1,
      last_status_code: 204,
      last_error: "",
      created_at: "2026-11-24T11:00:00Z",
      delivered_at: "2026-11-24T11:00:01Z",
      replay_of: first.id,
      attempts: [
        {
          number: 1,
          attempted_at: "2026-11-24T11:00:01Z",
          status_code: 204,
          error: "",
          duration_ms: 85,
        },
      ],
    });
    const replays: string[] = [];
    server.use(
      http.post("/api/v1/webhook-deliveries/:id/replay/", ({ params }) => {
        replays.push(String(params.id));
        api.state.deliveries = [replayed, first];
        return HttpResponse.json(replayed, { status: 202 });
      }),
    );
    const { user } = renderPage();
    const toggle = await openLog();
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");

    const log = await screen.findByRole("region", { name: "Journal des envois" });
    const item = await within(log).findByTestId("delivery");
    expect(item).toHaveTextContent("Décision rendue");
    expect(item).toHaveTextContent("Échoué");
    expect(item).toHaveTextContent("2 essais");
    expect(item).toHaveTextContent("Délai dépassé (10 s)");
    expect(api.reads).toContain(`/api/v1/webhooks/${WEBHOOK_ID}/deliveries/?page=1&page_size=20`);

    await user.click(within(item).getByText("Essais et contenu"));
    const attempts = within(item).getByRole("table", { name: "Essais de cet envoi" });
    expect(
      within(attempts)
        .getAllByTestId("attempt")
        .map((row) =>
          within(row)
            .getAllByRole("cell")
            .filter((_cell, index) => index !== 1)
            .map((cell) => cell.textContent),
        ),
    ).toEqual([
      ["1", "Réponse HTTP 500", "120"],
      ["2", "Délai dépassé (10 s)", "10004"],
    ]);
    expect(within(item).getByText(/"reference": "PC-2026-000123"/).tagName).toBe("PRE");

    await user.click(
      within(item).getByRole("button", { name: /^Rejouer l'envoi « Décision rendue » du / }),
    );

    expect(await within(log).findByText("Rejeu d'un envoi précédent")).toBeVisible();
    expect(replays).toEqual([first.id]);
    const items = within(log).getAllByTestId("delivery");
    expect(items.map((each) => each.dataset.deliveryId)).toEqual([replayed.id, first.id]);
    expect(items[0]).toHaveTextContent("Envoyé");
    expect(items[0]).toHaveTextContent("Réponse HTTP 204");
    expect(screen.getByText("Envoi rejoué : il apparaît en tête du journal.")).toBeVisible();
  });

  it("filters the log by status", async () => {
    const api = webhooksApi({
      deliveries: [
        makeDelivery(),
        makeDelivery({ id: "d2", status: "sent", last_status_code: 200, last_error: "" }),
      ],
    });
    const { user } = renderPage();
    await user.click(await openLog());
    const log = await screen.findByRole("region", { name: "Journal des envois" });
    await waitFor(() => expect(within(log).getAllByTestId("delivery")).toHaveLength(2));
    const filter = within(log).getByRole("group", { name: "Envois à afficher" });
    expect(within(filter).getByRole("button", { name: "Tous" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    await user.click(within(filter).getByRole("button", { name: "Échoués" }));

    await waitFor(() => expect(within(log).getAllByTestId("delivery")).toHaveLength(1));
    expect(within(log).getByTestId("delivery")).toHaveAttribute("data-status", "failed");
    expect(api.reads).toContain(
      `/api/v1/webhooks/${WEBHOOK_ID}/deliveries/?page=1&page_size=20&status=failed`,
    );

    await user.click(within(filter).getByRole("button", { name: "En attente" }));
    expect(await within(log).findByText("Aucun envoi.")).toBeVisible();
  });

  it("loads older deliveries on demand", async () => {
    webhooksApi();
    const older = makeDelivery({ id: "d-old", event: "dossier.submitted", status: "sent" });
    server.use(
      http.get("/api/v1/webhooks/:id/deliveries/", ({ request }) => {
        const page = new URL(request.url).searchParams.get("page");
        return HttpResponse.json(
          page === "2"
            ? makePage([older], { count: 2 })
            : makePage([makeDelivery()], {
                count: 2,
                next: `http://testserver/api/v1/webhooks/${WEBHOOK_ID}/deliveries/?page=2`,
              }),
        );
      }),
    );
    const { user } = renderPage();
    await user.click(await openLog());
    const log = await screen.findByRole("region", { name: "Journal des envois" });
    await within(log).findByTestId("delivery");

    await user.click(within(log).getByRole("button", { name: "Voir les envois plus anciens" }));

    await waitFor(() => expect(within(log).getAllByTestId("delivery")).toHaveLength(2));
    expect(within(log).getAllByTestId("delivery")[1]).toHaveTextContent("Nouveau dossier déposé");
    expect(
      within(log).queryByRole("button", { name: "Voir les envois plus anciens" }),
    ).not.toBeInTheDocument();
  });

  it("sends a test ping and refreshes the open log", async () => {
    const api = webhooksApi();
    const ping: Delivery = makeDelivery({
      id: "de1e0000-0000-4000-8000-0000000000ff",
      event: "ping",
      dossier_id: null,
      status: "sent",
      attempt_count: 1,
      last_status_code: 200,
      last_error: "",
      payload: { type: "ping" },
      attempts: [],
    });
    const pings: string[] = [];
    server.use(
      http.post("/api/v1/webhooks/:id/ping/", ({ params }) => {
        pings.push(String(params.id));
        api.state.deliveries = [ping, ...api.state.deliveries];
        return HttpResponse.json(ping, { status: 202 });
      }),
    );
    const { user } = renderPage();
    await user.click(await openLog());
    const log = await screen.findByRole("region", { name: "Journal des envois" });
    await within(log).findByTestId("delivery");

    await user.click(screen.getByRole("button", { name: `Envoyer un test à ${HOOK_URL}` }));

    expect(await within(log).findByText("Test (ping)")).toBeVisible();
    expect(pings).toEqual([WEBHOOK_ID]);
    expect(
      screen.getByText(`Test envoyé à ${HOOK_URL} : il apparaît dans le journal des envois.`),
    ).toBeVisible();
  });

  it("opens the log after a ping when it was closed", async () => {
    webhooksApi();
    server.use(
      http.post("/api/v1/webhooks/:id/ping/", () =>
        HttpResponse.json(makeDelivery({ event: "ping" }), { status: 202 }),
      ),
    );
    const { user } = renderPage();
    await user.click(await screen.findByRole("button", { name: `Envoyer un test à ${HOOK_URL}` }));
    expect(await screen.findByRole("region", { name: "Journal des envois" })).toBeVisible();
    expect(
      screen.getByRole("button", { name: `Journal des envois de ${HOOK_URL}` }),
    ).toHaveAttribute("aria-expanded", "true");
  });

  it("shows an event it has no words for by its code", async () => {
    webhooksApi({
      webhooks: [makeWebhook({ events: ["dossier.submitted", "permit.expiring"] })],
      deliveries: [makeDelivery({ event: "permit.expiring" })],
    });
    const { user } = renderPage();
    const endpoint = await findEndpoint();
    expect(within(endpoint).getByText("permit.expiring").tagName).toBe("CODE");
    expect(within(endpoint).getByText("Nouveau dossier déposé")).toBeVisible();

    await user.click(screen.getByRole("button", { name: `Journal des envois de ${HOOK_URL}` }));
    const item = await screen.findByTestId("delivery");
    expect(within(item).getByText("permit.expiring").tagName).toBe("CODE");
    expect(
      within(item).getByRole("button", { name: /^Rejouer l'envoi « permit\.expiring » du / }),
    ).toBeVisible();
  });

  it("speaks English", async () => {
    await i18n.changeLanguage("en");
    webhooksApi();
    renderPage();
    expect(await screen.findByRole("button", { name: `Pause ${HOOK_URL}` })).toBeVisible();
    expect(
      screen.getByRole("heading", { level: 1, name: "Webhooks (integrations)" }),
    ).toBeVisible();
    expect(screen.getByRole("heading", { name: "Add an endpoint" })).toBeVisible();
    expect(within(await findEndpoint()).getByText("Decision issued")).toBeVisible();
    expect(screen.getByText("Urbadesk-Signature: t=…,v1=…").tagName).toBe("CODE");
  });
});
