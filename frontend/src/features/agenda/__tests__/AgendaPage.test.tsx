import { screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makeCommission, makePage, makeSession } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { AgendaPage } from "../components/AgendaPage";
import { agendaHandlers as sharedHandlers } from "./handlers";

const commission = makeCommission();

function agendaHandlers() {
  sharedHandlers(() => [commission]);
  server.use(
    http.get("/api/v1/sessions/", ({ request }) => {
      expect(new URL(request.url).searchParams.get("commission")).toBe(commission.id);
      return HttpResponse.json(makePage([makeSession({ booked: 2, capacity: 18 })]));
    }),
  );
}

describe("agent planning", () => {
  it("lists the rules and upcoming sessions with their local time and fill", async () => {
    agendaHandlers();
    renderWithProviders(<AgendaPage />);

    const rules = await screen.findByTestId("planning-rules");
    expect(within(rules).getByText("mardi, jeudi")).toBeInTheDocument();
    expect(within(rules).getByText("09:00–12:00")).toBeInTheDocument();
    const row = (await screen.findAllByTestId("session-row"))[0]!;
    expect(within(row).getByRole("link", { name: "mardi 5 mai" })).toHaveAttribute(
      "href",
      "/agenda/sessions/5e000000-0000-4000-8000-000000000001",
    );
    expect(within(row).getByText("09:00–12:00")).toBeInTheDocument();
    expect(within(row).getByText("2 / 18")).toBeInTheDocument();
    expect(within(row).getByText("Planifiée")).toBeInTheDocument();
  });

  it("shows the API's field errors for a new rule (400)", async () => {
    agendaHandlers();
    const bodies: unknown[] = [];
    server.use(
      http.post(`/api/v1/commissions/${commission.id}/planning-rules/`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          {
            type: "validation_error",
            title: "Données invalides",
            status: 400,
            detail: "Corrigez les champs signalés.",
            errors: {
              weekdays: ["Choisissez au moins un jour."],
              end_time: ["La fin doit suivre le début."],
            },
          },
          { status: 400 },
        );
      }),
    );
    const { user } = renderWithProviders(<AgendaPage />);

    const form = await screen.findByTestId("planning-rule-form");
    await user.click(within(form).getByRole("checkbox", { name: "mercredi" }));
    await user.clear(within(form).getByLabelText("Fin"));
    await user.type(within(form).getByLabelText("Fin"), "08:00");
    await user.click(within(form).getByRole("button", { name: "Ajouter la règle" }));

    expect(await within(form).findByText("La fin doit suivre le début.")).toBeInTheDocument();
    expect(within(form).getByText("Choisissez au moins un jour.")).toBeInTheDocument();
    expect(within(form).getByLabelText("Fin")).toHaveAttribute("aria-invalid", "true");
    expect(bodies[0]).toMatchObject({ weekdays: [3], start_time: "09:00", end_time: "08:00" });
  });

  it("generates sessions and shows the report", async () => {
    agendaHandlers();
    const bodies: unknown[] = [];
    server.use(
      http.post(`/api/v1/commissions/${commission.id}/generate-sessions/`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({
          sessions_created: 4,
          slots_created: 24,
          slots_removed: 0,
          slots_kept_booked: 1,
        });
      }),
    );
    const { user } = renderWithProviders(<AgendaPage />);

    const weeks = await screen.findByLabelText("Nombre de semaines");
    await user.clear(weeks);
    await user.type(weeks, "2");
    await user.click(screen.getByRole("button", { name: "Générer les séances" }));

    const report = await screen.findByTestId("generation-report");
    expect(bodies).toEqual([{ weeks: 2 }]);
    expect(report).toHaveTextContent("4 séances créées");
    expect(report).toHaveTextContent("24 créneaux créés");
    expect(report).toHaveTextContent("1 créneau réservé conservé");
  });
});
