import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { LanguageSwitch } from "../i18n/LanguageSwitch";

export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__name">{t("app.name")}</span>
          <span className="app-header__tagline">{t("app.tagline")}</span>
        </div>
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
