export * from "./audit";
export * from "./identity";
export * from "./organizations";
export * from "./resources";
