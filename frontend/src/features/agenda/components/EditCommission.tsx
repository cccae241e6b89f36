import { useTranslation } from "react-i18next";
import type { Commission } from "../api/get-commissions";
import { useUpdateCommission } from "../api/update-commission";
import { CommissionForm } from "./CommissionForm";

type Props = { commission: Commission; onSaved: () => void; onCancel: () => void };

export function EditCommission({ commission, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const update = useUpdateCommission(commission.id);
  return (
    <CommissionForm
      testId="edit-commission-form"
      title={t("commissionForm.editTitle", { name: commission.name })}
      initial={{
        name: commission.name,
        timezone: commission.timezone,
        procedure_types: [...commission.procedure_types],
        territory: commission.territory,
        is_active: commission.is_active,
      }}
      withActive
      submitLabel={t("commissionForm.save")}
      pending={update.isPending}
      error={update.error}
      onCancel={onCancel}
      onSubmit={(values) => update.mutate(values, { onSuccess: onSaved })}
    />
  );
}
