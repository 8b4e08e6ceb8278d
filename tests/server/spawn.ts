/** Starting `server/main.ts` as `npm start` does, in a child process, and reading the URLs it prints. */
import { type ChildProcess, spawn } from "node:child_process";

export interface Started {
  child: ChildProcess;
  base: string;
  stdout: () => string;
  stderr: () => string;
  /** Sends the signal (SIGTERM unless told) and answers the exit code — or, when the process died of a signal, that signal and its stderr. */
  stop: (signal?: NodeJS.Signals) => Promise<number | string>;
}

export async function startMain(env: Record<string, string>): Promise<Started> {
  // As `npm start` runs it: node with tsx's loader, one process — not the tsx CLI, whose parent relays a signal to
  // its child and, when the child has not answered within 30 ms (a loaded machine), kills it and exits with 130.
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? `killed by ${signal}; stderr:\n${err}`)),
  );
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /storefront\s+(http:\/\/\S+?)\/\s/.exec(out);
      if (m && out.includes("Press Ctrl+C to stop.")) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before serving:\n${out}\n${err}`)));
  });
  return {
    child,
    base,
    stdout: () => out,
    stderr: () => err,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
