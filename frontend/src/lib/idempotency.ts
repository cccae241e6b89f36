import { useState } from "react";

/**
 * The `Idempotency-Key` of one logical submission. The same input sent again (a retry after a
 * network error, a second click) gets the same key, so the API replays its first answer instead
 * of creating twice. A new key is made once the request has succeeded (sending the same input
 * again is then a new, deliberate request) or when the input changes: the API refuses (422) a
 * key reused with a different body.
 */
export class IdempotentSubmission {
  private current: { key: string; fingerprint: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  /** The key to send with this input; `input` must be JSON-serialisable (it is the request). */
  keyFor(input: unknown): string {
    const fingerprint = JSON.stringify(input);
    if (this.current?.fingerprint !== fingerprint) {
      this.current = { key: this.newKey(), fingerprint };
    }
    return this.current.key;
  }

  /** The keyed request got its answer: the next send is a new submission. */
  succeeded(): void {
    this.current = null;
  }
}

/** One IdempotentSubmission for the lifetime of the component (a form). */
export function useIdempotentSubmission(): IdempotentSubmission {
  const [submission] = useState(() => new IdempotentSubmission());
  return submission;
}
