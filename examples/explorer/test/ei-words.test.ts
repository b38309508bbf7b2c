// The Inside/outside tab's words for ego's E-I index: a network whose ties are
// all external (E-I +1, e.g. one contact at another organisation) is said to be
// all outside, not "almost all".
import { describe, expect, it } from "vitest";
import { eiWords } from "../src/panels/mix-panel.js";

describe("eiWords", () => {
  it("says all inside or all outside at −1 and +1, and almost all just short of them", () => {
    expect(eiWords(1)).toBe("all outside your organisation");
    expect(eiWords(-1)).toBe("all inside your organisation");
    expect(eiWords(0.75)).toBe("almost all outside your organisation");
    expect(eiWords(-0.75)).toBe("almost all inside your organisation");
    expect(eiWords(0.5)).toBe("mostly outside your organisation");
    expect(eiWords(0)).toBe("balanced between inside and outside");
    expect(eiWords(null)).toBe("no ties yet");
  });
});
