import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "@/lib/paths";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <section>
      <p>{t("app.notFound")}</p>
      <Link to={paths.dossiers}>{t("app.backToDossiers")}</Link>
    </section>
  );
}
