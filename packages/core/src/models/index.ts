export * from "./model-rules";
export * from "./model-view";
export * from "./list-models";
export * from "./create-model";
export * from "./update-model";
export * from "./list-deployable-models";
