// Wording: how core's data is named and worded on screen, in one place.
export * from "./display-names.js";
