import { describe, expect, it } from "vitest";
import { durationInText, isoDuration, retentionDuration } from "./iso-duration";

const text = (nl: string, en: string) => ({ nl, en });

describe("isoDuration", () => {
  it("writes each unit as ISO 8601, weeks as days", () => {
    expect(isoDuration(7, "YEARS")).toBe("P7Y");
    expect(isoDuration(18, "MONTHS")).toBe("P18M");
    expect(isoDuration(2, "WEEKS")).toBe("P14D");
    expect(isoDuration(90, "DAYS")).toBe("P90D");
    expect(isoDuration(24, "HOURS")).toBe("PT24H");
    expect(isoDuration(30, "MINUTES")).toBe("PT30M");
  });

  it("gives no duration for a session or a missing value", () => {
    expect(isoDuration(null, "SESSION")).toBeNull();
    expect(isoDuration(null, "YEARS")).toBeNull();
    expect(isoDuration(3, null)).toBeNull();
  });
});

describe("durationInText", () => {
  it.each([
    ["7 years after the end of the contract", "P7Y"],
    ["7 jaar na het einde van de overeenkomst", "P7Y"],
    ["24 maanden", "P24M"],
    ["1 maand", "P1M"],
    ["We keep it for 30 days.", "P30D"],
    ["30 dagen na het archiveren", "P30D"],
    ["a 2-year period", "P2Y"],
    ["6 weken", "P42D"],
    ["48 uur", "PT48H"],
    ["1 year, counted from your last order; after 1 year we erase it", "P1Y"],
  ])("%s -> %s", (input, expected) => {
    expect(durationInText(input)).toBe(expected);
  });

  it.each([
    "No fixed period. We follow internal guidelines.",
    "Zolang de wettelijke bewaarplicht voor de boekhouding duurt.",
    "zeven jaar",
    "2 years, or 7 years for invoices",
    "2 to 5 years",
    "7 years under article 52 of the tax act",
    "from 2024 on",
    "",
  ])("gives null for %j", (input) => {
    expect(durationInText(input)).toBeNull();
  });
});

describe("retentionDuration", () => {
  it("takes the structured period before the text", () => {
    expect(retentionDuration({ periodValue: 90, periodUnit: "DAYS", criteria: text("30 dagen na het archiveren", "30 days after archiving") })).toBe("P90D");
  });

  it("reads the text when there is no structured period, if both languages agree", () => {
    expect(retentionDuration({ periodValue: null, periodUnit: null, criteria: text("7 jaar", "7 years") })).toBe("P7Y");
    expect(retentionDuration({ periodValue: null, periodUnit: null, criteria: text("7 jaar", "") })).toBe("P7Y");
    expect(retentionDuration({ periodValue: null, periodUnit: null, criteria: text("7 jaar", "5 years") })).toBeNull();
    expect(retentionDuration({ periodValue: null, periodUnit: null, criteria: text("zeven jaar", "7 years") })).toBeNull();
    expect(retentionDuration({ periodValue: null, periodUnit: null, criteria: text("", "") })).toBeNull();
  });
});
