import { useTranslation } from "react-i18next";
import { LANGUAGES, setLanguage } from "./index";

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t("header.language")}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          title={t(`header.languages.${language}`)}
          aria-pressed={i18n.resolvedLanguage === language}
          data-testid={`language-${language}`}
          onClick={() => setLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
