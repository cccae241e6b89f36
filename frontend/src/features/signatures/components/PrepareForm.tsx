import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { MutationError } from "@/components/MutationError";
import { ErrorMessage, Loading } from "@/components/QueryState";
import type { SignedDocument, SignerCandidate, SignerChoice } from "../api/query-keys";
import {
  checkSigners,
  defaultSigners,
  hasProblems,
  type SignerProblems,
  toSignerChoices,
} from "../signer-choice";
import { SignerPicker } from "./SignerPicker";

type FormProps = {
  prepare: UseMutationResult<SignedDocument, Error, SignerChoice[]>;
  label: string;
  pendingLabel: string;
  /** The id of the text that says what preparing does. */
  describedBy?: string;
};

type Props = FormProps & { candidates: UseQueryResult<SignerCandidate[], Error> };

/**
 * Choose the signers, then prepare: the API's default signers come preselected in their order, so
 * pressing the button at once is the usual path; the desk may change who signs, in which order
 * and capacity first. Waits for the candidates, and starts over from the defaults when they change
 * (e.g. the attendance was recorded again).
 */
export function PrepareForm({ candidates, ...form }: Props) {
  if (candidates.isPending) return <Loading />;
  if (candidates.isError) {
    return <ErrorMessage error={candidates.error} onRetry={() => void candidates.refetch()} />;
  }
  return <SignersForm key={listKey(candidates.data)} candidates={candidates.data} {...form} />;
}

/** Changes when who may sign, or who signs by default, changes. */
function listKey(candidates: readonly SignerCandidate[]): string {
  return candidates.map((each) => `${each.user}${each.default ? "*" : ""}`).join(",");
}

function SignersForm({
  candidates,
  prepare,
  label,
  pendingLabel,
  describedBy,
}: FormProps & { candidates: SignerCandidate[] }) {
  const [chosen, setChosen] = useState(() => defaultSigners(candidates));
  const [problems, setProblems] = useState<SignerProblems>({ roles: {} });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkSigners(chosen);
    setProblems(found);
    if (hasProblems(found) || prepare.isPending) return;
    prepare.mutate(toSignerChoices(chosen));
  };

  return (
    <form className="form prepare-form" onSubmit={onSubmit} noValidate>
      <SignerPicker
        candidates={candidates}
        value={chosen}
        onChange={setChosen}
        problems={problems}
      />
      <MutationError error={prepare.error} />
      <div className="form__actions">
        <button
          type="submit"
          className="button"
          aria-describedby={describedBy}
          disabled={prepare.isPending}
        >
          {prepare.isPending ? pendingLabel : label}
        </button>
      </div>
    </form>
  );
}
