import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import type { components } from "@/api/client";
import { SessionPage } from "@/features/agenda/components/SessionPage";
import {
  apiError,
  makeCandidate,
  makeDocument,
  makeSeat,
  makeSigner,
} from "@/features/signatures/__tests__/data";
import { SessionMinutesPanel } from "@/features/signatures/components/SessionMinutesPanel";
import { makeMe, makePage, makeSession } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";

type Schemas = components["schemas"];

const session = makeSession({ status: "held" });
const chair = makeSeat();
const secretary = makeSeat({
  member: "e0000000-0000-4000-8000-000000000002",
  name: "Youssef Secrétaire",
  role: "secretary",
});
const member = makeSeat({
  member: "e0000000-0000-4000-8000-000000000003",
  name: "Karim Rapporteur",
  body: "Agence urbaine de Casablanca",
  role: "rapporteur",
});
const minutes = makeDocument({
  id: "d0c00000-0000-4000-8000-000000000009",
  kind: "minutes",
  dossier: null,
  title: "Procès-verbal — séance du 5 mai 2026",
  signers: [
    makeSigner({ name: "Salma Présidente", role: "Président" }),
    makeSigner({ position: 2, name: "Youssef Secrétaire", role: "Secrétaire" }),
  ],
});

/** The users behind the seats (the API names users as signers, members as seats). */
const chairUser = makeCandidate({
  user: "5a000000-0000-4000-8000-000000000011",
  name: "Salma Présidente",
  suggested_role: "Président",
});
const secretaryUser = makeCandidate({
  user: "5a000000-0000-4000-8000-000000000012",
  name: "Youssef Secrétaire",
  suggested_role: "Secrétaire",
});

function renderSession({
  seats,
  candidates = () => [],
  documents = () => [],
  onMinutes = () => HttpResponse.json(minutes, { status: 201 }),
}: {
  seats: () => Schemas["Attendance"][];
  candidates?: () => Schemas["SignerCandidate"][];
  documents?: () => Schemas["Document"][];
  onMinutes?: () => Response;
}) {
  const puts: unknown[] = [];
  const minutesBodies: unknown[] = [];
  let minutesPosts = 0;
  const sessionQueries: string[] = [];
  server.use(
    http.get("/api/v1/auth/me/", () => HttpResponse.json(makeMe({ role: "desk_agent" }))),
    http.get(`/api/v1/sessions/${session.id}/`, () => HttpResponse.json(session)),
    http.get(`/api/v1/sessions/${session.id}/agenda/`, () => HttpResponse.json([])),
    http.get(`/api/v1/sessions/${session.id}/attendance/`, () => HttpResponse.json(seats())),
    http.get("/api/v1/documents/", ({ request }) => {
      sessionQueries.push(new URL(request.url).searchParams.get("session") ?? "");
      return HttpResponse.json(makePage(documents()));
    }),
    http.put(`/api/v1/sessions/${session.id}/attendance/`, async ({ request }) => {
      const body = (await request.json()) as { present: string[] };
      puts.push(body);
      return HttpResponse.json(
        seats().map((seat) => ({ ...seat, present: body.present.includes(seat.member) })),
      );
    }),
    http.get(`/api/v1/sessions/${session.id}/signer-candidates/`, () =>
      HttpResponse.json(candidates()),
    ),
    http.post(`/api/v1/sessions/${session.id}/minutes/`, async ({ request }) => {
      minutesPosts += 1;
      minutesBodies.push(await request.json());
      return onMinutes();
    }),
  );
  const rendered = renderWithProviders(
    <SessionPage renderMinutes={(s) => <SessionMinutesPanel sessionId={s.id} />} />,
    { route: `/agenda/sessions/${session.id}`, path: "/agenda/sessions/:sessionId" },
  );
  return {
    ...rendered,
    puts,
    minutesPosts: () => minutesPosts,
    minutesBodies,
    sessionQueries: () => sessionQueries,
  };
}

describe("attendance and minutes on the session page", () => {
  it("records who sat, then draws up the minutes and links to them", async () => {
    let documents: Schemas["Document"][] = [];
    const { user, puts, minutesPosts, minutesBodies, sessionQueries } = renderSession({
      seats: () => [chair, secretary, member],
      candidates: () => [chairUser, secretaryUser],
      documents: () => documents,
      onMinutes: () => {
        documents = [minutes];
        return HttpResponse.json(minutes, { status: 201 });
      },
    });

    const panel = await screen.findByRole("region", { name: "Présences et procès-verbal" });
    expect(await within(panel).findByTestId("attendance-summary")).toHaveTextContent(
      "Les présences ne sont pas encore enregistrées.",
    );
    expect(sessionQueries()).toEqual([session.id]);
    const draw = await within(panel).findByRole("button", { name: "Dresser le procès-verbal" });
    expect(draw).toBeDisabled();
    expect(within(panel).getByText("Enregistrez d'abord les présences.")).toBeVisible();

    await user.click(within(panel).getByRole("checkbox", { name: /Salma Présidente/ }));
    await user.click(within(panel).getByRole("checkbox", { name: /Youssef Secrétaire/ }));
    expect(within(panel).getByText("Modifications non enregistrées.")).toBeVisible();
    expect(
      within(panel).getByRole("checkbox", { name: /Karim Rapporteur.*Rapporteur/ }),
    ).not.toBeChecked();
    await user.click(within(panel).getByRole("button", { name: "Enregistrer les présences" }));

    expect(await within(panel).findByText("Présences enregistrées.")).toBeVisible();
    expect(puts).toEqual([{ present: [chair.member, secretary.member] }]);
    expect(within(panel).getByTestId("attendance-summary")).toHaveTextContent(
      "2 membres présents sur 3.",
    );
    expect(within(panel).getByRole("checkbox", { name: /Salma Présidente/ })).toBeChecked();

    // Who sat is who may sign: the chair then the secretary, preselected.
    const picker = await within(panel).findByRole("group", {
      name: "Signataires, dans l'ordre de signature",
    });
    expect(within(picker).getByLabelText("Qualité de Youssef Secrétaire")).toHaveValue(
      "Secrétaire",
    );
    await user.click(within(panel).getByRole("button", { name: "Dresser le procès-verbal" }));

    const document = await within(panel).findByTestId("minutes-document");
    expect(minutesPosts()).toBe(1);
    expect(minutesBodies).toEqual([
      {
        signers: [
          { user: chairUser.user, role: "Président" },
          { user: secretaryUser.user, role: "Secrétaire" },
        ],
      },
    ]);
    expect(
      within(document).getByRole("link", { name: "Procès-verbal — séance du 5 mai 2026" }),
    ).toHaveAttribute("href", `/documents/${minutes.id}`);
    expect(within(document).getByText("En cours de signature")).toBeVisible();
    expect(
      within(document)
        .getAllByTestId("signer")
        .map((row) => row.textContent),
    ).toEqual([
      expect.stringMatching(/^Salma Présidente.*À son tour de signer/),
      expect.stringMatching(/^Youssef Secrétaire.*En attente/),
    ]);
    expect(
      within(panel).queryByRole("button", { name: "Dresser le procès-verbal" }),
    ).not.toBeInTheDocument();
  });

  it("shows the API's refusal to draw up the minutes", async () => {
    const { user } = renderSession({
      seats: () => [
        { ...chair, present: false },
        { ...secretary, present: true },
      ],
      candidates: () => [secretaryUser],
      onMinutes: () =>
        apiError(409, "Personne ne présidait ni ne tenait le procès-verbal : dites qui le signe."),
    });

    const panel = await screen.findByRole("region", { name: "Présences et procès-verbal" });
    expect(await within(panel).findByTestId("attendance-summary")).toHaveTextContent(
      "1 membre présent sur 2.",
    );
    await user.click(
      await within(panel).findByRole("button", { name: "Dresser le procès-verbal" }),
    );

    await waitFor(() =>
      expect(within(screen.getByTestId("prepare-minutes")).getByRole("alert")).toHaveTextContent(
        "Personne ne présidait ni ne tenait le procès-verbal",
      ),
    );
  });

  it("shows minutes already drawn up", async () => {
    renderSession({
      seats: () => [{ ...chair, present: true }],
      documents: () => [minutes],
    });

    const document = await screen.findByTestId("minutes-document");
    expect(within(document).getByRole("link")).toHaveAttribute("href", `/documents/${minutes.id}`);
    expect(
      screen.queryByRole("button", { name: "Dresser le procès-verbal" }),
    ).not.toBeInTheDocument();
  });
});
