export * from "./audit";
export * from "./clients";
export * from "./identity";
export * from "./limits";
export * from "./oauth";
export * from "./organizations";
export * from "./resources";
export * from "./tokens";
