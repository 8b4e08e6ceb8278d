/**
 * Who holds a thread's lease, in terms another process can check: the machine (its boot id and the holder's process
 * namespace — a container on the same host sees other pids, so only the same namespace can judge) and the process
 * (its pid and start time: a pid the system gave to a new process since is not the holder any more).
 *
 * Linux only (read from /proc). Elsewhere, or when /proc cannot be read, there is no identity and a lease is only
 * freed by its time running out — never judged dead on a guess.
 */
import { readFileSync, readlinkSync } from "node:fs";

export interface ProcessIdentity {
  /** Boot id + process namespace: two identities with the same `machine` can check each other's pids. */
  machine: string;
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22). */
  started: string;
}

/** The start time of a running process; null for a zombie (dead, not yet reaped by its parent). */
function startTimeOf(pid: number | "self"): string | null {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) is in parentheses and may hold spaces or parentheses: count after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[0] === "X") return null;
  return fields[19] ?? null;
}

/** This process's identity, or null where it cannot be read. */
export function ownIdentity(): ProcessIdentity | null {
  try {
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const ns = readlinkSync("/proc/self/ns/pid");
    const started = startTimeOf("self");
    if (!boot || !started) return null;
    return { machine: `${boot}/${ns}`, pid: process.pid, started };
  } catch {
    return null;
  }
}

/**
 * True only when the holder is provably gone: it ran on this machine in this process namespace, and its pid is no
 * longer running or runs a process started at another time. Anything uncertain (another machine, an unreadable
 * /proc entry other than "no such process") counts as alive.
 */
export function isGone(holder: ProcessIdentity, own: ProcessIdentity | null): boolean {
  if (!own || holder.machine !== own.machine) return false;
  if (holder.pid === own.pid && holder.started === own.started) return false;
  try {
    return startTimeOf(holder.pid) !== holder.started;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT";
  }
}
