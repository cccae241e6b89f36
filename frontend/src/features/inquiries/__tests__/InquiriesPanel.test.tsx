import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { components } from "@/api/client";
import { saveFile } from "@/lib/save-file";
import { makePlan } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { InquiriesPanel } from "../components/InquiriesPanel";
import {
  apiError,
  applicant,
  desk,
  dossier,
  DOSSIER_ID,
  INQUIRY_ID,
  makeInquiry,
  makeObservation,
  makePastInquiry,
} from "./data";

vi.mock("@/lib/save-file", () => ({ saveFile: vi.fn() }));

beforeEach(() => vi.mocked(saveFile).mockClear());

type Schemas = components["schemas"];

const BASE = `/api/v1/dossiers/${DOSSIER_ID}`;
const V2 = "5e000000-0000-4000-8000-000000000002";
const V1_SITUATION = "5e000000-0000-4000-8000-000000000011";

const plans = [
  makePlan({
    id: "9c000000-0000-4000-8000-000000000001",
    dossier: DOSSIER_ID,
    kind: "site",
    title: "Plan de masse",
    versions: [
      { id: "5e000000-0000-4000-8000-000000000001", number: 1, status: "ready", created_at: "" },
      { id: V2, number: 2, status: "ready", created_at: "" },
      {
        id: "5e000000-0000-4000-8000-000000000003",
        number: 3,
        status: "processing",
        created_at: "",
      },
    ],
  }),
  makePlan({
    id: "9c000000-0000-4000-8000-000000000002",
    dossier: DOSSIER_ID,
    title: "Plan de situation",
    versions: [{ id: V1_SITUATION, number: 1, status: "ready", created_at: "" }],
  }),
];

function serve({ me, inquiries }: { me: Schemas["Me"]; inquiries: Schemas["Inquiry"][] }) {
  const state = { inquiries };
  const gets = { inquiries: 0 };
  server.use(
    http.get("/api/v1/auth/me/", () => HttpResponse.json(me)),
    http.get(`${BASE}/inquiries/`, () => {
      gets.inquiries += 1;
      return HttpResponse.json(state.inquiries);
    }),
    http.get(`${BASE}/plans/`, () =>
      HttpResponse.json({ count: plans.length, next: null, previous: null, results: plans }),
    ),
  );
  return { state, gets };
}

function renderPanel() {
  return renderWithProviders(<InquiriesPanel dossier={dossier} />);
}

describe("the dossier's public inquiry panel", () => {
  it("lists the inquiries to a party, newest first, without the observations", async () => {
    serve({ me: applicant, inquiries: [makePastInquiry(), makeInquiry()] });
    renderPanel();

    const panel = await screen.findByRole("region", { name: "Enquête publique" });
    const items = await within(panel).findAllByRole("article");
    expect(items).toHaveLength(2);
    const [current, past] = items as [HTMLElement, HTMLElement];
    expect(within(current).getByRole("heading", { level: 3 })).toHaveTextContent(/^Du .+ au .+$/);
    expect(within(current).getByText("En cours")).toHaveAttribute("data-phase", "open");
    expect(current).toHaveTextContent("Le dossier est consultable en mairie");
    expect(within(past).getByText("Close")).toHaveAttribute("data-phase", "closed");
    expect(within(past).getByRole("heading", { level: 3 })).toHaveTextContent(
      /^Du \d+ mars 2025.* au \d+ mars 2025/,
    );
    // The observations are the desk's.
    expect(within(panel).queryByTestId("observation-count")).not.toBeInTheDocument();
    expect(within(panel).queryByRole("button")).not.toBeInTheDocument();
  });

  it("stays hidden from a party while the dossier has no inquiry", async () => {
    const { gets } = serve({ me: applicant, inquiries: [] });
    renderPanel();

    await waitFor(() => expect(gets.inquiries).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByTestId("inquiries-panel")).not.toBeInTheDocument();
  });

  it("shows a planned inquiry as planned", async () => {
    const day = 24 * 3600 * 1000;
    serve({
      me: desk,
      inquiries: [
        makeInquiry({
          opens_at: new Date(Date.now() + 2 * day).toISOString(),
          is_open: false,
          observations: 0,
        }),
      ],
    });
    renderPanel();

    const item = await screen.findByRole("article");
    expect(within(item).getByText("Prévue")).toHaveAttribute("data-phase", "planned");
    expect(item).toHaveTextContent("0 observation reçue");
    // Nothing to read yet, and no second inquiry while one is planned.
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("lets the desk open an inquiry with the chosen plan versions", async () => {
    const { state } = serve({ me: desk, inquiries: [makePastInquiry({ observations: 4 })] });
    const bodies: unknown[] = [];
    server.use(
      http.post(`${BASE}/inquiries/`, async ({ request }) => {
        bodies.push(await request.json());
        const opened = makeInquiry({ observations: 0, notice: "Douze lots à bâtir." });
        state.inquiries = [...state.inquiries, opened];
        return HttpResponse.json(opened, { status: 201 });
      }),
    );
    const { user } = renderPanel();

    const panel = await screen.findByRole("region", { name: "Enquête publique" });
    expect(await within(panel).findByText("4 observations reçues")).toBeVisible();
    await user.click(within(panel).getByRole("button", { name: "Ouvrir l'enquête publique" }));
    const form = within(panel).getByRole("form", { name: "Ouvrir l'enquête publique" });

    // The ready versions only, newest first within a plan.
    const boxes = await within(form).findAllByRole("checkbox");
    expect(boxes.map((box) => box.parentElement?.textContent)).toEqual([
      "Plan de masse — version 2",
      "Plan de masse — version 1",
      "Plan de situation — version 1",
    ]);
    await user.click(within(form).getByRole("checkbox", { name: "Plan de masse — version 2" }));
    await user.click(within(form).getByRole("checkbox", { name: "Plan de situation — version 1" }));
    await user.type(within(form).getByLabelText("Avis au public"), "  Douze lots à bâtir. ");
    fireEvent.change(within(form).getByLabelText("Clôture (facultatif)"), {
      target: { value: "2026-06-30T18:00" },
    });
    await user.click(within(form).getByRole("button", { name: "Ouvrir l'enquête" }));

    expect(await within(panel).findByRole("status")).toHaveTextContent(
      "L'enquête publique est ouverte",
    );
    expect(bodies).toEqual([
      {
        public_versions: [V2, V1_SITUATION],
        notice: "Douze lots à bâtir.",
        closes_at: new Date("2026-06-30T18:00").toISOString(),
      },
    ]);
    const items = within(panel).getAllByRole("article");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText("En cours")).toBeVisible();
    expect(items[0]).toHaveTextContent("Douze lots à bâtir.");
    // One inquiry runs: no second one is offered.
    expect(within(panel).queryByRole("form")).not.toBeInTheDocument();
    expect(
      within(panel).queryByRole("button", { name: "Ouvrir l'enquête publique" }),
    ).not.toBeInTheDocument();
  });

  it("shows the API's refusals in place: a field error, then a 409", async () => {
    serve({ me: desk, inquiries: [] });
    const answers = [
      apiError(400, "Corrigez les champs signalés.", {
        closes_at: ["L'enquête doit se clore après son ouverture."],
      }),
      apiError(409, "Cette procédure ne requiert pas d'enquête publique."),
    ];
    let posts = 0;
    server.use(http.post(`${BASE}/inquiries/`, () => answers[posts++]));
    const { user } = renderPanel();

    const panel = await screen.findByRole("region", { name: "Enquête publique" });
    expect(await within(panel).findByText("Aucune enquête publique sur ce dossier.")).toBeVisible();
    await user.click(within(panel).getByRole("button", { name: "Ouvrir l'enquête publique" }));
    const form = within(panel).getByRole("form", { name: "Ouvrir l'enquête publique" });
    const closes = within(form).getByLabelText("Clôture (facultatif)");
    fireEvent.change(closes, { target: { value: "2020-01-01T00:00" } });
    await user.click(within(form).getByRole("button", { name: "Ouvrir l'enquête" }));

    await waitFor(() => expect(closes).toHaveAttribute("aria-invalid", "true"));
    expect(closes).toHaveAccessibleDescription(/L'enquête doit se clore après son ouverture\./);
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();

    fireEvent.change(closes, { target: { value: "" } });
    await user.click(within(form).getByRole("button", { name: "Ouvrir l'enquête" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "Cette procédure ne requiert pas d'enquête publique.",
    );
    expect(posts).toBe(2);
    expect(within(panel).queryByRole("status")).not.toBeInTheDocument();
    expect(within(form).getByRole("button", { name: "Ouvrir l'enquête" })).toBeEnabled();
  });

  it("shows the desk the observations with their authors and attachments, and their PDF", async () => {
    serve({ me: desk, inquiries: [makeInquiry({ observations: 2 })] });
    const authorizations: (string | null)[] = [];
    server.use(
      http.get(`/api/v1/inquiries/${INQUIRY_ID}/observations/`, () =>
        HttpResponse.json([
          makeObservation(),
          makeObservation({
            id: "0b000000-0000-4000-8000-000000000002",
            kind: "observation",
            text: "Favorable au projet.\nMerci de prévoir des arbres.",
            author_name: "",
            author_email: "voisine@example.test",
            attachments: [],
          }),
        ]),
      ),
      http.get(`/api/v1/inquiries/${INQUIRY_ID}/observations.pdf`, ({ request }) => {
        authorizations.push(request.headers.get("Authorization"));
        return new HttpResponse("%PDF-1.7", {
          headers: { "Content-Type": "application/pdf" },
        });
      }),
    );
    const { user } = renderPanel();

    const item = await screen.findByRole("article");
    expect(within(item).getByTestId("observation-count")).toHaveTextContent(
      "2 observations reçues",
    );
    const toggle = within(item).getByRole("button", { name: "Voir les observations" });
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");

    const list = await within(item).findByRole("list", { name: "Observations reçues" });
    const [objection, observation] = within(list).getAllByTestId("observation") as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(objection).getByText("Opposition")).toBeVisible();
    expect(objection).toHaveTextContent("Youssef Riverain");
    expect(within(objection).getByRole("link", { name: "riverain@example.test" })).toHaveAttribute(
      "href",
      "mailto:riverain@example.test",
    );
    expect(objection).toHaveTextContent("La voie d'accès est trop étroite pour les secours.");
    expect(within(objection).getByRole("time")).toHaveAttribute("datetime", "2026-05-04T08:30:00Z");
    expect(within(objection).getByText(/4 mai 2026/)).toBeVisible();
    const attachment = within(objection).getByRole("link", { name: "photo-voie.jpg" });
    expect(attachment).toHaveAttribute(
      "href",
      "https://urbadesk.example/media/inquiries/photo-voie.jpg?sig=abc",
    );
    expect(objection).toHaveTextContent(/photo-voie\.jpg \(2,4\s+Mo\)/);
    expect(within(observation).getByText("Observation")).toBeVisible();
    // No name given: the e-mail stands for the author.
    expect(
      within(observation).getByText("voisine@example.test", { selector: "strong" }),
    ).toBeVisible();
    expect(within(observation).queryByRole("list")).not.toBeInTheDocument();

    await user.click(
      within(item).getByRole("button", { name: "Télécharger les observations (PDF)" }),
    );
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(authorizations).toEqual(["Bearer access-1"]);
    const [blob, filename] = vi.mocked(saveFile).mock.calls[0]!;
    expect(await blob.text()).toBe("%PDF-1.7");
    expect(filename).toBe("observations-LT-2026-000004.pdf");
  });

  it("says so when the PDF is refused", async () => {
    serve({ me: desk, inquiries: [makeInquiry({ observations: 0 })] });
    server.use(
      http.get(`/api/v1/inquiries/${INQUIRY_ID}/observations.pdf`, () =>
        apiError(403, "Seul le guichet de l'autorité du dossier lit les observations."),
      ),
    );
    const { user } = renderPanel();

    const item = await screen.findByRole("article");
    await user.click(
      within(item).getByRole("button", { name: "Télécharger les observations (PDF)" }),
    );
    expect(await within(item).findByRole("alert")).toHaveTextContent(
      "Seul le guichet de l'autorité du dossier lit les observations.",
    );
    expect(saveFile).not.toHaveBeenCalled();
  });
});
