import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makeAgendaItem, makeSession } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { SessionPage } from "../components/SessionPage";

const session = makeSession();
const first = makeAgendaItem({
  booking: "b0000000-0000-4000-8000-000000000001",
  reference: "PC-2026-000001",
  starts_at: "2026-05-05T08:00:00Z",
});
const second = makeAgendaItem({
  position: 2,
  booking: "b0000000-0000-4000-8000-000000000002",
  dossier: "7a4b3c2d-0000-4000-8000-000000000002",
  reference: "PC-2026-000002",
  applicant: "Youssef Bennani",
  starts_at: "2026-05-05T08:30:00Z",
  rapporteur: null,
});
const third = makeAgendaItem({
  position: 3,
  booking: "b0000000-0000-4000-8000-000000000003",
  dossier: "7a4b3c2d-0000-4000-8000-000000000003",
  reference: "PC-2026-000003",
  starts_at: "2026-05-05T09:00:00Z",
});

function renderSession() {
  return renderWithProviders(<SessionPage />, {
    route: `/agenda/sessions/${session.id}`,
    path: "/agenda/sessions/:sessionId",
  });
}

const references = () =>
  screen.getAllByTestId("agenda-row").map((row) => within(row).getByRole("link").textContent);

describe("session agenda", () => {
  it("shows the agenda in the commission's time and posts the new order after a move", async () => {
    const posted: unknown[] = [];
    server.use(
      http.get(`/api/v1/sessions/${session.id}/`, () => HttpResponse.json(session)),
      http.get(`/api/v1/sessions/${session.id}/agenda/`, () =>
        HttpResponse.json([first, second, third]),
      ),
      http.post(`/api/v1/sessions/${session.id}/reorder/`, async ({ request }) => {
        const body = (await request.json()) as { booking_ids: string[] };
        posted.push(body);
        const byId = new Map([first, second, third].map((item) => [item.booking, item]));
        return HttpResponse.json(
          body.booking_ids.map((id, index) => ({ ...byId.get(id)!, position: index + 1 })),
        );
      }),
    );
    const { user } = renderSession();

    expect(
      await screen.findByRole("heading", { name: "Séance du mardi 5 mai 2026" }),
    ).toBeVisible();
    await screen.findAllByTestId("agenda-row");
    expect(references()).toEqual(["PC-2026-000001", "PC-2026-000002", "PC-2026-000003"]);
    const row2 = screen.getAllByTestId("agenda-row")[1]!;
    // 08:30 UTC is 09:30 in Casablanca.
    expect(within(row2).getByText("09:30")).toBeInTheDocument();
    expect(within(row2).getByText("Youssef Bennani")).toBeInTheDocument();
    expect(within(row2).getByText("Non désigné")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Monter PC-2026-000001" })).toBeDisabled();

    await user.click(screen.getByRole("button", { name: "Monter PC-2026-000003" }));

    await waitFor(() =>
      expect(posted).toEqual([{ booking_ids: [first.booking, third.booking, second.booking] }]),
    );
    await waitFor(() =>
      expect(references()).toEqual(["PC-2026-000001", "PC-2026-000003", "PC-2026-000002"]),
    );
  });

  it("publishes the agenda", async () => {
    let published = 0;
    server.use(
      http.get(`/api/v1/sessions/${session.id}/`, () => HttpResponse.json(session)),
      http.get(`/api/v1/sessions/${session.id}/agenda/`, () => HttpResponse.json([first])),
      http.post(`/api/v1/sessions/${session.id}/publish/`, () => {
        published += 1;
        return HttpResponse.json({ ...session, status: "published" });
      }),
    );
    const { user } = renderSession();

    await user.click(await screen.findByRole("button", { name: "Publier l'ordre du jour" }));

    expect(await screen.findByText("Ordre du jour publié.")).toBeInTheDocument();
    expect(published).toBe(1);
    expect(screen.getByText("Publiée")).toHaveAttribute("data-status", "published");
    expect(
      screen.queryByRole("button", { name: "Publier l'ordre du jour" }),
    ).not.toBeInTheDocument();
  });

  it("warns before publishing when a dossier would pass its legal deadline, naming tacit decisions", async () => {
    server.use(
      http.get(`/api/v1/sessions/${session.id}/`, () =>
        HttpResponse.json({ ...session, status: "planned" }),
      ),
      http.get(`/api/v1/sessions/${session.id}/agenda/`, () =>
        HttpResponse.json([
          { ...first, past_deadline: false },
          { ...second, past_deadline: true, on_silence: "tacit_approval" },
          { ...third, past_deadline: null },
        ]),
      ),
    );
    renderSession();
    const warning = await screen.findByTestId("deadline-warning");
    expect(warning).toHaveTextContent(
      "1 dossier dépasserait son délai légal à cette séance : PC-2026-000002.",
    );
    expect(warning).toHaveTextContent("PC-2026-000002 (accord tacite)");
    expect(warning).not.toHaveTextContent("PC-2026-000001");
  });
});
