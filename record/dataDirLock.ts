import fs from "node:fs";
import path from "node:path";

/**
 * Only one process may open an embedded database: a second PGlite on the same folder loses its
 * writes silently. A lock file holding the owner's pid makes the second process refuse to start;
 * a lock left by a process that no longer runs (kill -9) is taken over.
 */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

export function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "maillage.lock");
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        process.off("exit", release);
        fs.rmSync(lockPath, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (isRunning(owner)) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by another Maillage process (pid ${owner}). Stop it first, or point DATA_DIR at another folder.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}: another process keeps taking the lock.`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
