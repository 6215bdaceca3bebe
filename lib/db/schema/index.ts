export * from "./audit";
export * from "./clients";
export * from "./identity";
export * from "./organizations";
export * from "./resources";
