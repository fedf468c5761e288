import zlib from "node:zlib";

/** One entry of a crafted zip: its name as stored, its bytes, and what the archive may claim about them. */
export type ZipEntry = {
  name: string;
  data?: string | Buffer;
  /** Unix mode stored in the external attributes (e.g. 0o120777 for a symbolic link, 0o100644 for a file). */
  unixMode?: number;
  /** The uncompressed size the headers declare, when it must differ from the data's real size. */
  declaredSize?: number;
  /** Already deflated bytes (the same bomb shared by many entries), with their real uncompressed size and CRC. */
  deflated?: { bytes: Buffer; size: number; crc: number };
};

/**
 * A zip archive as `zip` writes it (deflated entries, local headers, central directory), built byte by
 * byte so that a test can make any hostile archive: escaping names, links, lying sizes, bombs, many entries.
 */
export function craftZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.data === undefined ? Buffer.alloc(0) : Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, "utf8");
    const compressed = entry.deflated?.bytes ?? zlib.deflateRawSync(data);
    const size = entry.declaredSize ?? entry.deflated?.size ?? data.length;
    const crc = entry.deflated?.crc ?? zlib.crc32(data);
    const fileName = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    // Made by Unix (3), so that the mode in the external attributes means what it says.
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(((entry.unixMode ?? (entry.name.endsWith("/") ? 0o40755 : 0o100644)) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    parts.push(local, fileName, compressed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** `size` zero bytes deflated, computed by streaming so that the test never holds them: a zip bomb's payload. */
export async function deflatedZeros(size: number): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (piece: Buffer) => out.push(piece));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  for (let written = 0; written < size; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, size - written));
    crc = zlib.crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return { bytes: Buffer.concat(out), size, crc };
}
