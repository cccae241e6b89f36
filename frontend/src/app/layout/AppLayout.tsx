import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet } from "react-router";
import { meQueryOptions } from "@/api/me";
import { UserMenu } from "@/features/auth/components/UserMenu";
import { NotificationBell } from "@/features/notifications/components/NotificationBell";
import { maySign } from "@/features/signatures/policy";
import { paths } from "@/lib/paths";
import { LanguageSwitch } from "../i18n/LanguageSwitch";

export function AppLayout() {
  const { t } = useTranslation();
  const role = useQuery(meQueryOptions()).data?.role;
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
        <nav aria-label={t("header.mainNav")}>
          <NavLink to={paths.dossiers} end>
            {t("header.myDossiers")}
          </NavLink>
          {(role === "desk_agent" || role === "admin") && (
            <>
              <NavLink to={paths.agenda}>{t("header.agenda")}</NavLink>
              <NavLink to={paths.deadlines}>{t("header.deadlines")}</NavLink>
            </>
          )}
          {role === "commission_member" && (
            <NavLink to={paths.reviews}>{t("header.reviews")}</NavLink>
          )}
          {maySign(role) && <NavLink to={paths.documents}>{t("header.toSign")}</NavLink>}
          {(role === "desk_agent" || role === "admin" || role === "service") && (
            <NavLink to={paths.webhooks}>{t("header.webhooks")}</NavLink>
          )}
          <NavLink to={paths.procedures}>{t("procedures.nav")}</NavLink>
          <NavLink to={paths.certificates}>{t("certificates.nav")}</NavLink>
          <NavLink to={paths.map}>{t("header.map")}</NavLink>
          <NavLink to={paths.inquiries}>{t("header.inquiries")}</NavLink>
        </nav>
        <div className="app-header__tools">
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="app-main">
        <Outlet />
      </main>
    </>
  );
}
