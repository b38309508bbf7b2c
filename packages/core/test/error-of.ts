// The TiegraphError a call throws (fails the test when it throws nothing or something else).
import { expect } from "vitest";
import { TiegraphError } from "@tiegraph/core";

export function errorOf(fn: () => unknown): TiegraphError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TiegraphError);
    return e as TiegraphError;
  }
  throw new Error("expected a TiegraphError");
}
