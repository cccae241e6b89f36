import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { makeCalibration } from "@/testing/data";
import { renderWithProviders } from "@/testing/render";
import { server } from "@/testing/server";
import type { Calibration } from "../api/page-scales";
import { CalibrationBar } from "../components/CalibrationBar";

const VERSION_ID = "5e4d3c2b-0000-4000-8000-000000000003";
const CALIBRATIONS = `/api/v1/plan-versions/${VERSION_ID}/calibrations/`;

type Props = Partial<Parameters<typeof CalibrationBar>[0]>;

function renderBar(props: Props = {}) {
  const callbacks = { onStartTwoPoints: vi.fn(), onStartViewport: vi.fn() };
  const rendered = renderWithProviders(
    <CalibrationBar
      versionId={VERSION_ID}
      pageIndex={2}
      declaredScale={null}
      calibration={undefined}
      canCalibrate
      {...callbacks}
      {...props}
    />,
  );
  return { ...rendered, ...callbacks };
}

/** Answers the POST with the calibration it sets; returns the bodies it received. */
function acceptCalibrations() {
  const posted: unknown[] = [];
  server.use(
    http.post(CALIBRATIONS, async ({ request }) => {
      const body = (await request.json()) as { page_index: number; scale: number };
      posted.push(body);
      return HttpResponse.json(
        makeCalibration({ page_index: body.page_index, scale: body.scale }),
        {
          status: 201,
        },
      );
    }),
  );
  return posted;
}

const status = () => screen.getByTestId("calibration-status");
const button = (name: string) => screen.getByRole("button", { name });

describe("calibration bar", () => {
  it("says the page has no scale when nothing is declared or calibrated", () => {
    renderBar();
    expect(status()).toHaveAttribute("role", "status");
    expect(status()).toHaveTextContent(
      "Page non étalonnée : longueurs et surfaces n'ont pas de valeur tant que la page n'a pas d'échelle.",
    );
    expect(screen.queryByTestId("accept-declared-scale")).not.toBeInTheDocument();
  });

  it("shows a declared scale as not yet confirmed", () => {
    renderBar({ declaredScale: 100 });
    expect(status()).toHaveTextContent("Échelle déclarée 1:100 (pas encore confirmée).");
  });

  it("says who confirmed a scale and when", () => {
    renderBar({
      declaredScale: 100,
      calibration: makeCalibration({ scale: 200, calibrated_by: "agent@commune.test" }),
    });
    expect(status().textContent).toMatch(
      /^Échelle 1:200, confirmée par agent@commune\.test le 1 févr\. 2026.*\d{2}:\d{2}\.$/,
    );
    // Another scale than the declared one was confirmed: the declared one can still be.
    expect(button("Confirmer l'échelle déclarée 1:100")).toBeInTheDocument();
  });

  it("says who calibrated on a known length and when", () => {
    const calibration: Calibration = makeCalibration({
      method: "two_points",
      scale: null,
      points: [
        [100, 100],
        [400, 100],
      ],
      known_length_m: 12,
      calibrated_by: "rapporteur@example.test",
    });
    renderBar({ declaredScale: 100, calibration });
    expect(status().textContent).toMatch(
      /^Étalonnée sur une longueur connue de 12 m par rapporteur@example\.test le 1 févr\. 2026.*\d{2}:\d{2}\.$/,
    );
  });

  it("hides the confirmation once the declared scale is the one in use", () => {
    renderBar({ declaredScale: 100, calibration: makeCalibration({ scale: 100 }) });
    expect(screen.queryByTestId("accept-declared-scale")).not.toBeInTheDocument();
    expect(button("Appliquer")).toBeInTheDocument();
  });

  it("confirms the declared scale for its page", async () => {
    const posted = acceptCalibrations();
    const { user } = renderBar({ declaredScale: 100 });

    await user.click(button("Confirmer l'échelle déclarée 1:100"));

    await waitFor(() => expect(posted).toEqual([{ page_index: 2, scale: 100 }]));
    await waitFor(() => expect(button("Appliquer")).toBeEnabled());
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("applies the scale picked in the list, starting from the declared one", async () => {
    const posted = acceptCalibrations();
    const { user } = renderBar({ declaredScale: 250 });
    const select = screen.getByRole("combobox", { name: "Échelle" });
    expect(select).toHaveValue("250");

    await user.selectOptions(select, "1:500");
    await user.click(button("Appliquer"));

    await waitFor(() => expect(posted).toEqual([{ page_index: 2, scale: 500 }]));
  });

  it("starts the two-point tool and the viewport tool", async () => {
    const { user, onStartTwoPoints, onStartViewport } = renderBar();

    await user.click(button("Étalonner sur une longueur connue"));
    expect(onStartTwoPoints).toHaveBeenCalledTimes(1);
    expect(onStartViewport).not.toHaveBeenCalled();

    await user.click(button("Ajouter une fenêtre à échelle propre"));
    expect(onStartViewport).toHaveBeenCalledTimes(1);
    expect(onStartTwoPoints).toHaveBeenCalledTimes(1);
  });

  it("shows the API's message when the scale is refused", async () => {
    server.use(
      http.post(CALIBRATIONS, () =>
        HttpResponse.json(
          {
            type: "validation_error",
            title: "Invalid input",
            status: 400,
            detail: "The request is invalid.",
            errors: { scale: ["Cette page a déjà une fenêtre à cette échelle."] },
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = renderBar();

    await user.click(button("Appliquer"));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Cette page a déjà une fenêtre à cette échelle.",
    );
  });

  it("offers no action to whoever may not calibrate", () => {
    renderBar({ declaredScale: 100, canCalibrate: false });
    expect(status()).toHaveTextContent("Échelle déclarée 1:100 (pas encore confirmée).");
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
  });
});
