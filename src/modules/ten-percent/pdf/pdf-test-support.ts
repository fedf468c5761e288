import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * What tools that are not ours (poppler's pdfinfo, pdftotext, pdffonts; qpdf) say of a PDF, for the tests of
 * « Mon 10 % »'s PDFs (issue 16). `text`: pdftotext's output with non-breaking spaces kept (U+00A0, U+202F).
 */
export type PdfReport = { info: string; meta: string; text: string; fonts: string; qpdf: { exitCode: number; stdout: string; stderr: string } };

export async function inspectPdf(bytes: Buffer): Promise<PdfReport> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pdf-check-"));
  const file = path.join(dir, "document.pdf");
  try {
    await writeFile(file, bytes);
    const [info, meta, text, fonts] = await Promise.all([
      run("pdfinfo", [file]),
      run("pdfinfo", ["-meta", file]),
      run("pdftotext", ["-enc", "UTF-8", file, "-"]),
      run("pdffonts", [file]),
    ]);
    let qpdf: PdfReport["qpdf"];
    try {
      const result = await run("qpdf", ["--check", file]);
      qpdf = { exitCode: 0, stdout: result.stdout, stderr: result.stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      qpdf = { exitCode: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
    return { info: info.stdout, meta: meta.stdout, text: text.stdout, fonts: fonts.stdout, qpdf };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pdftotext's text with every kind of space as one plain space, for matching sentences across lines. */
export function flatText(report: PdfReport): string {
  return report.text.replace(/[\s\u00a0\u202f]+/g, " ");
}

/** The value of a `pdfinfo` line (`Title`, `Tagged`…). */
export function infoField(report: PdfReport, field: string): string | undefined {
  return new RegExp(`^${field}:\\s*(.*)$`, "m").exec(report.info)?.[1]?.trim();
}
