import { describe, expect, it, vi } from "vitest";
import { CommandManager, type Command } from "../manager";

/** A command over a shared log, optionally failing or waiting to be released. */
function command(
  log: string[],
  name: string,
  options: { failDo?: boolean; failUndo?: boolean } = {},
) {
  return {
    label: name,
    do: vi.fn(async () => {
      if (options.failDo) throw new Error(`${name} do failed`);
      log.push(`do ${name}`);
    }),
    undo: vi.fn(async () => {
      if (options.failUndo) throw new Error(`${name} undo failed`);
      log.push(`undo ${name}`);
    }),
  } satisfies Command;
}

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe("CommandManager", () => {
  it("executes, undoes and redoes in order", async () => {
    const log: string[] = [];
    const manager = new CommandManager();
    expect(manager.canUndo).toBe(false);
    await manager.execute(command(log, "a"));
    await manager.execute(command(log, "b"));
    expect(manager.undoLabel).toBe("b");
    await manager.undo();
    expect(manager.canRedo).toBe(true);
    expect(manager.redoLabel).toBe("b");
    await manager.undo();
    expect(manager.canUndo).toBe(false);
    await manager.redo();
    expect(log).toEqual(["do a", "do b", "undo b", "undo a", "do a"]);
    expect(manager.undoLabel).toBe("a");
    expect(manager.redoLabel).toBe("b");
  });

  it("does nothing on undo or redo with an empty stack", async () => {
    const manager = new CommandManager();
    await manager.undo();
    await manager.redo();
    expect(manager.canUndo).toBe(false);
    expect(manager.canRedo).toBe(false);
    expect(manager.undoLabel).toBeNull();
    expect(manager.redoLabel).toBeNull();
  });

  it("drops the redo stack on a new command", async () => {
    const log: string[] = [];
    const manager = new CommandManager();
    await manager.execute(command(log, "a"));
    await manager.undo();
    await manager.execute(command(log, "b"));
    expect(manager.canRedo).toBe(false);
  });

  it("keeps at most maxHistory commands, forgetting the oldest", async () => {
    const log: string[] = [];
    const manager = new CommandManager({ maxHistory: 2 });
    for (const name of ["a", "b", "c"]) await manager.execute(command(log, name));
    await manager.undo();
    await manager.undo();
    await manager.undo();
    expect(log).toEqual(["do a", "do b", "do c", "undo c", "undo b"]);
    expect(() => new CommandManager({ maxHistory: 0 })).toThrow(RangeError);
  });

  it("serialises: an undo asked for while a command runs waits for it", async () => {
    const log: string[] = [];
    const gate = deferred();
    const slow: Command = {
      label: "slow",
      do: async () => {
        await gate.promise;
        log.push("do slow");
      },
      undo: async () => {
        log.push("undo slow");
      },
    };
    const manager = new CommandManager();
    const executing = manager.execute(slow);
    const undoing = manager.undo();
    expect(manager.busy).toBe(true);
    await Promise.resolve();
    expect(log).toEqual([]);
    gate.release();
    await Promise.all([executing, undoing]);
    expect(log).toEqual(["do slow", "undo slow"]);
    expect(manager.busy).toBe(false);
    expect(manager.canRedo).toBe(true);
  });

  it("a failed do is not recorded; the error is re-thrown and the queue goes on", async () => {
    const log: string[] = [];
    const manager = new CommandManager();
    await manager.execute(command(log, "a"));
    await expect(manager.execute(command(log, "bad", { failDo: true }))).rejects.toThrow(
      "bad do failed",
    );
    expect(manager.undoLabel).toBe("a");
    await manager.undo();
    expect(log).toEqual(["do a", "undo a"]);
  });

  it("a failed undo drops the command, leaving the rest of the history", async () => {
    const log: string[] = [];
    const manager = new CommandManager();
    await manager.execute(command(log, "a"));
    await manager.execute(command(log, "bad", { failUndo: true }));
    await expect(manager.undo()).rejects.toThrow("bad undo failed");
    expect(manager.canRedo).toBe(false);
    expect(manager.undoLabel).toBe("a");
    await manager.undo();
    expect(log).toEqual(["do a", "do bad", "undo a"]);
  });

  it("a failed redo drops the command", async () => {
    const log: string[] = [];
    const manager = new CommandManager();
    const flaky = command(log, "flaky");
    await manager.execute(flaky);
    await manager.undo();
    flaky.do.mockRejectedValueOnce(new Error("offline"));
    await expect(manager.redo()).rejects.toThrow("offline");
    expect(manager.canRedo).toBe(false);
    expect(manager.canUndo).toBe(false);
  });

  it("clear forgets the history, even of an operation still running", async () => {
    const log: string[] = [];
    const gate = deferred();
    const manager = new CommandManager();
    await manager.execute(command(log, "a"));
    const running = manager.execute({
      label: "late",
      do: () => gate.promise,
      undo: async () => {},
    });
    await Promise.resolve();
    manager.clear();
    gate.release();
    await running;
    expect(manager.canUndo).toBe(false);
    expect(manager.canRedo).toBe(false);
  });

  it("notifies subscribers when an operation starts and ends, and on clear", async () => {
    const log: string[] = [];
    const manager = new CommandManager();
    const listener = vi.fn();
    const unsubscribe = manager.subscribe(listener);
    await manager.execute(command(log, "a"));
    expect(listener).toHaveBeenCalledTimes(2);
    manager.clear();
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    await manager.execute(command(log, "b"));
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
