import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { components } from "@/api/client";
import { i18n } from "@/app/i18n";
import { makeAnnotation, makeComment, makePage } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { type Annotation, useAnnotations } from "../api/get-annotations";
import { AnnotationPanel } from "../components/AnnotationPanel";

type Schemas = components["schemas"];

const VERSION_ID = "5e4d3c2b-0000-4000-8000-000000000003";
const LIST = `/api/v1/plan-versions/${VERSION_ID}/annotations/`;
const blank = "" as Schemas["Annotation"]["status"];

const openRemark = makeAnnotation({
  id: "a1000000-0000-4000-8000-000000000001",
  revision: 3,
  comments: [
    makeComment({
      id: "c1000000-0000-4000-8000-000000000001",
      body: "Nous allons reprendre la façade.",
      created_at: "2026-02-02T09:00:00Z",
    }),
  ],
  created_at: "2026-02-01T10:00:00Z",
});
const area = makeAnnotation({
  id: "a1000000-0000-4000-8000-000000000002",
  kind: "measurement",
  measurement_kind: "area",
  measurement: { kind: "area", value: 42.5, unit: "m2", reason: "" },
  is_remark: false,
  status: blank,
  visibility: "internal",
  text: "",
  author: "agent@commune.test",
  author_name: "Bachir Agent",
  created_at: "2026-02-01T09:00:00Z",
});
const carried = makeAnnotation({
  id: "a1000000-0000-4000-8000-000000000003",
  page_index: 2,
  status: "resolved",
  visibility: "internal",
  text: "Préciser les matériaux de la clôture sur rue.",
  carried_from: "a0000000-0000-4000-8000-00000000000f",
  created_at: "2026-01-20T10:00:00Z",
});
const arrow = makeAnnotation({
  id: "a1000000-0000-4000-8000-000000000004",
  page_index: 3,
  kind: "arrow",
  is_remark: false,
  status: blank,
  text: "Accès pompiers",
  author: "agent@commune.test",
  author_name: "Bachir Agent",
  created_at: "2026-01-10T10:00:00Z",
});

type HarnessProps = {
  onSelect?: (annotation: Annotation) => void;
  selectedId?: string | null;
  canAnnotate?: boolean;
  canModerate?: boolean;
};

/** The panel as the viewer uses it: fed from the annotations query, selecting what is clicked. */
function Harness({
  onSelect = () => {},
  selectedId = null,
  canAnnotate = true,
  canModerate = true,
}: HarnessProps) {
  const annotations = useAnnotations(VERSION_ID);
  const [selected, setSelected] = useState(selectedId);
  if (!annotations.data) return null;
  return (
    <AnnotationPanel
      versionId={VERSION_ID}
      annotations={[...annotations.data.byId.values()]}
      currentPage={1}
      canAnnotate={canAnnotate}
      canModerate={canModerate}
      selectedId={selected}
      onSelect={(annotation) => {
        onSelect(annotation);
        setSelected(annotation.id);
      }}
      formatMeasurement={(annotation) => `${annotation.measurement?.value ?? "?"} m²`}
    />
  );
}

/** The GET answers with `store` as it is at request time; returns how many times it was asked. */
function serveAnnotations(store: { list: Annotation[] }) {
  const calls = { count: 0 };
  server.use(
    http.get(LIST, () => {
      calls.count += 1;
      return HttpResponse.json(makePage(store.list));
    }),
  );
  return calls;
}

const items = () => screen.getAllByTestId("annotation-item");
const summary = () => screen.getByTestId("annotation-summary");

describe("annotation panel", () => {
  it("lists the page's or the plan's annotations and narrows them with the filters", async () => {
    serveAnnotations({ list: [arrow, carried, openRemark, area] });
    const { user } = renderWithProviders(<Harness />);

    const panel = await screen.findByRole("region", { name: "Annotations et remarques" });
    expect(summary()).toHaveAttribute("role", "status");
    expect(summary()).toHaveTextContent("2 annotations, 1 remarque ouverte");
    // Page 1 only, oldest first.
    expect(items()).toHaveLength(2);
    expect(items()[0]).toHaveTextContent("Surface · Page 1 · Bachir Agent 42.5 m²");
    expect(within(items()[0]!).getByText("Interne")).toBeInTheDocument();
    expect(items()[0]).not.toHaveTextContent("Remarque");
    expect(items()[1]).toHaveTextContent(
      "Note Remarque · Page 1 · Karim Rapporteur La hauteur dépasse le gabarit autorisé.",
    );
    expect(items()[1]).toHaveTextContent("Ouverte Partagée 1 commentaire");
    expect(items()[1]).not.toHaveTextContent("Reportée");

    await user.click(within(panel).getByRole("radio", { name: "Tout le plan" }));
    expect(summary()).toHaveTextContent("4 annotations, 1 remarque ouverte");
    expect(items().map((item) => item.dataset.annotationId)).toEqual([
      area.id,
      openRemark.id,
      carried.id,
      arrow.id,
    ]);
    expect(items()[2]).toHaveTextContent("Page 2");
    expect(items()[2]).toHaveTextContent("Résolue Interne 0 commentaire");
    expect(items()[2]).toHaveTextContent("Reportée de la version précédente");

    const kind = screen.getByLabelText("Type");
    // Only the kinds present on the plan are offered, after "all" and "remarks only".
    expect(
      within(kind)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Tous les types", "Remarques uniquement", "Note", "Flèche", "Surface"]);
    await user.selectOptions(kind, "Remarques uniquement");
    expect(items().map((item) => item.dataset.annotationId)).toEqual([openRemark.id, carried.id]);
    expect(summary()).toHaveTextContent("2 annotations sur 4, 1 remarque ouverte");

    await user.selectOptions(screen.getByLabelText("Statut"), "Résolue");
    expect(items().map((item) => item.dataset.annotationId)).toEqual([carried.id]);
    expect(summary()).toHaveTextContent("1 annotation sur 4, 0 remarque ouverte");

    await user.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    expect(items()).toHaveLength(4);

    const author = screen.getByLabelText("Auteur");
    expect(
      within(author)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["Tous les auteurs", "Bachir Agent", "Karim Rapporteur"]);
    await user.selectOptions(author, "Bachir Agent");
    expect(items().map((item) => item.dataset.annotationId)).toEqual([area.id, arrow.id]);

    await user.selectOptions(screen.getByLabelText("Visibilité"), "Partagée avec le demandeur");
    expect(items().map((item) => item.dataset.annotationId)).toEqual([arrow.id]);

    await user.selectOptions(screen.getByLabelText("Type"), "Surface");
    expect(screen.queryByTestId("annotation-item")).not.toBeInTheDocument();
    expect(screen.getByText("Aucune annotation à afficher.")).toBeInTheDocument();
    expect(summary()).toHaveTextContent("0 annotation sur 4, 0 remarque ouverte");

    await user.click(within(panel).getByRole("radio", { name: "Cette page" }));
    await user.click(screen.getByRole("button", { name: "Effacer les filtres" }));
    expect(items()).toHaveLength(2);
  });

  it("selects on click or Enter and moves between items with the arrow keys", async () => {
    serveAnnotations({ list: [arrow, carried, openRemark, area] });
    const onSelect = vi.fn();
    const { user } = renderWithProviders(<Harness onSelect={onSelect} />);
    await screen.findByRole("region", { name: "Annotations et remarques" });
    await user.click(screen.getByRole("radio", { name: "Tout le plan" }));

    const list = screen.getByRole("list", { name: "Annotations listées" });
    expect(list).toHaveAccessibleDescription(expect.stringContaining("Entrée"));
    // One item in the tab order: the first until one is focused or selected.
    expect(items().map((item) => item.tabIndex)).toEqual([0, -1, -1, -1]);

    await user.click(items()[1]!);
    expect(onSelect).toHaveBeenLastCalledWith(expect.objectContaining({ id: openRemark.id }));
    expect(items()[1]).toHaveAttribute("aria-current", "true");
    expect(items()[0]).not.toHaveAttribute("aria-current");
    expect(items()[1]).toHaveFocus();

    await user.keyboard("{ArrowDown}");
    expect(items()[2]).toHaveFocus();
    expect(items().map((item) => item.tabIndex)).toEqual([-1, -1, 0, -1]);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(items()[3]).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(items()[2]).toHaveFocus();
    await user.keyboard("{Home}");
    expect(items()[0]).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(items()[0]).toHaveFocus();
    await user.keyboard("{End}");
    expect(items()[3]).toHaveFocus();

    onSelect.mockClear();
    await user.keyboard("{Enter}");
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: arrow.id }));
    expect(items()[3]).toHaveAttribute("aria-current", "true");
    // Not a remark: no thread.
    expect(screen.queryByTestId("remark-thread")).not.toBeInTheDocument();
  });

  it("posts an answer, clears the form and shows it once the thread is read again", async () => {
    const store = { list: [openRemark] };
    serveAnnotations(store);
    const posted: unknown[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const answer = makeComment({
      id: "c1000000-0000-4000-8000-000000000002",
      author: "rapporteur@example.test",
      author_name: "Karim Rapporteur",
      body: "Merci, à joindre au prochain dépôt.",
      created_at: "2026-02-03T15:30:00Z",
    });
    server.use(
      http.post(`/api/v1/annotations/${openRemark.id}/comments/`, async ({ request }) => {
        posted.push(await request.json());
        await gate;
        store.list = [{ ...openRemark, revision: 4, comments: [...openRemark.comments, answer] }];
        return HttpResponse.json(answer, { status: 201 });
      }),
    );
    const { user } = renderWithProviders(<Harness selectedId={openRemark.id} />);

    const thread = await screen.findByTestId("remark-thread");
    expect(within(thread).getByRole("heading", { name: "Discussion" })).toBeInTheDocument();
    let messages = within(thread).getAllByTestId("remark-message");
    expect(messages).toHaveLength(2);
    expect(messages[0]).toHaveTextContent("Karim Rapporteur");
    expect(messages[0]).toHaveTextContent("La hauteur dépasse le gabarit autorisé.");
    expect(messages[1]).toHaveTextContent("Amina Demandeur");
    expect(messages[1]).toHaveTextContent("Nous allons reprendre la façade.");
    expect(within(messages[1]!).getByText(/2 févr\. 2026/)).toHaveAttribute(
      "datetime",
      "2026-02-02T09:00:00Z",
    );

    const body = within(thread).getByLabelText("Votre réponse");
    await user.type(body, "  Merci, à joindre au prochain dépôt. ");
    await user.click(within(thread).getByRole("button", { name: "Répondre" }));

    expect(await within(thread).findByRole("button", { name: "Envoi…" })).toBeDisabled();
    expect(posted).toEqual([{ body: "Merci, à joindre au prochain dépôt." }]);
    release();

    await waitFor(() => expect(within(thread).getAllByTestId("remark-message")).toHaveLength(3));
    messages = within(thread).getAllByTestId("remark-message");
    expect(messages[2]).toHaveTextContent("Karim Rapporteur");
    expect(messages[2]).toHaveTextContent("Merci, à joindre au prochain dépôt.");
    expect(body).toHaveValue("");
    expect(within(thread).getByRole("button", { name: "Répondre" })).toBeEnabled();
    expect(screen.getByTestId("annotation-item")).toHaveTextContent("2 commentaires");
    expect(posted).toHaveLength(1);
  });

  it("shows the API's message when an answer is refused and keeps the text", async () => {
    serveAnnotations({ list: [openRemark] });
    server.use(
      http.post(`/api/v1/annotations/${openRemark.id}/comments/`, () =>
        HttpResponse.json(
          {
            type: "validation_error",
            title: "Invalid input",
            status: 400,
            detail: "The request is invalid.",
            errors: { body: ["Ce champ est trop long."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderWithProviders(<Harness selectedId={openRemark.id} />);
    const thread = await screen.findByTestId("remark-thread");
    const body = within(thread).getByLabelText("Votre réponse");
    await user.type(body, "Une réponse");
    await user.click(within(thread).getByRole("button", { name: "Répondre" }));

    expect(await within(thread).findByText("Ce champ est trop long.")).toBeInTheDocument();
    expect(body).toHaveAttribute("aria-invalid", "true");
    expect(body).toHaveValue("Une réponse");
    expect(within(thread).getAllByTestId("remark-message")).toHaveLength(2);
  });

  it("changes a remark's status and visibility, sending the current revision", async () => {
    serveAnnotations({ list: [openRemark] });
    const patched: unknown[] = [];
    server.use(
      http.patch(`/api/v1/annotations/${openRemark.id}/`, async ({ request }) => {
        const patch = (await request.json()) as Partial<Annotation>;
        patched.push(patch);
        const revision = 3 + patched.length;
        return HttpResponse.json({ ...openRemark, ...patch, revision });
      }),
    );
    const { user } = renderWithProviders(<Harness selectedId={openRemark.id} />);
    const thread = await screen.findByTestId("remark-thread");

    const status = within(thread).getByLabelText("Statut de la remarque");
    expect(status).toHaveValue("open");
    await user.selectOptions(status, "Résolue");
    await waitFor(() => expect(patched).toEqual([{ status: "resolved", revision: 3 }]));
    await waitFor(() => expect(screen.getByTestId("annotation-item")).toHaveTextContent("Résolue"));
    expect(status).toHaveValue("resolved");

    const shared = within(thread).getByRole("switch", { name: "Partagée avec le demandeur" });
    expect(shared).toBeChecked();
    await user.click(shared);
    await waitFor(() => expect(patched).toHaveLength(2));
    // The revision the first change came back with.
    expect(patched[1]).toEqual({ visibility: "internal", revision: 4 });
    await waitFor(() => expect(shared).not.toBeChecked());
    expect(screen.getByTestId("annotation-item")).toHaveTextContent("Interne");
  });

  it("shows the API's message on a conflict and reads the remarks again", async () => {
    const calls = serveAnnotations({ list: [openRemark] });
    const CONFLICT = "Cette remarque a été modifiée entre-temps ; rechargez-la.";
    server.use(
      http.patch(`/api/v1/annotations/${openRemark.id}/`, () =>
        HttpResponse.json(
          { type: "conflict", title: "Conflict", status: 409, detail: CONFLICT },
          { status: 409 },
        ),
      ),
    );
    const { user } = renderWithProviders(<Harness selectedId={openRemark.id} />);
    const thread = await screen.findByTestId("remark-thread");
    expect(calls.count).toBe(1);

    await user.selectOptions(within(thread).getByLabelText("Statut de la remarque"), "Rejetée");

    expect(await within(thread).findByRole("alert")).toHaveTextContent(CONFLICT);
    await waitFor(() => expect(calls.count).toBe(2));
    expect(within(thread).getByLabelText("Statut de la remarque")).toHaveValue("open");
  });

  it("lets the applicant read and answer, without status or visibility controls", async () => {
    serveAnnotations({ list: [openRemark] });
    renderWithProviders(
      <Harness selectedId={openRemark.id} canAnnotate={false} canModerate={false} />,
    );
    const thread = await screen.findByTestId("remark-thread");

    expect(within(thread).getAllByTestId("remark-message")).toHaveLength(2);
    expect(within(thread).getByLabelText("Votre réponse")).toBeEnabled();
    expect(within(thread).getByRole("button", { name: "Répondre" })).toBeInTheDocument();
    expect(screen.queryByLabelText("Statut de la remarque")).not.toBeInTheDocument();
    expect(screen.queryByRole("switch")).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox")).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Visibilité")).not.toBeInTheDocument();
    expect(screen.getByTestId("annotation-item")).not.toHaveTextContent("Partagée");
    expect(screen.getByTestId("annotation-item")).toHaveTextContent("Ouverte");
  });

  it("shows the selected remark's thread even when the filters hide it", async () => {
    serveAnnotations({ list: [openRemark, area] });
    const { user } = renderWithProviders(<Harness selectedId={openRemark.id} />);
    await screen.findByTestId("remark-thread");

    await user.selectOptions(screen.getByLabelText("Type"), "Surface");
    expect(items().map((item) => item.dataset.annotationId)).toEqual([area.id]);
    const selected = screen.getByRole("region", { name: "Remarque sélectionnée" });
    expect(within(selected).getByTestId("remark-thread")).toBeInTheDocument();
    expect(selected).toHaveTextContent("La hauteur dépasse le gabarit autorisé.");
  });

  it("speaks English", async () => {
    await i18n.changeLanguage("en");
    serveAnnotations({ list: [openRemark, area, carried] });
    const { user } = renderWithProviders(<Harness selectedId={openRemark.id} />);

    expect(
      await screen.findByRole("heading", { name: "Annotations and remarks" }),
    ).toBeInTheDocument();
    expect(summary()).toHaveTextContent("2 annotations, 1 open remark");
    await user.click(screen.getByRole("radio", { name: "Whole plan" }));
    expect(items()[0]).toHaveTextContent("Area · Page 1 · Bachir Agent");
    expect(items()[1]).toHaveTextContent("Note Remark · Page 1");
    expect(items()[1]).toHaveTextContent("Open Shared 1 comment");
    expect(items()[2]).toHaveTextContent("Carried forward from the previous version");
    expect(screen.getByLabelText("Status of the remark")).toHaveValue("open");
    expect(screen.getByRole("switch", { name: "Shared with the applicant" })).toBeChecked();
    expect(screen.getByRole("button", { name: "Answer" })).toBeInTheDocument();
    expect(screen.getByText(/Feb 2, 2026/)).toBeInTheDocument();
  });
});
