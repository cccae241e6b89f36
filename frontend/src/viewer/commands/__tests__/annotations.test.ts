import { describe, expect, it } from "vitest";
import { pagePoint, type AnnotationDraft } from "../../geometry";
import {
  createAnnotationCommand,
  deleteAnnotationCommand,
  resolveId,
  updateAnnotationCommand,
  type AnnotationPort,
} from "../annotations";
import { CommandManager } from "../manager";

type Stored = AnnotationDraft & { text?: string };

/** An in-memory API: ids a1, a2, … in creation order; unknown ids fail like a 404. */
function fakePort() {
  const rows = new Map<string, Stored>();
  const calls: string[] = [];
  let next = 1;
  const port: AnnotationPort<Stored, Partial<Stored>> = {
    async create(draft) {
      const id = `a${next++}`;
      const row: Stored & { id?: string } = { ...draft };
      delete row.id;
      rows.set(id, row);
      calls.push(`create ${id}`);
      return { id };
    },
    async update(id, patch) {
      const row = rows.get(id);
      if (!row) throw new Error(`404 ${id}`);
      rows.set(id, { ...row, ...patch });
      calls.push(`update ${id}`);
    },
    async remove(id) {
      if (!rows.delete(id)) throw new Error(`404 ${id}`);
      calls.push(`remove ${id}`);
    },
  };
  return { port, rows, calls };
}

const NOTE: Stored = { kind: "note", geometry: { points: [pagePoint(1, 2)] }, text: "hello" };

describe("annotation commands", () => {
  it("create: do creates, undo deletes, redo creates again under an alias", async () => {
    const { port, rows, calls } = fakePort();
    const manager = new CommandManager();
    const create = createAnnotationCommand(port, NOTE, "Add note");
    expect(create.id).toBeNull();
    await manager.execute(create);
    expect(create.id).toBe("a1");
    expect(rows.get("a1")).toEqual(NOTE);
    await manager.undo();
    expect(rows.size).toBe(0);
    await manager.redo();
    expect(create.id).toBe("a2");
    expect(resolveId(port, "a1")).toBe("a2");
    await manager.undo();
    await manager.redo();
    expect(create.id).toBe("a3");
    expect(calls).toEqual(["create a1", "remove a1", "create a2", "remove a2", "create a3"]);
    expect(manager.undoLabel).toBe("Add note");
  });

  it("update: do applies after, undo applies before", async () => {
    const { port, rows } = fakePort();
    const manager = new CommandManager();
    const { id } = await port.create(NOTE);
    await manager.execute(updateAnnotationCommand(port, id, { text: "hello" }, { text: "bye" }));
    expect(rows.get(id)?.text).toBe("bye");
    await manager.undo();
    expect(rows.get(id)?.text).toBe("hello");
    await manager.redo();
    expect(rows.get(id)?.text).toBe("bye");
  });

  it("delete: do deletes, undo re-creates from the snapshot, redo deletes the new one", async () => {
    const { port, rows, calls } = fakePort();
    const manager = new CommandManager();
    const { id } = await port.create(NOTE);
    await manager.execute(deleteAnnotationCommand(port, { ...NOTE, id }));
    expect(rows.size).toBe(0);
    await manager.undo();
    expect(rows.get("a2")).toEqual(NOTE);
    expect(resolveId(port, id)).toBe("a2");
    await manager.redo();
    expect(rows.size).toBe(0);
    expect(calls).toEqual(["create a1", "remove a1", "create a2", "remove a2"]);
  });

  it("older commands follow an annotation re-created by undo and redo", async () => {
    const { port, rows } = fakePort();
    const manager = new CommandManager();
    const create = createAnnotationCommand(port, NOTE);
    await manager.execute(create);
    await manager.execute(updateAnnotationCommand(port, "a1", { text: "hello" }, { text: "v2" }));
    await manager.undo();
    await manager.undo();
    await manager.redo();
    await manager.redo();
    expect(rows.get("a2")?.text).toBe("v2");
    await manager.execute(deleteAnnotationCommand(port, { ...rows.get("a2")!, id: "a1" }));
    expect(rows.size).toBe(0);
    await manager.undo();
    await manager.undo();
    expect(rows.get("a3")?.text).toBe("hello");
    expect(resolveId(port, "a1")).toBe("a3");
  });

  it("ids of one port do not leak into another", () => {
    expect(resolveId(fakePort().port, "a1")).toBe("a1");
  });

  it("a failing port call leaves the history consistent", async () => {
    const { port } = fakePort();
    const manager = new CommandManager();
    await expect(
      manager.execute(updateAnnotationCommand(port, "missing", {}, { text: "x" })),
    ).rejects.toThrow("404 missing");
    expect(manager.canUndo).toBe(false);
    const create = createAnnotationCommand(port, NOTE);
    await manager.execute(create);
    await port.remove("a1");
    await expect(manager.undo()).rejects.toThrow("404 a1");
    expect(manager.canUndo).toBe(false);
    expect(manager.canRedo).toBe(false);
  });

  it("undoing a creation that never ran calls nothing", async () => {
    const { port, calls } = fakePort();
    await createAnnotationCommand(port, NOTE).undo();
    expect(calls).toEqual([]);
  });
});
