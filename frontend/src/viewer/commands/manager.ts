/**
 * Undo/redo history (pdf.js CommandManager style) for asynchronous commands. Operations
 * run one at a time in call order: an undo asked for while a save is running waits for it.
 */

export interface Command {
  /** What the user would read in "Undo …" (already translated, or an i18n key). */
  label: string;
  do(): Promise<void>;
  undo(): Promise<void>;
}

export interface CommandManagerOptions {
  /** Commands kept for undo; the oldest are forgotten first. */
  maxHistory?: number;
}

export class CommandManager {
  private done: Command[] = [];
  private undone: Command[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private generation = 0;
  private listeners = new Set<() => void>();
  readonly maxHistory: number;

  constructor({ maxHistory = 100 }: CommandManagerOptions = {}) {
    if (!(maxHistory >= 1)) throw new RangeError("maxHistory must be at least 1");
    this.maxHistory = maxHistory;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  get undoLabel(): string | null {
    return this.done[this.done.length - 1]?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.undone[this.undone.length - 1]?.label ?? null;
  }

  /** True while an operation runs or waits. */
  get busy(): boolean {
    return this.pending > 0;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Runs `step` after every earlier operation; its failure is the caller's, not the queue's. */
  private enqueue(step: (generation: number) => Promise<void>): Promise<void> {
    this.pending += 1;
    this.notify();
    const run = this.queue.then(() => step(this.generation));
    const settle = () => {
      this.pending -= 1;
      this.notify();
    };
    this.queue = run.then(settle, settle);
    return run;
  }

  private push(command: Command): void {
    this.done.push(command);
    if (this.done.length > this.maxHistory) this.done.splice(0, this.done.length - this.maxHistory);
  }

  /**
   * Runs the command and records it; the redo stack is dropped. If `do` fails the command is
   * not recorded and the error is re-thrown.
   */
  execute(command: Command): Promise<void> {
    return this.enqueue(async (generation) => {
      await command.do();
      if (generation !== this.generation) return;
      this.push(command);
      this.undone = [];
    });
  }

  /** Undoes the latest command, if any; a failed undo drops it and re-throws. */
  undo(): Promise<void> {
    return this.enqueue(async (generation) => {
      const command = this.done.pop();
      if (!command) return;
      await command.undo();
      if (generation === this.generation) this.undone.push(command);
    });
  }

  /** Redoes the latest undone command, if any; a failed redo drops it and re-throws. */
  redo(): Promise<void> {
    return this.enqueue(async (generation) => {
      const command = this.undone.pop();
      if (!command) return;
      await command.do();
      if (generation === this.generation) this.push(command);
    });
  }

  /** Forgets all history at once; an operation still running is not recorded. */
  clear(): void {
    this.done = [];
    this.undone = [];
    this.generation += 1;
    this.notify();
  }
}
