import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { meQueryOptions } from "@/api/me";
import type { Commission } from "../api/get-commissions";
import { useCreateCommission } from "../api/create-commission";
import { CommissionForm } from "./CommissionForm";

type Props = { onCreated: (commission: Commission) => void; onCancel: () => void };

/** A new commission of the agent's own authority (the API fills in the organisation). */
export function CreateCommission({ onCreated, onCancel }: Props) {
  const { t } = useTranslation();
  const create = useCreateCommission();
  const organisation = useQuery(meQueryOptions()).data?.organisation;
  return (
    <CommissionForm
      testId="create-commission-form"
      title={t("commissionForm.createTitle")}
      intro={
        organisation
          ? t("commissionForm.organisation", { organisation: organisation.name })
          : undefined
      }
      initial={{
        name: "",
        timezone: "Africa/Casablanca",
        procedure_types: [],
        territory: "",
        is_active: true,
      }}
      submitLabel={t("commissionForm.create")}
      pending={create.isPending}
      error={create.error}
      onCancel={onCancel}
      onSubmit={({ name, timezone, procedure_types, territory }) =>
        create.mutate({ name, timezone, procedure_types, territory }, { onSuccess: onCreated })
      }
    />
  );
}
