export * from "./audit";
export * from "./clients";
export * from "./identity";
export * from "./oauth";
export * from "./organizations";
export * from "./resources";
export * from "./sessions";
export * from "./tokens";
