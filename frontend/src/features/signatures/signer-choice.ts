import type { SignerCandidate, SignerChoice } from "./api/query-keys";

/** The API's limits on `signers`: how many people, and the length of a capacity. */
export const MAX_SIGNERS = 9;
export const MAX_ROLE_LENGTH = 120;

/** One chosen signer, in signing order: who (as offered) and the capacity the desk typed. */
export type ChosenSigner = { user: string; name: string; email: string; role: string };

export type RoleProblem = "roleRequired" | "roleTooLong";

/** What keeps a list from being sent: no signer at all, or a capacity per user id. */
export type SignerProblems = { empty?: true; roles: Record<string, RoleProblem> };

function chosen(candidate: SignerCandidate): ChosenSigner {
  const { user, name, email, suggested_role } = candidate;
  return { user, name, email, role: suggested_role };
}

/** The API's defaults, in its order, with their suggested capacity: the one-click choice. */
export function defaultSigners(candidates: readonly SignerCandidate[]): ChosenSigner[] {
  return candidates.filter((candidate) => candidate.default).map(chosen);
}

/** The candidates not chosen yet, in the API's order: those the desk may add. */
export function addableSigners(
  candidates: readonly SignerCandidate[],
  list: readonly ChosenSigner[],
): SignerCandidate[] {
  const taken = new Set(list.map((signer) => signer.user));
  return candidates.filter((candidate) => !taken.has(candidate.user));
}

/** The list with the candidate signing last; unchanged when they are already in it. */
export function withSigner(
  list: readonly ChosenSigner[],
  candidate: SignerCandidate,
): ChosenSigner[] {
  return list.some((signer) => signer.user === candidate.user)
    ? [...list]
    : [...list, chosen(candidate)];
}

export function withoutSigner(list: readonly ChosenSigner[], user: string): ChosenSigner[] {
  return list.filter((signer) => signer.user !== user);
}

/** The list with `user` moved one place earlier (-1) or later (+1); unchanged at either end. */
export function movedSigner(
  list: readonly ChosenSigner[],
  user: string,
  offset: -1 | 1,
): ChosenSigner[] {
  const from = list.findIndex((signer) => signer.user === user);
  const to = from + offset;
  const moving = list[from];
  if (from < 0 || to < 0 || to >= list.length || !moving) return [...list];
  const rest = list.filter((_, index) => index !== from);
  return [...rest.slice(0, to), moving, ...rest.slice(to)];
}

export function withRole(
  list: readonly ChosenSigner[],
  user: string,
  role: string,
): ChosenSigner[] {
  return list.map((signer) => (signer.user === user ? { ...signer, role } : signer));
}

/** The form's checks, before anything is sent: someone signs, each in a capacity that fits. */
export function checkSigners(list: readonly ChosenSigner[]): SignerProblems {
  const roles: Record<string, RoleProblem> = {};
  for (const signer of list) {
    const role = signer.role.trim();
    if (role === "") roles[signer.user] = "roleRequired";
    else if (role.length > MAX_ROLE_LENGTH) roles[signer.user] = "roleTooLong";
  }
  return list.length === 0 ? { empty: true, roles } : { roles };
}

export function hasProblems(problems: SignerProblems): boolean {
  return problems.empty === true || Object.keys(problems.roles).length > 0;
}

/** The body's `signers`, in signing order. */
export function toSignerChoices(list: readonly ChosenSigner[]): SignerChoice[] {
  return list.map(({ user, role }) => ({ user, role: role.trim() }));
}
