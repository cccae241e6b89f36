import { useTranslation } from "react-i18next";
import { oidcStartUrl, useOidcConfig } from "../api/oidc";

/** "Sign in with itsme / CSAM": shown only when the installation has an identity provider. */
export function OidcLoginButton({ next }: { next: string }) {
  const { t } = useTranslation();
  const config = useOidcConfig();
  if (!config.data?.enabled) return null;
  return (
    <div className="login__oidc">
      <p className="muted login__or">{t("auth.or")}</p>
      <a className="button button--secondary" href={oidcStartUrl(next)}>
        {t("auth.oidcButton", { label: config.data.label })}
      </a>
    </div>
  );
}
