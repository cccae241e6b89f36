import { useTranslation } from "react-i18next";
import { isOpinionValue } from "../api/get-opinions";

/** The label of an opinion value; an empty one is "not given yet", an unknown one its code. */
export function useOpinionLabel() {
  const { t } = useTranslation();
  return (value: string | null | undefined) => {
    if (!value) return t("opinions.pending");
    return isOpinionValue(value) ? t(`opinions.value.${value}`) : value;
  };
}
