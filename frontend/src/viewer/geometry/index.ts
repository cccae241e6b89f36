export * from "./types";
export * from "./transform";
export * from "./measure";
export * from "./format";
export * from "./snap";
export * from "./hit";
export * from "./validation";
