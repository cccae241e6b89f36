import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { i18n } from "@/app/i18n";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import type { Preference } from "../api/preferences";
import { NotificationPreferencesPage } from "../components/NotificationPreferencesPage";

const PREFERENCES = "/api/v1/notification-preferences/";

const preferences: Preference[] = [
  { event: "dossier.submitted", email: true, sms: false },
  { event: "dossier.decision_issued", email: true, sms: false },
  { event: "booking.reminder", email: false, sms: true },
];

/** A PUT handler that records each body and answers once `release` is called. */
function heldSave(answer: (body: Preference) => Response) {
  const bodies: Preference[] = [];
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = http.put(PREFERENCES, async ({ request }) => {
    const body = (await request.json()) as Preference;
    bodies.push(body);
    await released;
    return answer(body);
  });
  return { handler, bodies, release: () => release() };
}

function renderPage(list: unknown[] = preferences) {
  server.use(http.get(PREFERENCES, () => HttpResponse.json(list)));
  return renderWithProviders(<NotificationPreferencesPage />);
}

describe("notification preferences", () => {
  it("lists each event in words with its e-mail and SMS boxes", async () => {
    renderPage();
    const table = await screen.findByRole("table", {
      name: "Envoi de chaque évènement par e-mail et par SMS",
    });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Évènement", "E-mail", "SMS"]);
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Nouveau dossier déposé", "Décision rendue", "Rappel de passage en commission"]);
    expect(screen.getByRole("checkbox", { name: "E-mail — Décision rendue" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "SMS — Décision rendue" })).not.toBeChecked();
    expect(
      screen.getByRole("checkbox", { name: "E-mail — Rappel de passage en commission" }),
    ).not.toBeChecked();
    expect(
      screen.getByRole("checkbox", { name: "SMS — Rappel de passage en commission" }),
    ).toBeChecked();
    expect(screen.getByText("Dans l'application : toujours.")).toBeVisible();
    expect(screen.getByText(/numéro de téléphone/)).toBeVisible();
  });

  it("leads from its header to the webhooks page", async () => {
    renderPage();
    const link = await screen.findByRole("link", { name: "Webhooks (intégrations)" });
    expect(link).toHaveAttribute("href", "/settings/webhooks");
  });

  it("names the events in English", async () => {
    await i18n.changeLanguage("en");
    renderPage();
    expect(await screen.findByRole("checkbox", { name: "E-mail — Decision issued" })).toBeChecked();
    expect(screen.getByRole("rowheader", { name: "New dossier submitted" })).toBeInTheDocument();
    expect(screen.getByText("In the application: always.")).toBeVisible();
  });

  it("saves a tick at once with the row's two channels, the row disabled until saved", async () => {
    const save = heldSave((body) =>
      HttpResponse.json(preferences.map((each) => (each.event === body.event ? body : each))),
    );
    server.use(save.handler);
    const { user } = renderPage();
    const sms = await screen.findByRole("checkbox", { name: "SMS — Décision rendue" });
    const email = screen.getByRole("checkbox", { name: "E-mail — Décision rendue" });

    await user.click(sms);

    expect(sms).toBeChecked();
    expect(sms).toBeDisabled();
    expect(email).toBeDisabled();
    expect(screen.getByRole("checkbox", { name: "SMS — Nouveau dossier déposé" })).toBeEnabled();
    await waitFor(() =>
      expect(save.bodies).toEqual([{ event: "dossier.decision_issued", email: true, sms: true }]),
    );
    save.release();
    await waitFor(() => expect(sms).toBeEnabled());
    expect(sms).toBeChecked();
    expect(email).toBeChecked();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("puts the box back and says so when the save fails", async () => {
    const save = heldSave(() =>
      HttpResponse.json(
        { type: "about:blank", title: "Bad Request", detail: "Préférence refusée." },
        { status: 400 },
      ),
    );
    server.use(save.handler);
    const { user } = renderPage();
    const email = await screen.findByRole("checkbox", { name: "E-mail — Décision rendue" });

    await user.click(email);

    expect(email).not.toBeChecked();
    expect(email).toBeDisabled();
    save.release();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Votre choix pour « Décision rendue » n'a pas été enregistré ; la case a repris son état précédent.",
    );
    expect(alert).toHaveTextContent("Préférence refusée.");
    expect(email).toBeChecked();
    expect(email).toBeEnabled();
    expect(save.bodies).toEqual([{ event: "dossier.decision_issued", email: false, sms: false }]);
  });

  it("shows an event it has no words for by its code, and saves it all the same", async () => {
    const unknown = { event: "permit.expiring", email: true, sms: false };
    const save = heldSave((body) => HttpResponse.json([...preferences, body]));
    server.use(save.handler);
    const { user } = renderPage([...preferences, unknown]);

    expect(await screen.findByRole("rowheader", { name: "permit.expiring" })).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "SMS — permit.expiring" }));
    save.release();

    await waitFor(() =>
      expect(screen.getByRole("checkbox", { name: "SMS — permit.expiring" })).toBeEnabled(),
    );
    expect(screen.getByRole("checkbox", { name: "SMS — permit.expiring" })).toBeChecked();
    expect(save.bodies).toEqual([{ event: "permit.expiring", email: true, sms: true }]);
  });
});
