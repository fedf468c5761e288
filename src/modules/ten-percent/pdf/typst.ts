import { readFileSync } from "node:fs";
import path from "node:path";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";

/**
 * PDFs from structured data with Typst (ADR 0035): the template is our own fixed Typst source; the data
 * reaches it only as JSON through `sys.inputs` (never spliced into the source), so no user text can be read
 * as markup. Output: tagged PDF/UA-1, title and language fr-FR set by the template, Marianne embedded.
 */

const fontFiles = ["Marianne-Regular.ttf", "Marianne-Bold.ttf", "Marianne-Regular_Italic.ttf"];

export type PdfRenderer = {
  /** `template`: Typst source reading `json(bytes(sys.inputs.data))`; `issuedAt` fixes the document's dates. */
  render(template: string, data: unknown, issuedAt: Date): Buffer;
};

/** One compiler per process (fonts loaded once, ~50 ms); each document then takes a few milliseconds. */
export function createPdfRenderer(fontsDir: string): PdfRenderer {
  let compiler: NodeCompiler | null = null;
  const compilerOf = () => {
    compiler ??= NodeCompiler.create({ fontArgs: [{ fontBlobs: fontFiles.map((file) => readFileSync(path.join(fontsDir, file))) }] });
    return compiler;
  };
  return {
    render(template, data, issuedAt) {
      const typst = compilerOf();
      const pdf = typst.pdf({ mainFileContent: template, inputs: { data: JSON.stringify(data) } }, { pdfStandard: "ua-1", creationTimestamp: Math.floor(issuedAt.getTime() / 1000) });
      typst.evictCache(10);
      return Buffer.from(pdf);
    },
  };
}
