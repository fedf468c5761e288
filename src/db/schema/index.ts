export * from "./content.ts";
export * from "./identity.ts";
export * from "./mail.ts";
export * from "./organisations.ts";
export * from "./people.ts";
export * from "./seasons.ts";
export * from "./events.ts";
export * from "./contact.ts";
