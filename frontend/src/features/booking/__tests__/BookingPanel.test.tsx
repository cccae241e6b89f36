import { screen, waitFor, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { components } from "@/api/client";
import { makeBooking, makePage, makeSlot } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import { BookingPanel } from "../components/BookingPanel";

type Slot = components["schemas"]["Slot"];
type Booking = components["schemas"]["Booking"];

const DOSSIER = "7a4b3c2d-0000-4000-8000-000000000001";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Week of Monday 4 May 2026; Casablanca is UTC+1 then.
const tuesday9 = makeSlot({
  id: "51000000-0000-4000-8000-0000000000a1",
  starts_at: "2026-05-05T08:00:00Z",
  ends_at: "2026-05-05T08:30:00Z",
  remaining: 3,
});
const thursday1030 = makeSlot({
  id: "51000000-0000-4000-8000-0000000000a2",
  session: "5e000000-0000-4000-8000-000000000002",
  starts_at: "2026-05-07T09:30:00Z",
  ends_at: "2026-05-07T10:00:00Z",
  remaining: 1,
});
const thursdayFull = makeSlot({
  id: "51000000-0000-4000-8000-0000000000a3",
  starts_at: "2026-05-07T10:00:00Z",
  ends_at: "2026-05-07T10:30:00Z",
  remaining: 0,
});
// 23:30 UTC on Sunday 10 May is 00:30 on Monday 11 May in Casablanca: next week.
const nextMondayLocal = makeSlot({
  id: "51000000-0000-4000-8000-0000000000a4",
  starts_at: "2026-05-10T23:30:00Z",
  ends_at: "2026-05-11T00:00:00Z",
});

type Options = { booking?: Booking | null; slots?: () => Slot[] };

/** The panel's GETs; returns the query strings of the slot requests. */
function panelHandlers({ booking = null, slots = () => [] }: Options) {
  const slotQueries: string[] = [];
  let current = booking;
  server.use(
    http.get("/api/v1/bookings/", ({ request }) => {
      const url = new URL(request.url);
      expect(url.searchParams.get("dossier")).toBe(DOSSIER);
      expect(url.searchParams.get("status")).toBe("active");
      return HttpResponse.json(makePage(current ? [current] : []));
    }),
    http.get(`/api/v1/dossiers/${DOSSIER}/available-slots/`, ({ request }) => {
      slotQueries.push(new URL(request.url).search);
      return HttpResponse.json(slots());
    }),
  );
  return {
    slotQueries,
    setBooking: (next: Booking | null) => {
      current = next;
    },
  };
}

function renderPanel() {
  return renderWithProviders(<BookingPanel dossierId={DOSSIER} />);
}

describe("booking a commission slot", () => {
  beforeEach(() => {
    // Only Date is faked: "today" is Monday 4 May 2026, timers run normally.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-05-04T07:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("shows the week's free slots in the commission's time zone and books with a key", async () => {
    const { slotQueries } = panelHandlers({
      slots: () => [tuesday9, thursday1030, thursdayFull, nextMondayLocal],
    });
    const posts: { body: unknown; key: string | null }[] = [];
    server.use(
      http.post("/api/v1/bookings/", async ({ request }) => {
        posts.push({ body: await request.json(), key: request.headers.get("Idempotency-Key") });
        return HttpResponse.json(
          makeBooking({
            dossier: DOSSIER,
            slot: { ...tuesday9, remaining: 2 },
            change_deadline: "2026-05-04T08:00:00Z",
          }),
          { status: 201 },
        );
      }),
    );
    const { user } = renderPanel();

    const picker = await screen.findByTestId("slot-picker");
    expect(
      await within(picker).findByText("Heures de Casablanca (Africa/Casablanca)"),
    ).toBeVisible();
    expect(within(picker).getByTestId("slot-picker-week")).toHaveTextContent(
      "Du lundi 4 mai au dimanche 10 mai",
    );
    // One day's margin each side of the week (the API's days are UTC days).
    expect(slotQueries[0]).toBe("?from=2026-05-03&to=2026-05-12");

    const days = within(picker).getAllByTestId("slot-day");
    expect(days).toHaveLength(7);
    // 08:00 UTC is 09:00 in Casablanca; the full slot and next Monday's are not offered.
    expect(
      within(days[1]!).getByRole("button", { name: "mardi 5 mai, 09:00, 3 places restantes" }),
    ).toBeEnabled();
    expect(within(days[3]!).getAllByTestId("slot")).toHaveLength(1);
    expect(within(days[3]!).getByText("10:30")).toBeInTheDocument();
    expect(within(days[0]!).queryAllByTestId("slot")).toHaveLength(0);
    expect(within(days[6]!).queryAllByTestId("slot")).toHaveLength(0);

    await user.click(within(days[1]!).getByRole("button", { name: /09:00/ }));

    const confirmation = await screen.findByTestId("booking-confirmation");
    expect(posts).toEqual([
      { body: { dossier: DOSSIER, slot: tuesday9.id }, key: expect.stringMatching(UUID) },
    ]);
    expect(within(confirmation).getByRole("status")).toHaveTextContent(
      "Votre rendez-vous est réservé.",
    );
    expect(within(confirmation).getByTestId("booking-when")).toHaveTextContent(
      /mardi 5 mai 2026 .*09:00 – 09:30.*heure de Casablanca/,
    );
    expect(within(confirmation).getByText("Salle du conseil, Hôtel de ville")).toBeInTheDocument();
    expect(within(confirmation).getByTestId("booking-deadline")).toHaveTextContent(
      /lundi 4 mai 2026 .*09:00/,
    );
    expect(
      within(confirmation).getByRole("button", { name: "Ajouter à mon agenda (.ics)" }),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("slot-picker")).not.toBeInTheDocument();
  });

  it("on a 409 (slot just taken) refreshes the week and asks to pick another", async () => {
    let taken = false;
    const { slotQueries } = panelHandlers({
      slots: () => (taken ? [thursday1030] : [tuesday9, thursday1030]),
    });
    server.use(
      http.post("/api/v1/bookings/", () => {
        taken = true;
        return HttpResponse.json(
          { type: "conflict", title: "Conflit", status: 409, detail: "Ce créneau est complet." },
          { status: 409 },
        );
      }),
    );
    const { user } = renderPanel();

    await user.click(await screen.findByRole("button", { name: /mardi 5 mai, 09:00/ }));

    const alert = await screen.findByTestId("slot-conflict");
    expect(alert).toHaveTextContent("Ce créneau vient d'être pris");
    expect(alert).toHaveTextContent("choisissez-en un autre");
    expect(alert).toHaveTextContent("Ce créneau est complet.");
    await waitFor(() => expect(slotQueries).toHaveLength(2));
    await waitFor(() =>
      expect(screen.queryByRole("button", { name: /mardi 5 mai, 09:00/ })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole("button", { name: /jeudi 7 mai, 10:30/ })).toBeEnabled();
    expect(screen.queryByTestId("booking-confirmation")).not.toBeInTheDocument();
  });

  it("moves a booking with one reschedule call, never cancel then book", async () => {
    const booking = makeBooking({ id: "b0000000-0000-4000-8000-0000000000b1", slot: tuesday9 });
    panelHandlers({ booking, slots: () => [tuesday9, thursday1030] });
    const calls: string[] = [];
    const bodies: unknown[] = [];
    server.use(
      http.post(`/api/v1/bookings/${booking.id}/reschedule/`, async ({ request }) => {
        calls.push(`reschedule ${request.headers.get("Idempotency-Key") ? "keyed" : "no key"}`);
        bodies.push(await request.json());
        return HttpResponse.json(
          makeBooking({ id: "b0000000-0000-4000-8000-0000000000b2", slot: thursday1030 }),
        );
      }),
      http.post(`/api/v1/bookings/${booking.id}/cancel/`, () => {
        calls.push("cancel");
        return HttpResponse.json(booking);
      }),
      http.post("/api/v1/bookings/", () => {
        calls.push("book");
        return HttpResponse.json(booking, { status: 201 });
      }),
    );
    const { user } = renderPanel();

    const confirmation = await screen.findByTestId("booking-confirmation");
    expect(within(confirmation).getByTestId("booking-when")).toHaveTextContent("09:00");
    await user.click(within(confirmation).getByRole("button", { name: "Déplacer" }));

    // The current slot is shown but not offered.
    const current = await screen.findByRole("button", { name: /mardi 5 mai, 09:00/ });
    expect(current).toBeDisabled();
    expect(current).toHaveTextContent("Votre créneau");
    await user.click(screen.getByRole("button", { name: /jeudi 7 mai, 10:30/ }));

    const moved = await screen.findByText("Votre rendez-vous a été déplacé.");
    expect(calls).toEqual(["reschedule keyed"]);
    expect(bodies).toEqual([{ slot: thursday1030.id }]);
    expect(
      within(moved.closest("[data-testid=booking-confirmation]")! as HTMLElement).getByTestId(
        "booking-when",
      ),
    ).toHaveTextContent(/jeudi 7 mai 2026 .*10:30 – 11:00/);
  });

  it("shows the deadline from the API when cancelling is too late (409)", async () => {
    const booking = makeBooking({ slot: tuesday9 });
    panelHandlers({ booking, slots: () => [] });
    const DETAIL =
      "Ce rendez-vous ne peut plus être annulé ni déplacé depuis le 3 mai 2026 à 09:00.";
    let cancels = 0;
    server.use(
      http.post(`/api/v1/bookings/${booking.id}/cancel/`, () => {
        cancels += 1;
        return HttpResponse.json(
          { type: "conflict", title: "Conflit", status: 409, detail: DETAIL },
          { status: 409 },
        );
      }),
    );
    const { user } = renderPanel();

    await user.click(await screen.findByRole("button", { name: "Annuler le rendez-vous" }));
    // Nothing is sent before the confirmation.
    expect(cancels).toBe(0);
    const confirm = screen.getByRole("group", { name: "Annuler le rendez-vous ?" });
    await user.click(within(confirm).getByRole("button", { name: "Oui, annuler le rendez-vous" }));

    expect(await within(confirm).findByRole("alert")).toHaveTextContent(DETAIL);
    expect(cancels).toBe(1);
    expect(screen.getByTestId("booking-confirmation")).toBeInTheDocument();
    expect(screen.queryByTestId("slot-picker")).not.toBeInTheDocument();
  });

  it("cancels after confirmation and offers the week again", async () => {
    const booking = makeBooking({ slot: tuesday9 });
    const { setBooking } = panelHandlers({ booking, slots: () => [tuesday9] });
    server.use(
      http.post(`/api/v1/bookings/${booking.id}/cancel/`, () => {
        setBooking(null);
        return HttpResponse.json({ ...booking, status: "cancelled" });
      }),
    );
    const { user } = renderPanel();

    await user.click(await screen.findByRole("button", { name: "Annuler le rendez-vous" }));
    await user.click(screen.getByRole("button", { name: "Oui, annuler le rendez-vous" }));

    expect(await screen.findByTestId("slot-picker")).toBeInTheDocument();
    expect(screen.queryByTestId("booking-confirmation")).not.toBeInTheDocument();
  });

  it("offers neither move nor cancel once the change deadline has passed", async () => {
    panelHandlers({
      booking: makeBooking({ slot: tuesday9, change_deadline: "2026-05-03T08:00:00Z" }),
    });
    renderPanel();

    expect(await screen.findByTestId("booking-locked")).toHaveTextContent(
      /ne peut plus être déplacé ni annulé : le délai a expiré le dimanche 3 mai 2026/,
    );
    expect(screen.queryByRole("button", { name: "Déplacer" })).not.toBeInTheDocument();
    expect(
      screen.queryByRole("button", { name: "Annuler le rendez-vous" }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Ajouter à mon agenda (.ics)" })).toBeEnabled();
  });
});
