import fs from "node:fs/promises";
import path from "node:path";

/**
 * Where the bytes of images and files live. The data directory by default; an S3-compatible store
 * can implement the same two methods (ADR 0010).
 */
export type MediaStorage = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when the key is unknown. */
  get(key: string): Promise<Buffer | null>;
};

/** Files under `<DATA_DIR>/medias/`, written atomically (temporary file, then rename). */
export function createFileMediaStorage(dataDir: string): MediaStorage {
  const root = path.resolve(dataDir, "medias");
  const fileOf = (key: string) => {
    if (!/^[a-f0-9]{2}\/[a-f0-9]{64}$/.test(key)) throw new Error(`Invalid media key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
      const handle = await fs.open(temporary, "w");
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, file);
    },
    async get(key) {
      try {
        return await fs.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}
