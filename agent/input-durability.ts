/**
 * The product's durability ("input"): a run's input is on disk before the model sees it, the rest of the run once,
 * when it ends. LangGraph offers a checkpoint after every super-step ("sync"/"async") or only at the end of a run
 * ("exit"). Every super-step writes the whole conversation again (SqliteSaver stores a checkpoint whole), so "sync"
 * cost a buyer turn about 40 % more CPU than "exit", while what it has to keep safe is one thing: the buyer's message
 * (with "exit", a process killed while the model works loses it — tests/reliability/message-crash.test.ts).
 *
 * This saver sits in front of the real one. The graph runs with "sync"; while a run of a thread is open (`begin` …
 * `end`, the runtime brackets every run), the input checkpoint (metadata `source: "input"`: the buyer's message and
 * where it goes, written by LangGraph before the model node's task starts) goes straight through; every later
 * checkpoint and pending write is held in memory. `end` writes the last checkpoint of the run with the writes against
 * it (interrupts, errors) — what "exit" would have written — its parent the last checkpoint on disk. A resume run (a
 * confirmation, a rep's decision) has no input checkpoint: it is written once, at its end, like "exit". The hand-off
 * is its own transaction, idempotent on customer + thread + draft hash, so a process killed after the order was
 * written but before the thread knows it leaves the confirmation open, and confirming again returns the same order
 * (tests/reliability/handoff-crash-agent.test.ts).
 *
 * After a crash the thread stands at the input checkpoint: its message is in the thread, the model node still due,
 * and the next run answers it: the buyer's next message, or the same message sent again under its Idempotency-Key
 * (which runs the cut turn once instead of counting as a repeat — tests/reliability/message-crash-retry.test.ts).
 */
import type { RunnableConfig } from "@langchain/core/runnables";
import {
  BaseCheckpointSaver,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointTuple,
  type PendingWrite,
} from "@langchain/langgraph-checkpoint";

interface HeldPut {
  config: RunnableConfig;
  checkpoint: Checkpoint;
  metadata: CheckpointMetadata;
  newVersions: ChannelVersions;
}

interface HeldWrites {
  checkpointId: string;
  writes: PendingWrite[];
  taskId: string;
  taskPath: string;
}

/** What one open run of a thread has not written yet. */
interface OpenRun {
  /** The last checkpoint on disk: the one the run started from, then its input checkpoint. */
  durableId: string | undefined;
  last: HeldPut | undefined;
  writes: HeldWrites[];
}

const threadOf = (config: RunnableConfig): string | undefined => {
  const c = config.configurable;
  // Only the root graph's checkpoints (a subgraph's namespace is never held).
  return c?.thread_id !== undefined && (c.checkpoint_ns ?? "") === "" ? String(c.thread_id) : undefined;
};

export class InputDurableSaver extends BaseCheckpointSaver {
  private readonly open = new Map<string, OpenRun>();

  constructor(readonly inner: BaseCheckpointSaver) {
    super(inner.serde);
  }

  /** From now until `end`, the thread's checkpoints after the input one are held. */
  begin(threadId: string): void {
    this.open.set(threadId, { durableId: undefined, last: undefined, writes: [] });
  }

  /**
   * Write what the run held: its last checkpoint and the writes against it (the writes first: without their
   * checkpoint they are never read, so a process killed between the two leaves the thread as it was).
   */
  async end(threadId: string): Promise<void> {
    const run = this.open.get(threadId);
    if (!run) return;
    this.open.delete(threadId);
    const finalId = run.last?.checkpoint.id ?? run.durableId;
    for (const w of run.writes) {
      if (w.checkpointId !== finalId) continue;
      const config = { configurable: { thread_id: threadId, checkpoint_ns: "", checkpoint_id: w.checkpointId } };
      await this.inner.putWrites(config, w.writes, w.taskId, w.taskPath);
    }
    if (run.last) {
      const { config, checkpoint, metadata, newVersions } = run.last;
      const parent = run.durableId ?? config.configurable?.checkpoint_id;
      await this.inner.put(
        { ...config, configurable: { ...config.configurable, checkpoint_id: parent } },
        checkpoint,
        metadata,
        newVersions,
      );
    }
  }

  override getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined> {
    return this.inner.getTuple(config);
  }

  override list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple> {
    return this.inner.list(config, options);
  }

  override deleteThread(threadId: string): Promise<void> {
    return this.inner.deleteThread(threadId);
  }

  override getNextVersion(current: number | undefined): number {
    return this.inner.getNextVersion(current);
  }

  override async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: ChannelVersions,
  ): Promise<RunnableConfig> {
    const thread = threadOf(config);
    const run = thread === undefined ? undefined : this.open.get(thread);
    if (!run) return this.inner.put(config, checkpoint, metadata, newVersions);
    // The checkpoint the run started from is the parent of its first one.
    if (run.durableId === undefined && run.last === undefined) run.durableId = config.configurable?.checkpoint_id;
    if (metadata.source === "input" && run.last === undefined) {
      const saved = await this.inner.put(config, checkpoint, metadata, newVersions);
      run.durableId = checkpoint.id;
      run.writes = [];
      return saved;
    }
    run.last = { config, checkpoint, metadata, newVersions };
    return { configurable: { ...config.configurable, checkpoint_id: checkpoint.id } };
  }

  override async putWrites(
    config: RunnableConfig,
    writes: PendingWrite[],
    taskId: string,
    taskPath = "",
  ): Promise<void> {
    const thread = threadOf(config);
    const run = thread === undefined ? undefined : this.open.get(thread);
    if (!run) return this.inner.putWrites(config, writes, taskId, taskPath);
    // Kept in order and written in order: the store applies its own rules (which writes replace which).
    run.writes.push({ checkpointId: String(config.configurable?.checkpoint_id), writes, taskId, taskPath });
  }
}
