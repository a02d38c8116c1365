// The preview under the event form's start time: what the organizer reads
// before saving, in every display zone.
import { describe, expect, it } from "vitest";
import { describeStartPreview } from "./start-preview";

const KTH_HKUST = ["Europe/Stockholm", "Asia/Hong_Kong"];

describe("describeStartPreview", () => {
  it("shows 17:00 in Hong Kong on 3 December 2020 as 10:00 CET and 17:00 HKT, 75 minutes long", () => {
    const preview = describeStartPreview({ date: "2020-12-03", time: "17:00", zone: "Asia/Hong_Kong", durationMinutes: 75, displayZones: KTH_HKUST });
    expect(preview).toEqual({
      kind: "ok",
      lines: [
        "Thursday, 3 December 2020, 10:00 – 11:15 CET (Europe/Stockholm)",
        "Thursday, 3 December 2020, 17:00 – 18:15 HKT (Asia/Hong Kong)",
      ],
    });
  });

  it("says CEST in June, when Stockholm is only six hours behind Hong Kong", () => {
    const preview = describeStartPreview({ date: "2021-06-03", time: "17:00", zone: "Asia/Hong_Kong", durationMinutes: 75, displayZones: KTH_HKUST });
    expect(preview.kind).toBe("ok");
    if (preview.kind !== "ok") return;
    expect(preview.lines[0]).toBe("Thursday, 3 June 2021, 11:00 – 12:15 CEST (Europe/Stockholm)");
    expect(preview.lines[1]).toBe("Thursday, 3 June 2021, 17:00 – 18:15 HKT (Asia/Hong Kong)");
  });

  it("shows New York's own, earlier date when a Hong Kong morning is still the evening before there", () => {
    const preview = describeStartPreview({
      date: "2020-12-03",
      time: "09:00",
      zone: "Asia/Hong_Kong",
      durationMinutes: 60,
      displayZones: ["Asia/Hong_Kong", "America/New_York"],
    });
    expect(preview.kind).toBe("ok");
    if (preview.kind !== "ok") return;
    expect(preview.lines[0]).toBe("Thursday, 3 December 2020, 09:00 – 10:00 HKT (Asia/Hong Kong)");
    expect(preview.lines[1]).toBe("Wednesday, 2 December 2020, 20:00 – 21:00 EST (\u22121 day) (America/New York)");
  });

  it("adds the zone the time was typed in when it is not a display zone", () => {
    const preview = describeStartPreview({ date: "2020-12-03", time: "17:00", zone: "Asia/Hong_Kong", durationMinutes: 60, displayZones: ["Europe/Stockholm"] });
    expect(preview.kind === "ok" && preview.lines).toEqual([
      "Thursday, 3 December 2020, 10:00 – 11:00 CET (Europe/Stockholm)",
      "Thursday, 3 December 2020, 17:00 – 18:00 HKT (Asia/Hong Kong)",
    ]);
  });

  it("asks for what is missing instead of showing a time", () => {
    const base = { date: "2020-12-03", time: "17:00", zone: "Asia/Hong_Kong", durationMinutes: 60, displayZones: KTH_HKUST };
    expect(describeStartPreview({ ...base, date: "" })).toEqual({ kind: "incomplete", message: "Enter a start date and time to see them in every display zone." });
    expect(describeStartPreview({ ...base, time: "17" })).toEqual({ kind: "incomplete", message: "Enter a start date and time to see them in every display zone." });
    expect(describeStartPreview({ ...base, zone: "" })).toEqual({ kind: "incomplete", message: "Choose the zone the start time is entered in." });
    expect(describeStartPreview({ ...base, displayZones: [] })).toEqual({ kind: "incomplete", message: "Choose at least one display zone." });
    expect(describeStartPreview({ ...base, date: "2020-02-30" })).toEqual({ kind: "incomplete", message: "That date or time does not exist." });
  });
});
