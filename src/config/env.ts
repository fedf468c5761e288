import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

/**
 * Every environment variable the platform reads. Nothing else reads `process.env`.
 * Documented in README.md and `.env.example`.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url({ message: "doit être une URL complète, par exemple https://10pourcent.example.gouv.fr" }).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "doit commencer par postgres:// ou postgresql://")
    .optional(),
  SESSION_SECRET: z.string().min(32, "doit contenir au moins 32 caractères").optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "doit commencer par smtp:// ou smtps://").optional(),
  MAIL_FROM: z.string().min(3).default("Programme 10 % <programme-10-pourcent@beta.gouv.fr>"),
  /** The programme team's address: shown on /contact, told of each new message written there. */
  CONTACT_EMAIL: z.email({ message: "doit être une adresse électronique, par exemple lab-ia@data.gouv.fr" }).default("lab-ia@data.gouv.fr"),
  PROCONNECT_ISSUER: z.url({ message: "doit être l'URL de découverte du fournisseur ProConnect" }).optional(),
  PROCONNECT_CLIENT_ID: z.string().min(1).optional(),
  PROCONNECT_CLIENT_SECRET: z.string().min(1).optional(),
  PROCONNECT_SCOPES: z.string().default("openid given_name usual_name email uid siret idp_id"),
  PUBLIC_DOMAINS_FILE: z.string().min(1).optional(),
  CONTENT_DIR: z.string().min(1).default("content"),
  SEED_DEMO: booleanFromString.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: booleanFromString.default(false),
});

export type Env = z.infer<typeof envSchema>;

export type Config = Env & {
  publicUrl: string;
  isProduction: boolean;
  proconnect: { issuer: string; clientId: string; clientSecret: string; scopes: string } | null;
};

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses the environment once; a bad value stops the start with a message naming the variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")} : ${issue.message}`);
    throw new ConfigError(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === "production";
  if (isProduction && !env.SESSION_SECRET) {
    throw new ConfigError("Configuration invalide :\n  - SESSION_SECRET : obligatoire en production");
  }
  if (isProduction && !env.PUBLIC_URL) {
    throw new ConfigError("Configuration invalide :\n  - PUBLIC_URL : obligatoire en production");
  }
  if (isProduction && !env.SMTP_URL) {
    throw new ConfigError("Configuration invalide :\n  - SMTP_URL : obligatoire en production (la boîte d’envoi locale n’existe qu’en développement)");
  }
  const proconnectValues = [env.PROCONNECT_ISSUER, env.PROCONNECT_CLIENT_ID, env.PROCONNECT_CLIENT_SECRET];
  const proconnectSet = proconnectValues.filter(Boolean).length;
  if (proconnectSet > 0 && proconnectSet < 3) {
    throw new ConfigError(
      "Configuration invalide :\n  - PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID, PROCONNECT_CLIENT_SECRET : à renseigner ensemble",
    );
  }
  return {
    ...env,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    isProduction,
    proconnect:
      env.PROCONNECT_ISSUER && env.PROCONNECT_CLIENT_ID && env.PROCONNECT_CLIENT_SECRET
        ? {
            issuer: env.PROCONNECT_ISSUER,
            clientId: env.PROCONNECT_CLIENT_ID,
            clientSecret: env.PROCONNECT_CLIENT_SECRET,
            scopes: env.PROCONNECT_SCOPES,
          }
        : null,
  };
}
