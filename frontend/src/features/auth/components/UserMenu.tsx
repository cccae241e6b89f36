import { useTranslation } from "react-i18next";
import { useMe } from "../api/get-me";
import { useLogout } from "../api/session";

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const name = me.data ? me.data.full_name || me.data.email : null;
  return (
    <div className="user-menu">
      {me.data && name && (
        <span className="user-menu__who" data-testid="current-user">
          <span className="visually-hidden">{t("header.signedInAs", { name })}</span>
          <span aria-hidden="true">{name}</span>
          <span className="user-menu__org">
            {[me.data.role ? t(`roles.${me.data.role}`) : null, me.data.organisation?.name]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </span>
      )}
      <button type="button" className="button button--secondary" onClick={logout}>
        {t("header.logout")}
      </button>
    </div>
  );
}
