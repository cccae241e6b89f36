import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { apiClient } from "@/api/client";
import { i18n } from "@/app/i18n";
import { tokenStore } from "@/lib/token-store";
import { makeDossier } from "@/testing/data";
import { server } from "@/testing/server";

const me = {
  id: "u-1",
  email: "a@example.org",
  full_name: "A",
  role: "applicant",
  organisation: null,
};

/** The /me endpoint accepts only the given access token. */
function meAccepting(access: string, seen: (string | null)[]) {
  return http.get("/api/v1/auth/me/", ({ request }) => {
    const header = request.headers.get("Authorization");
    seen.push(header);
    return header === `Bearer ${access}`
      ? HttpResponse.json(me)
      : HttpResponse.json(
          { type: "about:blank", title: "Unauthorized", detail: "Token expired" },
          { status: 401 },
        );
  });
}

describe("auth middleware", () => {
  beforeEach(() => tokenStore.set({ access: "access-1", refresh: "refresh-1" }));

  it("adds the bearer access token to API calls", async () => {
    const seen: (string | null)[] = [];
    server.use(meAccepting("access-1", seen));

    const { data } = await apiClient.GET("/api/v1/auth/me/");

    expect(seen).toEqual(["Bearer access-1"]);
    expect(data?.email).toBe("a@example.org");
  });

  it("sends the interface language as Accept-Language", async () => {
    const languages: (string | null)[] = [];
    server.use(
      http.get("/api/v1/auth/me/", ({ request }) => {
        languages.push(request.headers.get("Accept-Language"));
        return HttpResponse.json(me);
      }),
    );

    await apiClient.GET("/api/v1/auth/me/");
    await i18n.changeLanguage("en");
    await apiClient.GET("/api/v1/auth/me/");

    expect(languages).toEqual(["fr", "en"]);
  });

  it("sends no Authorization header to the token endpoint", async () => {
    let header: string | null = "unset";
    server.use(
      http.post("/api/v1/auth/token/", ({ request }) => {
        header = request.headers.get("Authorization");
        return HttpResponse.json({ access: "a", refresh: "r" });
      }),
    );

    await apiClient.POST("/api/v1/auth/token/", { body: { email: "x@y.z", password: "p" } });

    expect(header).toBeNull();
  });

  it("refreshes once on a 401, stores the new pair and retries the request", async () => {
    const seen: (string | null)[] = [];
    const refreshBodies: unknown[] = [];
    server.use(
      meAccepting("access-2", seen),
      http.post("/api/v1/auth/token/refresh/", async ({ request }) => {
        refreshBodies.push(await request.json());
        return HttpResponse.json({ access: "access-2", refresh: "refresh-2" });
      }),
    );

    const { data, response } = await apiClient.GET("/api/v1/auth/me/");

    expect(response.status).toBe(200);
    expect(data?.id).toBe("u-1");
    expect(seen).toEqual(["Bearer access-1", "Bearer access-2"]);
    expect(refreshBodies).toEqual([{ refresh: "refresh-1" }]);
    expect(tokenStore.get()).toEqual({ access: "access-2", refresh: "refresh-2" });
  });

  it("replays the request body when retrying a POST", async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post("/api/v1/dossiers/", async ({ request }) => {
        bodies.push(await request.json());
        if (request.headers.get("Authorization") !== "Bearer access-2") {
          return HttpResponse.json({ title: "Unauthorized", detail: "" }, { status: 401 });
        }
        return HttpResponse.json(makeDossier(), { status: 201 });
      }),
      http.post("/api/v1/auth/token/refresh/", () =>
        HttpResponse.json({ access: "access-2", refresh: "refresh-2" }),
      ),
    );
    const body = { procedure_type: "PC", title: "T", address: "A" };

    const { response } = await apiClient.POST("/api/v1/dossiers/", { body });

    expect(response.status).toBe(201);
    expect(bodies).toEqual([body, body]);
  });

  it("shares one refresh between concurrent 401s", async () => {
    let refreshes = 0;
    server.use(
      meAccepting("access-2", []),
      http.post("/api/v1/auth/token/refresh/", () => {
        refreshes += 1;
        return HttpResponse.json({ access: "access-2", refresh: "refresh-2" });
      }),
    );

    const results = await Promise.all([
      apiClient.GET("/api/v1/auth/me/"),
      apiClient.GET("/api/v1/auth/me/"),
    ]);

    expect(results.map((r) => r.response.status)).toEqual([200, 200]);
    expect(refreshes).toBe(1);
  });

  it("logs out when the refresh is refused", async () => {
    const seen: (string | null)[] = [];
    let loggedOutNotified = false;
    const unsubscribe = tokenStore.subscribe(() => {
      if (tokenStore.get() === null) loggedOutNotified = true;
    });
    server.use(
      meAccepting("never-valid", seen),
      http.post("/api/v1/auth/token/refresh/", () =>
        HttpResponse.json(
          { type: "about:blank", title: "Unauthorized", detail: "Token is blacklisted" },
          { status: 401 },
        ),
      ),
    );

    const { error, response } = await apiClient.GET("/api/v1/auth/me/");
    unsubscribe();

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ detail: "Token expired" });
    expect(seen).toEqual(["Bearer access-1"]);
    expect(tokenStore.get()).toBeNull();
    expect(window.localStorage.getItem("urbadesk.tokens")).toBeNull();
    expect(loggedOutNotified).toBe(true);
  });
});
