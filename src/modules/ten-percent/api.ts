// « Mon 10 % » (issue 16): what other modules and the composition root may use.
export { registerTenPercentRoutes } from "./routes.tsx";
export type { TenPercentDeps } from "./deps.ts";
export { createPdfRenderer, type PdfRenderer } from "./pdf/typst.ts";
/** Agreements, declared time, attestations and signatures given in the GDPR export and erasure (privacy module). */
export { tenPercentPersonalData } from "./personal-data.ts";
export { seedDemoAgreements } from "./demo-agreements.ts";
