import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import { paths } from "@/lib/paths";
import { LanguageSwitch } from "../i18n/LanguageSwitch";

export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__name">{t("app.name")}</span>
          <span className="app-header__tagline">{t("app.tagline")}</span>
        </div>
        <nav aria-label={t("header.publicNav")}>
          <NavLink to={paths.procedures}>{t("procedures.nav")}</NavLink>
          <NavLink to={paths.map}>{t("header.map")}</NavLink>
          <NavLink to={paths.openData}>{t("header.openData")}</NavLink>
          <NavLink to={paths.inquiries}>{t("header.inquiries")}</NavLink>
        </nav>
        <div className="app-header__tools">
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </>
  );
}
