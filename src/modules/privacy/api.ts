/** Privacy: GDPR self-service — see, download, correct and delete one's personal data (ADR 0012). */
export { type PrivacyDeps, registerPrivacyRoutes } from "./routes.tsx";
export {
  type CorrectionLink,
  exportPersonalData,
  type PersonalDataContribution,
  type PersonalDataRow,
  type PersonalDataSection,
  type PersonalDataSubject,
  type PersonalDataTables,
} from "./personal-data.ts";
