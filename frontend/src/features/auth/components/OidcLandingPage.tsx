import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { paths } from "@/lib/paths";
import { exchangeOidcTicket, parseOidcLanding } from "../api/oidc";

/** The codes the API sends back in `#error=` (accounts/oidc/errors.py), and "ticket" of our own. */
const ERROR_CODES = [
  "disabled",
  "access_denied",
  "provider_error",
  "provider_unavailable",
  "invalid_state",
  "invalid_token",
  "email_required",
  "account_conflict",
  "account_inactive",
  "ticket",
] as const;
type ErrorCode = (typeof ERROR_CODES)[number] | "unknown";

function known(code: string): ErrorCode {
  return ERROR_CODES.find((candidate) => candidate === code) ?? "unknown";
}

/**
 * Where the identity provider's login ends (`/login/oidc#ticket=…&next=…` or `#error=…`): the
 * ticket is exchanged once for the tokens, then the visitor goes where they were heading.
 */
export function OidcLandingPage({ redirectTo }: { redirectTo: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const location = useLocation();
  const [failed, setFailed] = useState(false);
  // Read once: the fragment goes away with the navigation that follows.
  const [landing] = useState(() => parseOidcLanding(location.hash, redirectTo));
  const started = useRef(false);

  useEffect(() => {
    // A ticket works once: never spend it twice (React runs effects twice in development).
    if (!("ticket" in landing) || started.current) return;
    started.current = true;
    exchangeOidcTicket(landing.ticket).then(
      () => {
        // Someone else may have been logged in in this browser: nothing of theirs stays cached.
        queryClient.clear();
        void navigate(landing.next, { replace: true });
      },
      () => setFailed(true),
    );
  }, [landing, navigate, queryClient]);

  const code = "error" in landing ? landing.error : failed ? "ticket" : null;
  if (code === null) {
    return (
      <div className="login">
        <p className="card login__card muted" role="status">
          {t("auth.oidcPending")}
        </p>
      </div>
    );
  }
  return (
    <div className="login">
      <div className="card login__card">
        <h1>{t("auth.title")}</h1>
        <div className="alert alert--error" role="alert">
          {t(`auth.oidcErrors.${known(code)}`)}
        </div>
        <Link to={paths.login} className="button button--secondary">
          {t("auth.oidcBack")}
        </Link>
      </div>
    </div>
  );
}
