import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFormBody, readUrlEncoded, type FormLimits } from "./form-body.server";

const LIMITS: FormLimits = { maxFields: 500, maxValueChars: 100_000, maxNameChars: 200 };

describe("reading a form body strictly", () => {
  it("reads what URLSearchParams reads, for any well-formed text", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), { maxLength: 20 }), (pairs) => {
        const clean = pairs.map(([k, v]) => [k.replace(/[\0\uD800-\uDFFF]/g, "x"), v.replace(/[\0\uD800-\uDFFF]/g, "x")] as [string, string]);
        const body = new URLSearchParams(clean).toString();
        const read = readUrlEncoded(body, LIMITS);
        expect(read).toEqual({ ok: true, fields: [...new URLSearchParams(body)] });
      }),
    );
  });

  it("names the field with a NUL byte, bytes that are not UTF-8, or a value past the limit", () => {
    expect(readUrlEncoded("email=a%40b.c&name=Ada%00", LIMITS)).toMatchObject({ ok: false, status: 400, field: "name" });
    expect(readUrlEncoded("affiliation=%ED%A0%80", LIMITS)).toMatchObject({ ok: false, status: 400, field: "affiliation" });
    expect(readUrlEncoded(`bio=${"x".repeat(100_001)}`, LIMITS)).toMatchObject({ ok: false, status: 400, field: "bio" });
    expect(readUrlEncoded(`bio=${"x".repeat(100_000)}`, LIMITS)).toMatchObject({ ok: true });
  });

  it("stops counting at the field limit", () => {
    expect(readUrlEncoded("a=1&".repeat(500), LIMITS)).toMatchObject({ ok: true });
    expect(readUrlEncoded("a=1&".repeat(501), LIMITS)).toMatchObject({ ok: false, status: 413, title: "Too many fields" });
  });

  it("reads raw UTF-8 the way curl sends it", () => {
    expect(readUrlEncoded(Buffer.from("name=Zoë Åström", "utf8").toString("latin1"), LIMITS)).toEqual({ ok: true, fields: [["name", "Zoë Åström"]] });
  });

  it("refuses broken multipart, files and lone surrogates, and takes well-formed multipart", async () => {
    const type = "multipart/form-data; boundary=b";
    const part = (name: string, value: string, extra = "") => `--b\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;
    expect(await readFormBody(Buffer.from(`${part("name", "Åsa")}--b--\r\n`), type, LIMITS)).toEqual({ ok: true, fields: [["name", "Åsa"]] });
    expect(await readFormBody(Buffer.from(`${part("name", "x")}--b`), type, LIMITS)).toMatchObject({ ok: false, status: 400 });
    expect(await readFormBody(Buffer.from(`${part("photo", "GIF89a", '; filename="a.gif"')}--b--\r\n`), type, LIMITS)).toMatchObject({ ok: false, status: 415, field: "photo" });
    expect(await readFormBody(Buffer.from(`${part("name", "a\0b")}--b--\r\n`), type, LIMITS)).toMatchObject({ ok: false, status: 400 });
    expect(await readFormBody(Buffer.from(part("n", "x").repeat(600) + "--b--\r\n"), type, LIMITS)).toMatchObject({ ok: false, status: 413 });
    expect(await readFormBody(Buffer.from("{}"), "application/json", LIMITS)).toMatchObject({ ok: false, status: 415 });
  });
});
