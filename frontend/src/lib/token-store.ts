/**
 * JWT pair kept in localStorage so a reload keeps the session. Listeners are told of every
 * change (login, refresh, logout), which is how the app notices a logout forced by the API
 * middleware when a refresh fails.
 */
export type Tokens = { access: string; refresh: string };

const STORAGE_KEY = "urbadesk.tokens";
type Listener = () => void;
const listeners = new Set<Listener>();
let cached: Tokens | null | undefined;

function read(): Tokens | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (
      parsed &&
      typeof parsed === "object" &&
      "access" in parsed &&
      "refresh" in parsed &&
      typeof parsed.access === "string" &&
      typeof parsed.refresh === "string"
    ) {
      return { access: parsed.access, refresh: parsed.refresh };
    }
  } catch {
    // Corrupt storage: treat as logged out.
  }
  return null;
}

function emit() {
  for (const listener of listeners) listener();
}

export const tokenStore = {
  get(): Tokens | null {
    if (cached === undefined) cached = read();
    return cached;
  },
  set(tokens: Tokens) {
    cached = tokens;
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    emit();
  },
  clear() {
    const had = tokenStore.get() !== null;
    cached = null;
    window.localStorage.removeItem(STORAGE_KEY);
    if (had) emit();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** For tests: forget the in-memory copy so the next read comes from localStorage. */
  reset() {
    cached = undefined;
  },
};
