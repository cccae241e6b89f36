import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { paths } from "@/lib/paths";
import { useIsAuthenticated } from "@/lib/use-is-authenticated";
import type { PublicInquiry } from "../api/query-keys";
import { ObservationForm } from "./ObservationForm";

/**
 * Sending an observation takes an account (the acknowledgement goes to its e-mail): a visitor
 * not signed in gets a link to log in that brings them back here.
 */
export function ObservationBlock({ inquiry }: { inquiry: PublicInquiry }) {
  const { t } = useTranslation();
  const authenticated = useIsAuthenticated();
  const location = useLocation();

  if (!authenticated) {
    return (
      <div className="public-inquiry__observe">
        <p>
          <Link to={paths.login} state={{ from: location.pathname + location.search }}>
            {t("inquiries.observe.login")}
          </Link>
        </p>
        <p className="muted small">{t("inquiries.observe.loginHint")}</p>
      </div>
    );
  }
  return (
    <div className="public-inquiry__observe">
      <ObservationForm inquiry={inquiry} />
    </div>
  );
}
