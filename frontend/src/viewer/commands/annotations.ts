/**
 * Annotation commands over an injected port (the API lives behind it, never imported here).
 *
 * Undoing a creation deletes the annotation and redoing it creates a new one with a new id;
 * undoing a deletion re-creates it under a new id too. Commands built on the same port share
 * a map from an annotation's first id to its current one, so an older command in the history
 * still reaches the right annotation.
 */
import type { AnnotationDraft } from "../geometry";
import type { Command } from "./manager";

export interface AnnotationPort<D = AnnotationDraft, P = Partial<AnnotationDraft>> {
  create(draft: D): Promise<{ id: string }>;
  update(id: string, patch: P): Promise<void>;
  remove(id: string): Promise<void>;
}

const aliases = new WeakMap<object, Map<string, string>>();

function aliasesOf(port: object): Map<string, string> {
  let map = aliases.get(port);
  if (!map) {
    map = new Map();
    aliases.set(port, map);
  }
  return map;
}

/** The id an annotation has now, given any id it had through this port's commands. */
export function resolveId(port: object, id: string): string {
  const map = aliasesOf(port);
  let current = id;
  const seen = new Set<string>();
  while (map.has(current) && !seen.has(current)) {
    seen.add(current);
    current = map.get(current)!;
  }
  return current;
}

function recordId(port: object, first: string | null, now: string): void {
  if (first !== null && first !== now) aliasesOf(port).set(first, now);
}

/** do: creates the annotation; undo: deletes it; redo: creates it again (new id, aliased). */
export function createAnnotationCommand<D, P>(
  port: AnnotationPort<D, P>,
  draft: D,
  label = "create",
): Command & { readonly id: string | null } {
  let first: string | null = null;
  return {
    label,
    get id() {
      return first === null ? null : resolveId(port, first);
    },
    async do() {
      const { id } = await port.create(draft);
      if (first === null) first = id;
      else recordId(port, resolveId(port, first), id);
    },
    async undo() {
      if (first !== null) await port.remove(resolveId(port, first));
    },
  };
}

/** do: applies `after`; undo: applies `before` (both patches of the same fields). */
export function updateAnnotationCommand<D, P>(
  port: AnnotationPort<D, P>,
  id: string,
  before: P,
  after: P,
  label = "update",
): Command {
  return {
    label,
    do: () => port.update(resolveId(port, id), after),
    undo: () => port.update(resolveId(port, id), before),
  };
}

/** do: deletes the annotation; undo: creates it again from the snapshot (new id, aliased). */
export function deleteAnnotationCommand<D, P>(
  port: AnnotationPort<D, P>,
  snapshot: D & { id: string },
  label = "delete",
): Command {
  return {
    label,
    do: () => port.remove(resolveId(port, snapshot.id)),
    async undo() {
      const { id } = await port.create(snapshot);
      recordId(port, resolveId(port, snapshot.id), id);
    },
  };
}
