import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeDossierDetail, makePlan, makePlanVersion } from "@/testing/data";
import { FakeXhr } from "@/testing/fake-xhr";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { uploadPlanFile } from "../api/upload-plan-file";
import { DossierPage } from "../components/DossierPage";
import { dossierPageHandlers } from "./dossier-page-handlers";

const dossier = makeDossierDetail();
const plan = makePlan({ dossier: dossier.id });
const version = makePlanVersion({ plan: plan.id, original_filename: "situation.pdf" });
const UPLOAD_ID = "0f0e0d0c-0000-4000-8000-0000000000aa";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UPLOAD_URL = "https://storage.example.test/urbadesk/dossiers/x?X-Amz-Signature=abc";

/** Handlers for the API side of an upload; `calls` records them in order. */
function uploadHandlers(calls: string[], bodies: unknown[], keys: (string | null)[] = []) {
  return [
    http.post(`/api/v1/plans/${plan.id}/uploads/`, async ({ request }) => {
      calls.push("start");
      keys.push(request.headers.get("Idempotency-Key"));
      bodies.push(await request.json());
      return HttpResponse.json(
        {
          id: UPLOAD_ID,
          upload_url: UPLOAD_URL,
          method: "PUT",
          headers: { "Content-Type": "application/pdf", "x-amz-meta-plan": plan.id },
          expires_at: "2026-01-15T11:00:00Z",
        },
        { status: 201 },
      );
    }),
    http.post(`/api/v1/uploads/${UPLOAD_ID}/complete/`, () => {
      calls.push("complete");
      return HttpResponse.json(version, { status: 201 });
    }),
  ];
}

function pdfFile(size = 2048) {
  return new File([new Uint8Array(size)], "situation.pdf", { type: "application/pdf" });
}

describe("direct-to-storage upload", () => {
  beforeEach(() => {
    FakeXhr.reset();
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("asks for a slot, PUTs the file to storage without the token, then completes", async () => {
    const calls: string[] = [];
    const bodies: unknown[] = [];
    server.use(...uploadHandlers(calls, bodies));
    const file = pdfFile();
    const progress: number[] = [];
    const phases: string[] = [];

    const pending = uploadPlanFile({
      planId: plan.id,
      file,
      declaredScale: 100,
      onPhase: (phase) => phases.push(phase),
      onProgress: ({ loaded, total }) => progress.push(loaded / total),
    });
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    const xhr = FakeXhr.latest();
    calls.push("put");
    expect(calls).toEqual(["start", "put"]);
    expect(xhr).toMatchObject({ method: "PUT", url: UPLOAD_URL, sent: true, body: file });
    expect(xhr.requestHeaders).toEqual({
      "Content-Type": "application/pdf",
      "x-amz-meta-plan": plan.id,
    });
    xhr.progress(1024, 2048);
    xhr.respond(200);

    await expect(pending).resolves.toEqual(version);
    expect(calls).toEqual(["start", "put", "complete"]);
    expect(bodies).toEqual([
      { filename: "situation.pdf", size: 2048, media_type: "application/pdf", declared_scale: 100 },
    ]);
    expect(progress).toEqual([0.5, 1]);
    expect(phases).toEqual(["preparing", "uploading", "completing"]);
  });

  it("does not complete when the storage refuses the file", async () => {
    const calls: string[] = [];
    server.use(...uploadHandlers(calls, []));

    const pending = uploadPlanFile({ planId: plan.id, file: pdfFile() });
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    FakeXhr.latest().respond(403);

    await expect(pending).rejects.toMatchObject({ name: "UploadFailedError", status: 403 });
    expect(calls).toEqual(["start"]);
  });

  it("shows the progress bar and the new version on the dossier page", async () => {
    const calls: string[] = [];
    const keys: (string | null)[] = [];
    let planRequests = 0;
    server.use(
      ...uploadHandlers(calls, [], keys),
      http.get(`/api/v1/dossiers/${dossier.id}/`, () => HttpResponse.json(dossier)),
      http.get(`/api/v1/dossiers/${dossier.id}/plans/`, () => {
        planRequests += 1;
        const versions =
          planRequests > 1
            ? [{ id: version.id, number: 1, status: "processing" as const, created_at: "" }]
            : [];
        return HttpResponse.json({
          count: 1,
          next: null,
          previous: null,
          results: [{ ...plan, versions }],
        });
      }),
      // me, parties and history (the handlers above take precedence for the rest).
      ...dossierPageHandlers({ dossier }),
    );
    const { user } = renderWithProviders(<DossierPage />, {
      route: `/dossiers/${dossier.id}`,
      path: "/dossiers/:dossierId",
    });

    const card = await screen.findByTestId("plan-card");
    expect(within(card).getByText("Aucune version téléversée.")).toBeInTheDocument();
    await user.upload(within(card).getByLabelText("Fichier (PDF, PNG, JPEG, TIFF)"), pdfFile());
    await user.type(within(card).getByLabelText("Échelle déclarée 1:"), "100");
    await user.click(within(card).getByRole("button", { name: "Téléverser" }));

    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    const xhr = FakeXhr.latest();
    xhr.progress(512, 2048);
    const bar = await within(card).findByRole("progressbar", {
      name: "Progression du téléversement",
    });
    await waitFor(() => expect(bar).toHaveAttribute("value", "25"));
    expect(within(card).getByText("Envoi du fichier : 25 %")).toBeInTheDocument();

    xhr.respond(204);

    expect(
      await within(card).findByText("Fichier reçu : la version 1 est en cours de traitement."),
    ).toBeInTheDocument();
    expect(calls).toEqual(["start", "complete"]);
    expect(keys).toEqual([expect.stringMatching(UUID)]);
    const item = await within(card).findByTestId("plan-version");
    expect(within(item).getByTestId("plan-version-status")).toHaveTextContent("En traitement");
    expect(within(card).queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("says the version is ready once it is, instead of still processing", async () => {
    let versionRequests = 0;
    server.use(
      ...uploadHandlers([], []),
      http.get(`/api/v1/plan-versions/${version.id}/`, () => {
        versionRequests += 1;
        return HttpResponse.json({ ...version, status: "ready", page_count: 0 });
      }),
      http.get(`/api/v1/dossiers/${dossier.id}/plans/`, () =>
        HttpResponse.json({
          count: 1,
          next: null,
          previous: null,
          results: [
            {
              ...plan,
              versions: [{ id: version.id, number: 1, status: "processing", created_at: "" }],
            },
          ],
        }),
      ),
      ...dossierPageHandlers({ dossier }),
    );
    const { user } = renderWithProviders(<DossierPage />, {
      route: `/dossiers/${dossier.id}`,
      path: "/dossiers/:dossierId",
    });
    const card = await screen.findByTestId("plan-card");
    await user.upload(within(card).getByLabelText("Fichier (PDF, PNG, JPEG, TIFF)"), pdfFile());
    await user.click(within(card).getByRole("button", { name: "Téléverser" }));
    await waitFor(() => expect(FakeXhr.instances).toHaveLength(1));
    FakeXhr.latest().respond(204);

    expect(
      await within(card).findByText("Fichier reçu : la version 1 est en cours de traitement."),
    ).toBeInTheDocument();
    // The card polls the version; the message follows it.
    expect(
      await within(card).findByText("Fichier reçu : la version 1 est prête.", undefined, {
        timeout: 4000,
      }),
    ).toBeInTheDocument();
    expect(versionRequests).toBeGreaterThan(0);
    expect(
      within(card).queryByText("Fichier reçu : la version 1 est en cours de traitement."),
    ).not.toBeInTheDocument();
  });
});
