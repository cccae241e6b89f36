import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { meQueryOptions } from "@/api/me";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage } from "@/components/QueryState";
import { paths } from "@/lib/paths";
import type { DossierDetail } from "../api/get-dossier";
import { useParties } from "../api/get-parties";
import { procedureTypesQueryOptions } from "../api/get-procedure-types";
import { useOpenFollowUp } from "../api/open-follow-up";
import { isApplicantSide, isGranted, openableFollowUps } from "../policy";
import { StatusBadge } from "./StatusBadge";

/**
 * "Procédures de suite": the procedures opened on a permit (occupancy permit, certificate of
 * conformity) and, for its applicant side once it is granted, a button per procedure that may
 * be opened now. Opening one leads to the new draft; the API's refusals show here.
 */
export function FollowUpsPanel({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const granted = isGranted(dossier);
  const me = useQuery({ ...meQueryOptions(), enabled: granted });
  // The same query as the parties panel's: no request of its own. Waited for, so that buttons
  // do not flash for someone it then rules out.
  const parties = useParties(dossier.id);
  const applicantSide =
    granted &&
    !parties.isPending &&
    isApplicantSide(me.data, {
      list: parties.data?.pages.flatMap((page) => page.results) ?? [],
      complete: parties.isSuccess && !parties.hasNextPage,
    });
  const followUps = dossier.follow_ups;
  const procedureTypes = useQuery({
    ...procedureTypesQueryOptions(),
    enabled: applicantSide || followUps.length > 0,
  });
  const open = useOpenFollowUp(dossier.id);

  const choices = applicantSide ? openableFollowUps(dossier, procedureTypes.data ?? []) : [];
  const typesFailed = applicantSide && procedureTypes.isError;
  if (followUps.length === 0 && choices.length === 0 && !open.error && !typesFailed) return null;

  // Unknown codes (a procedure since deactivated) show as they are rather than nothing.
  const procedureName = (code: string) =>
    procedureTypes.data?.find((type) => type.code === code)?.name ?? code;

  return (
    <section className="card follow-ups" aria-labelledby={headingId} data-testid="follow-ups">
      <h2 id={headingId}>{t("followUps.title")}</h2>
      {followUps.length > 0 && (
        <ul className="follow-ups__list">
          {followUps.map((followUp) => (
            <li key={followUp.id} className="follow-ups__item" data-testid="follow-up">
              <Link to={paths.dossier(followUp.id)} className="mono">
                {followUp.reference}
              </Link>
              <span>{procedureName(followUp.procedure_type)}</span>
              <StatusBadge status={followUp.status} />
            </li>
          ))}
        </ul>
      )}
      {choices.length > 0 && (
        <>
          <p className="muted small">{t("followUps.hint")}</p>
          <div className="form__actions">
            {choices.map((type) => (
              <button
                key={type.code}
                type="button"
                className="button"
                disabled={open.isPending}
                onClick={() =>
                  open.mutate(type.code, {
                    onSuccess: (created) => void navigate(paths.dossier(created.id)),
                  })
                }
              >
                {open.isPending && open.variables === type.code
                  ? t("followUps.opening")
                  : t("followUps.open", { procedure: type.name })}
              </button>
            ))}
          </div>
        </>
      )}
      {typesFailed && (
        <ErrorMessage error={procedureTypes.error} onRetry={() => void procedureTypes.refetch()} />
      )}
      <MutationError error={open.error} />
    </section>
  );
}

/** "Fait suite au permis PC-…", under the title of a procedure opened on a permit. */
export function ParentPermitLine({ parent }: { parent: NonNullable<DossierDetail["parent"]> }) {
  return (
    <p className="dossier-parent" data-testid="dossier-parent">
      <Trans
        i18nKey="followUps.parent"
        values={{ reference: parent.reference }}
        components={{ permit: <Link to={paths.dossier(parent.id)} className="mono" /> }}
      />
    </p>
  );
}
