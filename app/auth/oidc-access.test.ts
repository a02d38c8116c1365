import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideAccess } from "./oidc-access";

const provider = { allowedDomains: ["kth.se"], groupsClaim: "groups", organizerGroups: ["podium-organizers"], adminGroups: ["podium-admins"], trustEmail: false };

describe("who a university's provider lets in", () => {
  it("admits verified emails of allowed domains as organizers, admin groups as admins, and nobody else", () => {
    expect(decideAccess(provider, { email: "Ada@KTH.se", email_verified: true })).toEqual({ allowed: true, role: "organizer", email: "ada@kth.se" });
    expect(decideAccess(provider, { email: "x@hkust.hk", email_verified: true, groups: ["podium-admins"] })).toMatchObject({ allowed: true, role: "admin" });
    expect(decideAccess(provider, { email: "x@hkust.hk", email_verified: true, groups: "podium-organizers other" })).toMatchObject({ allowed: true, role: "organizer" });
    expect(decideAccess(provider, { email: "x@evil-kth.se", email_verified: true })).toMatchObject({ allowed: false });
    expect(decideAccess(provider, { email: "x@sub.kth.se", email_verified: true })).toMatchObject({ allowed: false });
    expect(decideAccess(provider, { email: "ada@kth.se", email_verified: false })).toMatchObject({ allowed: false });
    // Entra ID sends no email_verified: only a provider marked TRUST_EMAIL may take the email as it is.
    expect(decideAccess(provider, { email: "ada@kth.se" })).toMatchObject({ allowed: false });
    expect(decideAccess({ ...provider, trustEmail: true }, { email: "ada@kth.se" })).toMatchObject({ allowed: true });
  });

  it("never admits an unverified email, nor a domain that is not listed, whatever else the claims say", () => {
    const claims = fc.record({
      email: fc.oneof(fc.emailAddress(), fc.string()),
      email_verified: fc.constantFrom(false, "false", undefined, null),
      groups: fc.array(fc.constantFrom("podium-organizers", "staff", "students")),
    });
    fc.assert(
      fc.property(claims, (c) => {
        const decision = decideAccess(provider, c);
        expect(decision.allowed).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const decision = decideAccess(provider, { email, email_verified: true });
        expect(decision.allowed).toBe(email.toLowerCase().endsWith("@kth.se"));
      }),
    );
  });
});
