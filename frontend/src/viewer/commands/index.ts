export * from "./manager";
export * from "./annotations";
